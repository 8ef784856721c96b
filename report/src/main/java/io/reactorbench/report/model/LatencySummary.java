package io.reactorbench.report.model;

/** Latency percentiles of one trial in nanoseconds, as summary.json holds them. */
public record LatencySummary(long count, double meanNs, double p50Ns, double p75Ns, double p90Ns,
                             double p99Ns, double p999Ns, double p9999Ns, double maxNs) {
}
