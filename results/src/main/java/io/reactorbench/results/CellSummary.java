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
 * @param loadGenerator        CPU the load generator used in the window; null when load.json does not say
 * @param slowRead             slowread scenarios only (their latency is not meaningful), otherwise null
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
        Double connectionsPerSecond,
        LoadGeneratorCpu loadGenerator,
        SlowReadSummary slowRead) {

    public CellSummary {
        variant = variant == null ? "" : variant;
        errors = errors == null ? ErrorCounts.NONE : errors;
        latencyNs = latencyNs == null ? new LatencyViews(null, null) : latencyNs;
        server = server == null ? ServerMetrics.UNKNOWN : server;
    }

    /** A summary without the fields added after the first schema version's core (as older writers built it). */
    public CellSummary(String schema, String scenario, String variant, String design, int trial, CellStatus status,
                       String reason, CellParams params, double windowSeconds, long requests, double throughput,
                       ErrorCounts errors, LatencyViews latencyNs, ServerMetrics server, MemoryPerConnection memory,
                       Double connectionsPerSecond) {
        this(schema, scenario, variant, design, trial, status, reason, params, windowSeconds, requests, throughput,
                errors, latencyNs, server, memory, connectionsPerSecond, null, null);
    }

    /** The same summary with {@code newParams}. */
    public CellSummary withParams(CellParams newParams) {
        return new CellSummary(schema, scenario, variant, design, trial, status, reason, newParams, windowSeconds,
                requests, throughput, errors, latencyNs, server, memory, connectionsPerSecond, loadGenerator, slowRead);
    }

    public String scenarioKey() {
        return CellKey.scenarioKey(scenario, variant);
    }

    /** The cell without its trial number. */
    public CellKey cellKey() {
        return new CellKey(scenario, variant, design);
    }

    public boolean ok() {
        return status == CellStatus.OK;
    }
}
