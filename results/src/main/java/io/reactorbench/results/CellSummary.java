package io.reactorbench.results;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.reactorbench.results.ceiling.CeilingResult;
import io.reactorbench.results.sweep.SweepResult;

/**
 * {@code summary.json}: the numbers of one cell (one design, one scenario variant, one trial). A failed cell
 * still has a summary with {@code status = failed}, its {@code reason}, and whatever was measured before it
 * failed (numbers of a failed cell must not be ranked).
 *
 * @param schema               {@link SchemaVersions#SUMMARY}
 * @param variant              swept values, e.g. {@code connections=1000}; empty when nothing is swept
 * @param windowSeconds        length of the measured window
 * @param requests             requests answered in the window (failed ones are in {@code failedRequests})
 * @param throughput           requests per second in the window
 * @param latencyNs            latency views, of every request issued in the window, failed ones included at the
 *                             moment they failed; the uncorrected view may be null for idle/churn scenarios
 * @param memory               idle scenarios only, otherwise null
 * @param connectionsPerSecond churn scenarios only, otherwise null
 * @param loadGenerator        CPU the load generator used in the window; null when load.json does not say
 * @param slowRead             slowread scenarios only (their latency is not meaningful), otherwise null
 * @param loadPlacement        the load's agents, source addresses and start skew; null (not written) when it ran as
 *                             one process on kernel-chosen addresses
 * @param ceiling              connection-ceiling cells (model ceiling) only: the ramp's steps, what each held and
 *                             cost, and why it stopped; null (not written) otherwise
 * @param failedRequests       requests of the window that were lost, by the kind of error that lost them (load.json's
 *                             {@code failedRequests}); null (not written) in summaries from before it existed
 * @param errorRate            failed / (answered + failed) requests, the share of {@code latencyNs} that are
 *                             failures: read every latency figure with it; null (not written) where failedRequests is
 * @param generatorSchedule    open and idle models: how late the load generator sent against its schedule in the
 *                             window and whether it fell behind ({@link GeneratorSchedule}: the gate then does not
 *                             judge the cell's latency); null (not written) for models without a schedule and in
 *                             summaries written before it existed
 * @param allocationCalibration how allocation per request was corrected for the probe's own allocation: the
 *                             calibration (bytes per STATS answer, every difference measured, whether it settled),
 *                             the answers subtracted, the uncorrected figure, and why the corrected one is negative
 *                             when it is ({@link AllocationCalibration}); null (not written) without an inside probe
 *                             and in summaries written before it existed
 * @param sweep                rate-sweep cells (model sweep, issue 19 B) only: every step's offered and achieved
 *                             rate, corrected latency and errors, the objective, the sustained rate and the step
 *                             that broke it; null (not written) otherwise
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
        SlowReadSummary slowRead,
        @JsonInclude(JsonInclude.Include.NON_NULL) LoadPlacement loadPlacement,
        @JsonInclude(JsonInclude.Include.NON_NULL) CeilingResult ceiling,
        @JsonInclude(JsonInclude.Include.NON_NULL) ErrorCounts failedRequests,
        @JsonInclude(JsonInclude.Include.NON_NULL) Double errorRate,
        @JsonInclude(JsonInclude.Include.NON_NULL) GeneratorSchedule generatorSchedule,
        @JsonInclude(JsonInclude.Include.NON_NULL) AllocationCalibration allocationCalibration,
        @JsonInclude(JsonInclude.Include.NON_NULL) SweepResult sweep) {

    public CellSummary {
        variant = variant == null ? "" : variant;
        errors = errors == null ? ErrorCounts.NONE : errors;
        latencyNs = latencyNs == null ? new LatencyViews(null, null) : latencyNs;
        server = server == null ? ServerMetrics.UNKNOWN : server;
    }

    /** A summary of a load run as one process (as written before load placement was recorded). */
    public CellSummary(String schema, String scenario, String variant, String design, int trial, CellStatus status,
                       String reason, CellParams params, double windowSeconds, long requests, double throughput,
                       ErrorCounts errors, LatencyViews latencyNs, ServerMetrics server, MemoryPerConnection memory,
                       Double connectionsPerSecond, LoadGeneratorCpu loadGenerator, SlowReadSummary slowRead) {
        this(schema, scenario, variant, design, trial, status, reason, params, windowSeconds, requests, throughput,
                errors, latencyNs, server, memory, connectionsPerSecond, loadGenerator, slowRead, null, null, null,
                null, null, null, null);
    }

    /** A summary without the fields added after the first schema version's core (as older writers built it). */
    public CellSummary(String schema, String scenario, String variant, String design, int trial, CellStatus status,
                       String reason, CellParams params, double windowSeconds, long requests, double throughput,
                       ErrorCounts errors, LatencyViews latencyNs, ServerMetrics server, MemoryPerConnection memory,
                       Double connectionsPerSecond) {
        this(schema, scenario, variant, design, trial, status, reason, params, windowSeconds, requests, throughput,
                errors, latencyNs, server, memory, connectionsPerSecond, null, null, null, null, null, null, null,
                null, null);
    }

    /** The same summary with {@code newParams}. */
    public CellSummary withParams(CellParams newParams) {
        return new CellSummary(schema, scenario, variant, design, trial, status, reason, newParams, windowSeconds,
                requests, throughput, errors, latencyNs, server, memory, connectionsPerSecond, loadGenerator, slowRead,
                loadPlacement, ceiling, failedRequests, errorRate, generatorSchedule, allocationCalibration, sweep);
    }

    public String scenarioKey() {
        return CellKey.scenarioKey(scenario, variant);
    }

    /** The cell without its trial number. */
    public CellKey cellKey() {
        return new CellKey(scenario, variant, design);
    }

    /** Whether the load generator fell behind its send schedule, so that the cell's latency is partly its own. */
    public boolean generatorBehind() {
        return generatorSchedule != null && generatorSchedule.behind();
    }

    public boolean ok() {
        return status == CellStatus.OK;
    }
}
