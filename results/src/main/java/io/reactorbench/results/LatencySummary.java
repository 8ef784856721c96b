package io.reactorbench.results;

import org.HdrHistogram.AbstractHistogram;

/** Percentiles of one latency histogram, all in nanoseconds (load.json's and summary.json's {@code latencyNs}). */
public record LatencySummary(
        long count,
        double mean,
        long p50,
        long p75,
        long p90,
        long p99,
        long p999,
        long p9999,
        long max) {

    /** Nothing recorded: every figure 0. */
    public static final LatencySummary EMPTY = new LatencySummary(0, 0, 0, 0, 0, 0, 0, 0, 0);

    /**
     * Reads the percentiles off an HdrHistogram whose values are nanoseconds. An empty one (a run that answered
     * nothing) is {@link #EMPTY} by definition here, not by whatever the library answers for percentiles of nothing.
     */
    public static LatencySummary of(AbstractHistogram histogram) {
        if (histogram.getTotalCount() == 0) {
            return EMPTY;
        }
        return new LatencySummary(histogram.getTotalCount(), histogram.getMean(),
                histogram.getValueAtPercentile(50), histogram.getValueAtPercentile(75),
                histogram.getValueAtPercentile(90), histogram.getValueAtPercentile(99),
                histogram.getValueAtPercentile(99.9), histogram.getValueAtPercentile(99.99),
                histogram.getMaxValue());
    }
}
