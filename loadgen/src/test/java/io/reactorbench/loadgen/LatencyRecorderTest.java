package io.reactorbench.loadgen;

import static org.assertj.core.api.Assertions.assertThat;

import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

class LatencyRecorderTest {

    @Test
    void shouldPutEachRequestInTheSameIntervalOfBothHistogramsWhileSampledConcurrently() throws Exception {
        LatencyRecorder recorder = new LatencyRecorder();
        int requests = 200_000;
        Thread writer = new Thread(() -> {
            for (int i = 0; i < requests; i += 4) {
                long token = recorder.beginBatch();
                for (int j = 0; j < 4; j++) {
                    recorder.record(2_000 + j, 1_000 + j);
                }
                recorder.endBatch(token);
            }
        });
        writer.start();
        long totalCorrected = 0;
        long totalUncorrected = 0;
        LatencyInterval interval = new LatencyInterval();
        Histogram corrected = interval.corrected;
        Histogram uncorrected = interval.uncorrected;
        // Sampled while the writer runs, then once more after it finished (a sample taken while the writer was
        // descheduled can be empty, so "empty and the writer gone" must be judged on the writer seen before it).
        boolean writerDone = false;
        while (!writerDone) {
            writerDone = !writer.isAlive();
            interval.reset();
            recorder.addIntervalTo(interval);
            assertThat(corrected.getTotalCount()).isEqualTo(uncorrected.getTotalCount());
            totalCorrected += corrected.getTotalCount();
            totalUncorrected += uncorrected.getTotalCount();
        }
        writer.join();
        assertThat(totalCorrected).isEqualTo(requests);
        assertThat(totalUncorrected).isEqualTo(requests);
    }

    @Test
    void shouldLeaveCorrectedEmptyWhenThereIsNoIntendedTime() {
        LatencyRecorder recorder = new LatencyRecorder();
        long token = recorder.beginBatch();
        recorder.record(-1, 5_000);
        recorder.endBatch(token);
        LatencyInterval interval = new LatencyInterval();
        recorder.addIntervalTo(interval);
        assertThat(interval.corrected.getTotalCount()).isZero();
        assertThat(interval.uncorrected.getTotalCount()).isEqualTo(1);
    }

    @Test
    void shouldRecordFailedRequestsInBothViewsAndCountThemByKindApart() {
        LatencyRecorder recorder = new LatencyRecorder();
        long token = recorder.beginBatch();
        recorder.record(2_000, 1_000);
        recorder.record(3_000, 2_000);
        recorder.recordFailure(ErrorKind.TIMEOUT, 1_000_000_000, 999_000_000);
        recorder.recordFailure(ErrorKind.RESET, 50_000, 40_000);
        recorder.countFailures(ErrorKind.RESET, 7);
        recorder.endBatch(token);
        LatencyInterval interval = new LatencyInterval();
        recorder.addIntervalTo(interval);

        assertThat(interval.corrected.getTotalCount()).isEqualTo(4);
        assertThat(interval.uncorrected.getTotalCount()).isEqualTo(4);
        assertThat(interval.corrected.getMaxValue()).isEqualTo(interval.corrected.highestEquivalentValue(1_000_000_000));
        assertThat(interval.failedRequests()).isEqualTo(new io.reactorbench.results.ErrorCounts(0, 1, 8, 0));
        Histogram answered = interval.answeredCorrected();
        assertThat(answered.getTotalCount()).isEqualTo(2);
        assertThat(answered.getMaxValue()).isEqualTo(answered.highestEquivalentValue(3_000));
    }

    /** A server failing many requests at once must not make the load thread allocate (and collect) per request. */
    @Test
    void shouldRecordFailuresWithoutAllocating() {
        LatencyRecorder recorder = new LatencyRecorder();

        // Not a byte per failure: only the measurement's own few bytes.
        assertThat(allocatedBy(() -> recordFailures(recorder, 10_000), () -> recordFailures(recorder, 100_000)))
                .isLessThan(1_024);
    }

    /** Every scheduled send records its lateness on the load thread: that must not allocate either. */
    @Test
    void shouldRecordSendLatenessWithoutAllocating() {
        LatencyRecorder recorder = new LatencyRecorder();

        // A longer warm-up than the failures': this loop is short enough that 10,000 calls leave its compilation
        // (a few KB on this thread, once) inside the measured part.
        assertThat(allocatedBy(() -> recordSendLateness(recorder, 100_000),
                () -> recordSendLateness(recorder, 100_000))).isLessThan(1_024);
    }

    /**
     * The send lateness is sampled with the latencies, through the same phaser: sampled while a load thread records,
     * every send's lateness lands in exactly one interval, none lost and none twice (each record goes whole into the
     * interval active when it is made; a batch's records may straddle a flip, as with HdrHistogram's Recorder).
     */
    @Test
    void shouldSampleEverySendsLatenessExactlyOnceWhileRecordedConcurrently() throws Exception {
        LatencyRecorder recorder = new LatencyRecorder();
        int sends = 100_000;
        Thread writer = new Thread(() -> {
            for (int i = 0; i < sends; i++) {
                long token = recorder.beginBatch();
                recorder.recordSendLateness(500 + i % 7);
                recorder.record(2_000, 1_000);
                recorder.endBatch(token);
            }
        });
        writer.start();
        LatencyInterval interval = new LatencyInterval();
        LatencyInterval total = new LatencyInterval();
        while (writer.isAlive()) {
            interval.reset();
            recorder.addIntervalTo(interval);
            total.add(interval);
        }
        writer.join();
        interval.reset();
        recorder.addIntervalTo(interval); // what the writer recorded after the last sample
        total.add(interval);
        assertThat(total.sendLateness.getTotalCount()).isEqualTo(sends);
        assertThat(total.sendLateness.getMaxValue()).isEqualTo(total.sendLateness.highestEquivalentValue(506));
        assertThat(total.answered()).isEqualTo(sends);
        interval.reset();
        assertThat(interval.sendLateness.getTotalCount()).as("reset empties the lateness too").isZero();
    }

    /** Bytes this thread allocated running {@code measured}, after {@code warmUp} (class loading, compilation). */
    private static long allocatedBy(Runnable warmUp, Runnable measured) {
        com.sun.management.ThreadMXBean threads =
                (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
        long thread = Thread.currentThread().threadId();
        warmUp.run();
        long before = threads.getThreadAllocatedBytes(thread);
        measured.run();
        return threads.getThreadAllocatedBytes(thread) - before;
    }

    private static void recordSendLateness(LatencyRecorder recorder, int sends) {
        for (int i = 0; i < sends; i++) {
            long token = recorder.beginBatch();
            recorder.recordSendLateness(1_000 + i);
            recorder.endBatch(token);
        }
    }

    private static void recordFailures(LatencyRecorder recorder, int failures) {
        for (int i = 0; i < failures; i += 4) {
            long token = recorder.beginBatch();
            for (int j = 0; j < 4; j++) {
                recorder.recordFailure(ErrorKind.RESET, 1_000_000 + i, 900_000 + i);
            }
            recorder.countFailures(ErrorKind.TIMEOUT, 3);
            recorder.endBatch(token);
        }
    }
}
