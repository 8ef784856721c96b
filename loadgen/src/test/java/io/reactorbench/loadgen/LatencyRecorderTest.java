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
        Histogram corrected = LoadRun.newHistogram();
        Histogram uncorrected = LoadRun.newHistogram();
        while (writer.isAlive() || totalUncorrected < requests) {
            corrected.reset();
            uncorrected.reset();
            recorder.addIntervalTo(corrected, uncorrected);
            assertThat(corrected.getTotalCount()).isEqualTo(uncorrected.getTotalCount());
            totalCorrected += corrected.getTotalCount();
            totalUncorrected += uncorrected.getTotalCount();
            if (!writer.isAlive() && corrected.getTotalCount() == 0) {
                break;
            }
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
        Histogram corrected = LoadRun.newHistogram();
        Histogram uncorrected = LoadRun.newHistogram();
        recorder.addIntervalTo(corrected, uncorrected);
        assertThat(corrected.getTotalCount()).isZero();
        assertThat(uncorrected.getTotalCount()).isEqualTo(1);
    }
}
