package io.reactorbench.microbench.loadgen;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;
import org.HdrHistogram.SingleWriterRecorder;

/**
 * Where a load worker records a latency, so the load generator's choice ({@link Recorder}: any thread may record
 * while the reporter swaps interval histograms) can be compared with the cheaper alternatives through one
 * {@code @Param} ({@link #create}).
 */
interface LatencyRecorder {

    /** The load generator's histogram range: 1 ns to one hour, 3 significant digits (LoadWorker's). */
    long MAX_LATENCY_NS = 3_600_000_000_000L;
    int SIGNIFICANT_DIGITS = 3;

    void recordValue(long latencyNs);

    static LatencyRecorder create(String id) {
        return switch (id) {
            case "recorder" -> new Recorder(1, MAX_LATENCY_NS, SIGNIFICANT_DIGITS)::recordValue;
            case "single-writer-recorder" -> new SingleWriterRecorder(1, MAX_LATENCY_NS, SIGNIFICANT_DIGITS)::recordValue;
            case "histogram" -> new Histogram(1, MAX_LATENCY_NS, SIGNIFICANT_DIGITS)::recordValue;
            default -> throw new IllegalArgumentException("unknown recorder '" + id
                    + "' (known: recorder, single-writer-recorder, histogram)");
        };
    }
}
