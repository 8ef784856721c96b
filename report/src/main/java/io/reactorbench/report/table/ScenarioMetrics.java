package io.reactorbench.report.table;

import io.reactorbench.report.model.ScenarioParams;
import java.util.List;

/** Which metrics a scenario's table shows, by the scenario's load model. */
public final class ScenarioMetrics {

    static final List<Metric> REQUEST_RESPONSE = List.of(Metric.THROUGHPUT, Metric.P50, Metric.P99, Metric.P999,
            Metric.MAX, Metric.ERRORS, Metric.CPU_PER_REQUEST, Metric.ALLOC_PER_REQUEST, Metric.GC_COUNT,
            Metric.GC_MAX);
    static final List<Metric> IDLE = List.of(Metric.RSS_PER_CONNECTION, Metric.HEAP_PER_CONNECTION, Metric.ERRORS,
            Metric.GC_COUNT);
    static final List<Metric> CHURN = List.of(Metric.CONNECTIONS_PER_SECOND, Metric.P50, Metric.P99, Metric.ERRORS,
            Metric.CPU_PER_REQUEST, Metric.GC_COUNT);

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
