package io.reactorbench.report.table;

import io.reactorbench.report.console.EndOfRunTable;
import io.reactorbench.report.model.TrialResult;
import io.reactorbench.results.Spread;
import io.reactorbench.results.LoadGeneratorCpu;
import io.reactorbench.results.metric.Metric;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A cell whose load generator used (nearly) all of its CPU: its throughput and latency are the client's, not
 * the server's. The rule, mark and legend are the end-of-run table's ({@link EndOfRunTable}), so the console
 * and the report say the same thing about the same cell.
 */
public final class ClientBound {

    public static final String MARK = EndOfRunTable.SATURATED_MARK;
    public static final String LEGEND = EndOfRunTable.SATURATED_LEGEND;

    /** Columns a saturated client bounds: no design is crowned in them while any design of the table is client-bound. */
    static final Set<Metric> BOUNDED_BY_THE_CLIENT = Set.of(Metric.THROUGHPUT, Metric.P50, Metric.P99, Metric.P999,
            Metric.MAX_LATENCY, Metric.CONNECTIONS_PER_SECOND);

    private ClientBound() {
    }

    /** Whether the median utilisation of the load generator over the cell's successful trials reached the mark. */
    public static boolean of(List<TrialResult> trials) {
        Spread utilisation = TrialSpread.of(Metric.LOAD_GENERATOR_CPU, trials);
        return utilisation.isPresent() && utilisation.median() >= LoadGeneratorCpu.SATURATED_AT * 100;
    }

    static boolean any(Map<String, List<TrialResult>> byDesign) {
        return byDesign.values().stream().anyMatch(ClientBound::of);
    }
}
