package io.reactorbench.results;

/** Percentiles of one latency histogram, all in nanoseconds. */
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

    /** Reads the percentiles off an HdrHistogram whose values are nanoseconds. */
    public static LatencySummary of(org.HdrHistogram.AbstractHistogram histogram) {
        return new LatencySummary(histogram.getTotalCount(), histogram.getMean(),
                histogram.getValueAtPercentile(50), histogram.getValueAtPercentile(75),
                histogram.getValueAtPercentile(90), histogram.getValueAtPercentile(99),
                histogram.getValueAtPercentile(99.9), histogram.getValueAtPercentile(99.99),
                histogram.getMaxValue());
    }
}
