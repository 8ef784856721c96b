package io.reactorbench.results;

/**
 * {@code summary.json}: the numbers of one cell (one design, one scenario variant, one trial). A failed cell
 * still has a summary with {@code status = failed}, its {@code reason}, and whatever was measured before it
 * failed (numbers of a failed cell must not be ranked).
 *
 * @param schema               {@link SchemaVersions#SUMMARY}
 * @param variant              swept values, e.g. {@code connections=1000}; empty when nothing is swept
 * @param windowSeconds        length of the measured window
 * @param requests             completed requests in the window
 * @param throughput           requests per second in the window
 * @param latencyNs            latency views; the uncorrected view may be null for idle/churn scenarios
 * @param memory               idle scenarios only, otherwise null
 * @param connectionsPerSecond churn scenarios only, otherwise null
 */
public record CellSummary(
        String schema,
        String scenario,
        String variant,
        String design,
        int trial,
        CellStatus status,
        String reason,
        CellParams params,
        double windowSeconds,
        long requests,
        double throughput,
        ErrorCounts errors,
        LatencyViews latencyNs,
        ServerMetrics server,
        MemoryPerConnection memory,
        Double connectionsPerSecond) {

    public CellSummary {
        variant = variant == null ? "" : variant;
        errors = errors == null ? ErrorCounts.NONE : errors;
        latencyNs = latencyNs == null ? new LatencyViews(null, null) : latencyNs;
        server = server == null ? ServerMetrics.UNKNOWN : server;
    }

    public String scenarioKey() {
        return variant.isEmpty() ? scenario : scenario + "@" + variant;
    }

    public boolean ok() {
        return status == CellStatus.OK;
    }
}
