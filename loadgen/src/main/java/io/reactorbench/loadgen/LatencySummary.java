package io.reactorbench.loadgen;

import org.HdrHistogram.AbstractHistogram;

/** Latency percentiles of one histogram, in nanoseconds (field names as in summary.json's latencyNs). */
public record LatencySummary(long count, double mean, long p50, long p75, long p90, long p99, long p999,
        long p9999, long max) {

    public static LatencySummary of(AbstractHistogram h) {
        if (h.getTotalCount() == 0) {
            return new LatencySummary(0, 0, 0, 0, 0, 0, 0, 0, 0);
        }
        return new LatencySummary(h.getTotalCount(), h.getMean(), h.getValueAtPercentile(50),
                h.getValueAtPercentile(75), h.getValueAtPercentile(90), h.getValueAtPercentile(99),
                h.getValueAtPercentile(99.9), h.getValueAtPercentile(99.99), h.getMaxValue());
    }
}
