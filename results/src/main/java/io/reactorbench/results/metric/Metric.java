package io.reactorbench.results.metric;

import io.reactorbench.results.CellSummary;
import io.reactorbench.results.LatencySummary;
import io.reactorbench.results.MemoryPerConnection;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;

/**
 * Every number of a cell that reactorbench names to people, once: the unit it is stored in, which way is better,
 * and the name each surface gives it. The gate's policies and baseline files say {@link #policyName()}
 * ({@code p999}), the report's columns and charts say {@link #label()} ({@code p99.9}), {@code load --threshold}
 * says {@link #thresholdName()} ({@code p999}, {@code rps}); a surface that does not offer a metric has no name
 * for it (null).
 *
 * <p>Latency percentiles ({@code p50} … {@code maxLatency}) read the corrected view when the cell has one (open
 * loop) and the uncorrected view otherwise (closed loop); {@code uncorrectedP99} and friends force the latter.
 */
public enum Metric {
    THROUGHPUT("throughput", "throughput", "rps", QuantityUnit.PER_SECOND, Better.HIGHER, s -> s.throughput()),
    REQUESTS("requests", null, null, QuantityUnit.COUNT, Better.HIGHER, s -> (double) s.requests()),
    ERRORS("errors", "errors", null, QuantityUnit.COUNT, Better.LOWER,
            s -> s.errors() == null ? null : (double) s.errors().total()),
    /**
     * Errors as a share of the requests answered plus the errors: what {@code load --threshold errors<0.1%} judges
     * (policies budget the count).
     */
    ERROR_SHARE(null, null, "errors", QuantityUnit.RATIO, Better.LOWER,
            s -> s.errors() == null ? null : errorShare(s.requests(), s.errors().total())),
    /**
     * Failed requests as a share of the requests issued in the window (answered + failed): summary.json's
     * {@code errorRate}. The latency percentiles hold the failed requests, each at the moment it failed, so this is
     * the number every latency figure is read with, and the error budget a policy sets
     * ({@code budget: errorRate <= 0.1%}) and {@code load --threshold errorRate<0.1%} judges. Absent in summaries
     * written before it existed.
     */
    ERROR_RATE("errorRate", "error rate", "errorRate", QuantityUnit.SHARE, Better.LOWER, CellSummary::errorRate),
    P50("p50", "p50", "p50", QuantityUnit.NANOSECONDS, Better.LOWER, s -> latency(s, true, LatencySummary::p50)),
    P75("p75", null, "p75", QuantityUnit.NANOSECONDS, Better.LOWER, s -> latency(s, true, LatencySummary::p75)),
    P90("p90", null, "p90", QuantityUnit.NANOSECONDS, Better.LOWER, s -> latency(s, true, LatencySummary::p90)),
    P99("p99", "p99", "p99", QuantityUnit.NANOSECONDS, Better.LOWER, s -> latency(s, true, LatencySummary::p99)),
    P999("p999", "p99.9", "p999", QuantityUnit.NANOSECONDS, Better.LOWER, s -> latency(s, true, LatencySummary::p999)),
    P9999("p9999", null, "p9999", QuantityUnit.NANOSECONDS, Better.LOWER, s -> latency(s, true, LatencySummary::p9999)),
    MAX_LATENCY("maxLatency", "max", "max", QuantityUnit.NANOSECONDS, Better.LOWER,
            s -> latency(s, true, LatencySummary::max)),
    MEAN_LATENCY("meanLatency", null, "mean", QuantityUnit.NANOSECONDS, Better.LOWER,
            s -> latency(s, true, LatencySummary::mean)),
    UNCORRECTED_P50("uncorrectedP50", null, null, QuantityUnit.NANOSECONDS, Better.LOWER,
            s -> latency(s, false, LatencySummary::p50)),
    UNCORRECTED_P99("uncorrectedP99", null, null, QuantityUnit.NANOSECONDS, Better.LOWER,
            s -> latency(s, false, LatencySummary::p99)),
    UNCORRECTED_P999("uncorrectedP999", null, null, QuantityUnit.NANOSECONDS, Better.LOWER,
            s -> latency(s, false, LatencySummary::p999)),
    CPU_US_PER_REQUEST("cpuUsPerRequest", "CPU/req", null, QuantityUnit.MICROSECONDS, Better.LOWER,
            s -> s.server().cpuUsPerRequest()),
    ALLOCATED_BYTES_PER_REQUEST("allocatedBytesPerRequest", "alloc/req", null, QuantityUnit.BYTES, Better.LOWER,
            s -> s.server().allocatedBytesPerRequest()),
    GC_COUNT("gcCount", "GC pauses", null, QuantityUnit.COUNT, Better.LOWER,
            s -> s.server().gc() == null ? null : (double) s.server().gc().count()),
    GC_TOTAL_MS("gcTotalMs", "GC total", null, QuantityUnit.MILLISECONDS, Better.LOWER,
            s -> s.server().gc() == null ? null : s.server().gc().totalMs()),
    GC_MAX_MS("gcMaxMs", "GC max", null, QuantityUnit.MILLISECONDS, Better.LOWER,
            s -> s.server().gc() == null ? null : s.server().gc().maxMs()),
    RSS_BYTES("rssBytes", null, null, QuantityUnit.BYTES, Better.LOWER, s -> toDouble(s.server().rssBytes())),
    HEAP_USED_BYTES("heapUsedBytes", null, null, QuantityUnit.BYTES, Better.LOWER,
            s -> toDouble(s.server().heapUsedBytes())),
    THREADS("threads", null, null, QuantityUnit.COUNT, Better.LOWER, s -> toDouble(s.server().threads())),
    /**
     * Resident memory per idle connection. In a cell summary its value is the most an idle connection can cost: the
     * figure plus its resolution, never below 0 ({@link MemoryPerConnection#rssUpperBoundBytesPerConnection}). A lean
     * design's raw figure is mostly the JVM's own churn (it may even be negative), so comparing raw values would
     * judge noise; a budget on the bound holds only when the cost is surely within it. (The report shows the median
     * figure, or "≤ bound" when most trials did not resolve it.)
     */
    RSS_PER_CONNECTION_BYTES("rssPerConnectionBytes", "RSS/conn", null, QuantityUnit.BYTES, Better.LOWER,
            s -> MemoryPerConnection.rssUpperBoundBytesPerConnection(s.memory())),
    HEAP_PER_CONNECTION_BYTES("heapPerConnectionBytes", "heap/conn", null, QuantityUnit.BYTES, Better.LOWER,
            s -> s.memory() == null ? null : s.memory().heapPerConnectionBytes()),
    CONNECTIONS_PER_SECOND("connectionsPerSecond", "connections", null, QuantityUnit.PER_SECOND, Better.HIGHER,
            CellSummary::connectionsPerSecond),
    /**
     * A rate sweep's highest offered rate that met its objective (issue 19 B); null for other cells, and for a sweep
     * that met it at no rate it tried.
     */
    SUSTAINED_RATE("sustainedRate", "sustained", null, QuantityUnit.PER_SECOND, Better.HIGHER,
            s -> s.sweep() == null ? null : s.sweep().sustainedRatePerSec()),
    /**
     * The load generator's busy share (0–1) of the CPUs it could use: not the server's number, the check on it
     * (see {@link io.reactorbench.results.LoadGeneratorCpu}).
     */
    LOAD_GENERATOR_CPU(null, "load CPU", null, QuantityUnit.RATIO, Better.LOWER,
            s -> s.loadGenerator() == null ? null : s.loadGenerator().utilisation());

