package io.reactorbench.report.table;

import io.reactorbench.report.model.ScenarioParams;
import io.reactorbench.results.metric.Metric;
import java.util.List;

/**
 * Which metrics a scenario's table shows, by the scenario's load model. The error rate stands right after the
 * latencies: they hold the failed requests, and are read with the share that failed.
 */
public final class ScenarioMetrics {

    static final List<Metric> REQUEST_RESPONSE = List.of(Metric.THROUGHPUT, Metric.P50, Metric.P99, Metric.P999,
            Metric.MAX_LATENCY, Metric.ERROR_RATE, Metric.ERRORS, Metric.CPU_US_PER_REQUEST, Metric.ALLOCATED_BYTES_PER_REQUEST, Metric.GC_COUNT,
            Metric.GC_MAX_MS);
    static final List<Metric> IDLE = List.of(Metric.RSS_PER_CONNECTION_BYTES, Metric.HEAP_PER_CONNECTION_BYTES, Metric.ERRORS,
            Metric.GC_COUNT);
    static final List<Metric> CHURN = List.of(Metric.CONNECTIONS_PER_SECOND, Metric.P50, Metric.P99, Metric.ERROR_RATE,
            Metric.ERRORS,
            Metric.CPU_US_PER_REQUEST, Metric.GC_COUNT);

    private ScenarioMetrics() {
    }

    public static List<Metric> forParams(ScenarioParams params) {
        return switch (params.model()) {
            case "idle" -> IDLE;
            case "churn" -> CHURN;
            default -> REQUEST_RESPONSE;
        };
    }
}
