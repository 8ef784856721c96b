package io.reactorbench.results.gate;

import io.reactorbench.results.CellSummary;
import io.reactorbench.results.LatencySummary;
import io.reactorbench.results.MemoryPerConnection;
import java.util.Arrays;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The numbers of a cell that a policy can name, each with its unit and which way is better. Latency
 * percentiles ({@code p50} … {@code maxLatency}) read the corrected view when the cell has one (open loop)
 * and the uncorrected view otherwise (closed loop); {@code uncorrectedP99} and friends force the latter.
 */
public enum Metric {
    THROUGHPUT("throughput", MetricUnit.PER_SECOND, true, s -> s.throughput()),
    REQUESTS("requests", MetricUnit.COUNT, true, s -> (double) s.requests()),
    ERRORS("errors", MetricUnit.COUNT, false, s -> (double) s.errors().total()),
    P50("p50", MetricUnit.NANOSECONDS, false, s -> latency(s, true, LatencySummary::p50)),
    P75("p75", MetricUnit.NANOSECONDS, false, s -> latency(s, true, LatencySummary::p75)),
    P90("p90", MetricUnit.NANOSECONDS, false, s -> latency(s, true, LatencySummary::p90)),
    P99("p99", MetricUnit.NANOSECONDS, false, s -> latency(s, true, LatencySummary::p99)),
    P999("p999", MetricUnit.NANOSECONDS, false, s -> latency(s, true, LatencySummary::p999)),
    P9999("p9999", MetricUnit.NANOSECONDS, false, s -> latency(s, true, LatencySummary::p9999)),
    MAX_LATENCY("maxLatency", MetricUnit.NANOSECONDS, false, s -> latency(s, true, LatencySummary::max)),
    MEAN_LATENCY("meanLatency", MetricUnit.NANOSECONDS, false, s -> latency(s, true, LatencySummary::mean)),
    UNCORRECTED_P50("uncorrectedP50", MetricUnit.NANOSECONDS, false, s -> latency(s, false, LatencySummary::p50)),
    UNCORRECTED_P99("uncorrectedP99", MetricUnit.NANOSECONDS, false, s -> latency(s, false, LatencySummary::p99)),
    UNCORRECTED_P999("uncorrectedP999", MetricUnit.NANOSECONDS, false, s -> latency(s, false, LatencySummary::p999)),
    CPU_US_PER_REQUEST("cpuUsPerRequest", MetricUnit.MICROSECONDS, false, s -> s.server().cpuUsPerRequest()),
    ALLOCATED_BYTES_PER_REQUEST("allocatedBytesPerRequest", MetricUnit.BYTES, false,
            s -> s.server().allocatedBytesPerRequest()),
    GC_COUNT("gcCount", MetricUnit.COUNT, false, s -> s.server().gc() == null ? null : (double) s.server().gc().count()),
    GC_TOTAL_MS("gcTotalMs", MetricUnit.MILLISECONDS, false, s -> s.server().gc() == null ? null : s.server().gc().totalMs()),
    GC_MAX_MS("gcMaxMs", MetricUnit.MILLISECONDS, false, s -> s.server().gc() == null ? null : s.server().gc().maxMs()),
    RSS_BYTES("rssBytes", MetricUnit.BYTES, false, s -> toDouble(s.server().rssBytes())),
    HEAP_USED_BYTES("heapUsedBytes", MetricUnit.BYTES, false, s -> toDouble(s.server().heapUsedBytes())),
    THREADS("threads", MetricUnit.COUNT, false, s -> toDouble(s.server().threads())),
    /**
     * The most an idle connection can cost in resident memory: the figure plus its resolution, never below 0
     * ({@link MemoryPerConnection#rssUpperBoundBytesPerConnection}). A lean design's raw figure is mostly the JVM's
     * own churn (it may even be negative), so comparing raw values would judge noise; a budget on the bound holds
     * only when the cost is surely within it.
     */
    RSS_PER_CONNECTION_BYTES("rssPerConnectionBytes", MetricUnit.BYTES, false,
            s -> MemoryPerConnection.rssUpperBoundBytesPerConnection(s.memory())),
    HEAP_PER_CONNECTION_BYTES("heapPerConnectionBytes", MetricUnit.BYTES, false,
            s -> s.memory() == null ? null : s.memory().heapPerConnectionBytes()),
    CONNECTIONS_PER_SECOND("connectionsPerSecond", MetricUnit.PER_SECOND, true, CellSummary::connectionsPerSecond);

    private final String id;
    private final MetricUnit unit;
    private final boolean higherIsBetter;
    private final Function<CellSummary, Double> extractor;

    Metric(String id, MetricUnit unit, boolean higherIsBetter, Function<CellSummary, Double> extractor) {
        this.id = id;
        this.unit = unit;
        this.higherIsBetter = higherIsBetter;
        this.extractor = extractor;
    }

    /** The name used in policies, baselines and reports. */
    public String id() {
        return id;
    }

    public MetricUnit unit() {
        return unit;
    }

    public boolean higherIsBetter() {
        return higherIsBetter;
    }

    /** The value in a cell's summary, or null when the cell did not measure it (e.g. memory of a busy scenario). */
    public Double valueIn(CellSummary summary) {
        Double value = extractor.apply(summary);
        return value == null || value.isNaN() ? null : value;
    }

    /** The metric called {@code id}; the message lists the known names. */
    public static Metric byId(String id) {
        for (Metric metric : values()) {
            if (metric.id.equals(id)) {
                return metric;
            }
        }
        throw new IllegalArgumentException("unknown metric '" + id + "' (known: "
                + Arrays.stream(values()).map(Metric::id).collect(Collectors.joining(", ")) + ")");
    }

    private static Double latency(CellSummary summary, boolean preferCorrected,
            java.util.function.ToDoubleFunction<LatencySummary> percentile) {
        LatencySummary view = preferCorrected ? summary.latencyNs().preferred() : summary.latencyNs().uncorrected();
        return view == null ? null : percentile.applyAsDouble(view);
    }

    private static Double toDouble(Number value) {
        return value == null ? null : value.doubleValue();
    }
}
