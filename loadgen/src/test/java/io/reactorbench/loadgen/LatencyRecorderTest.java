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
        com.sun.management.ThreadMXBean threads =
                (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
        long thread = Thread.currentThread().threadId();
        recordFailures(recorder, 10_000); // warm up: class loading, first compilation
        long before = threads.getThreadAllocatedBytes(thread);
        recordFailures(recorder, 100_000);
        long allocated = threads.getThreadAllocatedBytes(thread) - before;

        // Not a byte per failure: only the measurement's own few bytes.
        assertThat(allocated).isLessThan(1_024);
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
