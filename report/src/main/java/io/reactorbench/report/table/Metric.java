package io.reactorbench.report.table;

import io.reactorbench.report.model.TrialResult;
import io.reactorbench.report.render.Unit;
import io.reactorbench.results.LatencySummary;
import java.util.function.ToDoubleFunction;

/**
 * A number the report tabulates, with its unit, its better direction and how to take it from one trial.
 * Latencies are the corrected ones where the run measured them (see {@link TrialResult#latency()}).
 */
public enum Metric {
    THROUGHPUT("throughput", Unit.REQUESTS_PER_SECOND, Better.HIGHER, TrialResult::throughput),
    P50("p50", Unit.MILLISECONDS, Better.LOWER, t -> latencyMs(t, LatencySummary::p50)),
    P99("p99", Unit.MILLISECONDS, Better.LOWER, t -> latencyMs(t, LatencySummary::p99)),
    P999("p99.9", Unit.MILLISECONDS, Better.LOWER, t -> latencyMs(t, LatencySummary::p999)),
    MAX("max", Unit.MILLISECONDS, Better.LOWER, t -> latencyMs(t, LatencySummary::max)),
    ERRORS("errors", Unit.COUNT, Better.LOWER, t -> t.errors().total()),
    CPU_PER_REQUEST("CPU/req", Unit.MICROSECONDS, Better.LOWER, t -> t.server().cpuUsPerRequest()),
    ALLOC_PER_REQUEST("alloc/req", Unit.BYTES, Better.LOWER, t -> t.server().allocatedBytesPerRequest()),
    GC_COUNT("GC pauses", Unit.COUNT, Better.LOWER, t -> t.server().gc().count()),
    GC_TOTAL("GC total", Unit.MILLISECONDS, Better.LOWER, t -> t.server().gc().totalMs()),
    GC_MAX("GC max", Unit.MILLISECONDS, Better.LOWER, t -> t.server().gc().maxMs()),
    CONNECTIONS_PER_SECOND("connections", Unit.CONNECTIONS_PER_SECOND, Better.HIGHER, TrialResult::connectionsPerSecond),
    RSS_PER_CONNECTION("RSS/conn", Unit.BYTES, Better.LOWER,
            t -> t.memory() == null ? Double.NaN : t.memory().rssPerConnectionBytes()),
    HEAP_PER_CONNECTION("heap/conn", Unit.BYTES, Better.LOWER,
            t -> t.memory() == null ? Double.NaN : t.memory().heapPerConnectionBytes()),
    /** The load generator's busy share of the CPUs it could use: not the server's number, the check on it. */
    LOAD_GENERATOR_CPU("load CPU", Unit.PERCENT, Better.LOWER, t -> t.loadGeneratorUtilisation() * 100);

    private static final double NANOS_PER_MILLI = 1_000_000.0;

    private final String label;
    private final Unit unit;
    private final Better better;
    private final ToDoubleFunction<TrialResult> extractor;

    Metric(String label, Unit unit, Better better, ToDoubleFunction<TrialResult> extractor) {
        this.label = label;
        this.unit = unit;
        this.better = better;
        this.extractor = extractor;
    }

    public double of(TrialResult trial) {
        return extractor.applyAsDouble(trial);
    }

    public String label() {
        return label;
    }

    /** The column heading: label and unit, e.g. {@code p99 (ms)}. */
    public String heading() {
        return unit.symbol().isEmpty() ? label : label + " (" + unit.symbol() + ")";
    }

    public Unit unit() {
        return unit;
    }

    public Better better() {
        return better;
    }

    private static double latencyMs(TrialResult trial, ToDoubleFunction<LatencySummary> percentile) {
        LatencySummary latency = trial.latency();
        return latency == null ? Double.NaN : percentile.applyAsDouble(latency) / NANOS_PER_MILLI;
    }
}
