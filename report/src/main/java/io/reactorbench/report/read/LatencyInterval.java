package io.reactorbench.report.read;

/** One interval of an interval log: when it started (seconds after the log's first interval) and its tail. */
public record LatencyInterval(double startSeconds, double p99Ns, double maxNs) {
}