    private final String policyName;
    private final String label;
    private final String thresholdName;
    private final QuantityUnit unit;
    private final Better better;
    private final Function<CellSummary, Double> extractor;

    Metric(String policyName, String label, String thresholdName, QuantityUnit unit, Better better,
            Function<CellSummary, Double> extractor) {
        this.policyName = policyName;
        this.label = label;
        this.thresholdName = thresholdName;
        this.unit = unit;
        this.better = better;
        this.extractor = extractor;
    }

    /** The name in gate policies and baseline files ({@code p999}, {@code cpuUsPerRequest}); null when the gate does not offer it. */
    public String policyName() {
        return policyName;
    }

    /** The name in the report's columns and charts ({@code p99.9}, {@code CPU/req}); null when the report does not show it. */
    public String label() {
        return label;
    }

    /** The name in {@code load --threshold} ({@code p999}, {@code rps}); null when a threshold cannot name it. */
    public String thresholdName() {
        return thresholdName;
    }

    /** The unit values are stored and judged in (latencies in ns, shares as 0–1). */
    public QuantityUnit unit() {
        return unit;
    }

    /** Whether this is a latency (from the load generator's histograms), which a lagging generator distorts. */
    public boolean isLatency() {
        return unit == QuantityUnit.NANOSECONDS;
    }

    public Better better() {
        return better;
    }

    /** The value in a cell's summary, or null when the cell did not measure it (e.g. memory of a busy scenario). */
    public Double valueIn(CellSummary summary) {
        Double value = extractor.apply(summary);
        return value == null || value.isNaN() ? null : value;
    }

    /** The metrics a gate policy can name, in the order its messages list them. */
    public static List<Metric> inPolicies() {
        return Arrays.stream(values()).filter(m -> m.policyName != null).toList();
    }

    /** The metric a policy calls {@code name}; the message lists the known names. */
    public static Metric byPolicyName(String name) {
        for (Metric metric : inPolicies()) {
            if (metric.policyName.equals(name)) {
                return metric;
            }
        }
        throw new IllegalArgumentException("unknown metric '" + name + "' (known: "
                + inPolicies().stream().map(Metric::policyName).collect(Collectors.joining(", ")) + ")");
    }

    /** The metric {@code load --threshold} calls {@code name}, or null. */
    public static Metric byThresholdName(String name) {
        return Arrays.stream(values()).filter(m -> name.equals(m.thresholdName)).findFirst().orElse(null);
    }

    /** Errors as a share of the requests answered plus the errors; 0 when there were none. */
    public static double errorShare(long requests, long errors) {
        return errors == 0 ? 0 : errors / (double) (requests + errors);
    }

    private static Double latency(CellSummary summary, boolean preferCorrected, ToDoubleFunction<LatencySummary> percentile) {
        if (summary.latencyNs() == null) {
            return null;
        }
        LatencySummary view = preferCorrected ? summary.latencyNs().preferred() : summary.latencyNs().uncorrected();
        return view == null ? null : percentile.applyAsDouble(view);
    }

    private static Double toDouble(Number value) {
        return value == null ? null : value.doubleValue();
    }
}
