package io.reactorbench.report.table;

import io.reactorbench.results.LatencySummary;
import io.reactorbench.report.model.TrialResult;
import io.reactorbench.report.render.Unit;
import io.reactorbench.results.metric.Metric;
import java.util.function.ToDoubleFunction;

/**
 * How the report reads a {@link Metric} from one trial and in which unit it shows it: latencies in ms (stored in ns),
 * the load generator's share and the error rate in percent (stored as 0–1), the rest as stored. The report's resident memory per
 * connection is the measured figure (the table shows "≤ bound" itself when it was not resolved), not the upper bound
 * the gate judges.
 */
public final class MetricColumns {

    private static final double NANOS_PER_MILLI = 1_000_000.0;

    private MetricColumns() {
    }

    /** The value of {@code metric} in {@code trial}, in {@link #unitOf}; NaN when the trial has none. */
    public static double valueOf(Metric metric, TrialResult trial) {
        return switch (metric) {
            case THROUGHPUT -> trial.throughput();
            case P50 -> latencyMs(trial, LatencySummary::p50);
            case P99 -> latencyMs(trial, LatencySummary::p99);
            case P999 -> latencyMs(trial, LatencySummary::p999);
            case MAX_LATENCY -> latencyMs(trial, LatencySummary::max);
            case ERRORS -> trial.errors().total();
            case ERROR_RATE -> trial.errorRate() * 100;
            case CPU_US_PER_REQUEST -> trial.server().cpuUsPerRequest();
            case ALLOCATED_BYTES_PER_REQUEST -> trial.server().allocatedBytesPerRequest();
            case GC_COUNT -> trial.server().gc().count();
            case GC_TOTAL_MS -> trial.server().gc().totalMs();
            case GC_MAX_MS -> trial.server().gc().maxMs();
            case CONNECTIONS_PER_SECOND -> trial.connectionsPerSecond();
            case RSS_PER_CONNECTION_BYTES -> trial.memory() == null ? Double.NaN : trial.memory().rssPerConnectionBytes();
            case HEAP_PER_CONNECTION_BYTES -> trial.memory() == null ? Double.NaN : trial.memory().heapPerConnectionBytes();
            case LOAD_GENERATOR_CPU -> trial.loadGeneratorUtilisation() * 100;
            default -> throw new IllegalArgumentException("the report does not tabulate " + metric);
        };
    }

    /** The unit the report shows {@code metric} in. */
    public static Unit unitOf(Metric metric) {
        return switch (metric) {
            case THROUGHPUT -> Unit.REQUESTS_PER_SECOND;
            case CONNECTIONS_PER_SECOND -> Unit.CONNECTIONS_PER_SECOND;
            case LOAD_GENERATOR_CPU, ERROR_RATE -> Unit.PERCENT;
            default -> switch (metric.unit()) {
                case NANOSECONDS, MILLISECONDS -> Unit.MILLISECONDS;
                case MICROSECONDS -> Unit.MICROSECONDS;
                case BYTES -> Unit.BYTES;
                default -> Unit.COUNT;
            };
        };
    }

    /** The column heading: label and unit, e.g. {@code p99 (ms)}. */
    public static String heading(Metric metric) {
        String symbol = unitOf(metric).symbol();
        return symbol.isEmpty() ? metric.label() : metric.label() + " (" + symbol + ")";
    }

    private static double latencyMs(TrialResult trial, ToDoubleFunction<LatencySummary> percentile) {
        LatencySummary latency = trial.latency();
        return latency == null ? Double.NaN : percentile.applyAsDouble(latency) / NANOS_PER_MILLI;
    }
}
