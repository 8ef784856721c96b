package io.reactorbench.report.table;

import io.reactorbench.report.model.RunView;
import io.reactorbench.report.model.ScenarioParams;
import io.reactorbench.report.model.TrialResult;
import io.reactorbench.report.render.Numbers;
import io.reactorbench.results.Spread;
import io.reactorbench.results.CellRef;
import io.reactorbench.results.MemoryPerConnection;
import io.reactorbench.results.metric.Metric;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One table per scenario variant: a row per design, a column per metric, each the median over successful
 * trials with the min–max under it; the best median of each column is marked.
 */
public final class SummaryTables {

    private SummaryTables() {
    }

    public static List<Table> of(RunView run) {
        List<Table> tables = new ArrayList<>();
        for (Map.Entry<String, Map<String, List<TrialResult>>> scenario : run.trialsByScenarioAndDesign().entrySet()) {
            tables.add(table(run, scenario.getKey(), scenario.getValue()));
        }
        return tables;
    }

    static Table table(RunView run, String scenarioLabel, Map<String, List<TrialResult>> byDesign) {
        if (byDesign.values().stream().flatMap(List::stream).anyMatch(TrialResult::isCeiling)) {
            return CeilingSummaryTable.of(run, scenarioLabel, byDesign);
        }
        if (byDesign.values().stream().flatMap(List::stream).anyMatch(TrialResult::isSweep)) {
            return SweepSummaryTable.of(run, scenarioLabel, byDesign);
        }
        ScenarioParams params = byDesign.values().iterator().next().getFirst().params();
        List<Metric> shown = new ArrayList<>(ScenarioMetrics.forParams(params));
        shown.add(Metric.LOAD_GENERATOR_CPU); // the console's "load CPU" column: whether the client was the limit
        List<Metric> metrics = shown.stream()
                .filter(m -> byDesign.values().stream().anyMatch(trials -> TrialSpread.of(m, trials).isPresent()))
                .toList();
        boolean anyClientBound = ClientBound.any(byDesign);
        boolean anyBehind = GeneratorBehind.any(byDesign);
        List<String> headings = new ArrayList<>(List.of("design", "trials ok"));
        metrics.forEach(m -> headings.add(MetricColumns.heading(m)));
        List<List<TableCell>> rows = new ArrayList<>();
        for (Map.Entry<String, List<TrialResult>> design : byDesign.entrySet()) {
            List<TrialResult> trials = design.getValue();
            long ok = trials.stream().filter(TrialResult::ok).count();
            List<TableCell> row = new ArrayList<>();
            row.add(TableCell.text(design.getKey()));
            row.add(new TableCell(ok + "/" + trialCount(run, scenarioLabel, design.getKey(), trials.size()), "",
                    false, ok < trials.size()));
            boolean clientBound = ClientBound.of(trials);
            boolean behind = GeneratorBehind.of(trials);
            for (Metric metric : metrics) {
                Spread spread = TrialSpread.of(metric, trials);
                TableCell bound = metric == Metric.RSS_PER_CONNECTION_BYTES ? withinResolution(trials)
                        : metric == Metric.ALLOCATED_BYTES_PER_REQUEST ? allocationBelowZero(trials) : null;
                if (bound != null) {
                    row.add(bound);
                    continue;
                }
                // A saturated client bounded these columns: no design wins them, the bounded one least of all.
                // The load generator's CPU checks the measurement; it is no merit of the server's.
                // A lagging generator's delay is in its latency: no design wins a latency column beside it.
                boolean best = metric != Metric.LOAD_GENERATOR_CPU
                        && !(anyClientBound && ClientBound.BOUNDED_BY_THE_CLIENT.contains(metric))
                        && !(anyBehind && metric.isLatency())
                        && isBest(metric, spread, byDesign);
                boolean marked = clientBound && (metric == Metric.THROUGHPUT || metric == Metric.LOAD_GENERATOR_CPU);
                boolean lagged = behind && metric.isLatency();
                row.add(new TableCell(Numbers.format(spread.median()) + (marked ? " " + ClientBound.MARK : "")
                        + (lagged ? " " + GeneratorBehind.MARK : ""),
                        spread.n() > 1 && spread.min() != spread.max() ? Numbers.range(spread.min(), spread.max()) : "", best, false));
            }
            rows.add(row);
        }
        List<String> notes = failureNotes(run, scenarioLabel, byDesign);
        if (anyClientBound) {
            notes.add(ClientBound.LEGEND);
        }
        if (anyBehind) {
            notes.add(GeneratorBehind.LEGEND);
        }
        return new Table(scenarioLabel + " — " + describe(params, byDesign), headings, rows, notes);
    }

    /**
     * RSS per idle connection when most trials saw nothing above the noise: "≤ X" (the median upper bound), not a
     * figure that is noise and may be negative; null when the figure was resolved.
     */
    static TableCell withinResolution(List<TrialResult> trials) {
        List<TrialResult> measured = trials.stream().filter(TrialResult::ok)
                .filter(t -> t.memory() != null && !Double.isNaN(t.memory().rssPerConnectionBytes())).toList();
        long within = measured.stream().filter(t -> t.memory().rssWithinResolution()).count();
        if (!MemoryPerConnection.readAsUpperBound(within, measured.size())) {
            return null;
        }
        Spread bounds = Spread.ofValues(measured.stream().mapToDouble(t -> t.memory().rssUpperBoundBytes())
                .filter(b -> !Double.isNaN(b)).toArray());
        if (!bounds.isPresent()) {
            return null;
        }
        return new TableCell("≤ " + Numbers.format(bounds.median()), "within resolution", false, false);
    }

    /**
     * Allocation per request when a trial's figure fell below zero after subtracting the probe's own: "≤ X" (X the
     * median uncorrected figure, what the server allocated at most), flagged, not a negative number; null otherwise.
     */
    static TableCell allocationBelowZero(List<TrialResult> trials) {
        List<TrialResult> measured = trials.stream().filter(TrialResult::ok)
                .filter(t -> t.allocationCalibration() != null).toList();
        if (measured.stream().noneMatch(t -> t.allocationCalibration().belowZeroBecause() != null)) {
            return null;
        }
        Spread bounds = Spread.ofValues(measured.stream().map(TrialResult::allocationCalibration)
                .filter(c -> c.uncorrectedBytesPerRequest() != null)
                .mapToDouble(c -> Math.max(0, c.uncorrectedBytesPerRequest())).toArray());
        if (!bounds.isPresent()) {
            return null;
        }
        return new TableCell("≤ " + Numbers.format(bounds.median()), "below the probe's calibration", false, true);
    }

    /** Best = the best median of the column, marked only where designs differ (no star for a tie of all). */
    static boolean isBest(Metric metric, Spread spread, Map<String, List<TrialResult>> byDesign) {
        if (!spread.isPresent()) {
            return false;
        }
        List<Double> medians = byDesign.values().stream().map(t -> TrialSpread.of(metric, t))
                .filter(Spread::isPresent).map(Spread::median).toList();
        if (medians.size() < 2 || medians.stream().distinct().count() == 1) {
            return false;
        }
        return medians.stream().noneMatch(other -> metric.better().isBetter(other, spread.median()));
    }

    static String describe(ScenarioParams params, Map<String, List<TrialResult>> byDesign) {
        StringBuilder text = new StringBuilder();
        text.append(params.app().isEmpty() ? "" : params.app() + ", ");
        text.append(params.notTcp() ? "over " + params.transport() + ", " : "");
        text.append(switch (params.model()) {
            case "open" -> "open loop" + (Double.isNaN(params.rate()) ? "" : " at " + Numbers.format(params.rate()) + " req/s");
            case "closed" -> "closed loop";
            case "" -> "unknown model";
            default -> params.model();
        });
        text.append(", ").append(params.connections()).append(" connections");
        if (params.serverCpuCapped()) {
            text.append(", server capped at ").append(Numbers.format(params.serverCpuQuotaPercent())).append("% of a CPU");
        }
        boolean corrected = byDesign.values().stream().flatMap(List::stream).anyMatch(TrialResult::latencyIsCorrected);
        if (!params.isIdle()) {
            text.append(corrected ? "; latency corrected for coordinated omission" : "; latency uncorrected (closed loop)");
        }
        return text.toString();
    }

    /** Trials of a design: those in the run's cell index, or the summaries read when the index has fewer. */
    static long trialCount(RunView run, String scenarioLabel, String design, int summaries) {
        long inIndex = run.cells().stream()
                .filter(c -> c.scenarioKey().equals(scenarioLabel) && c.design().equals(design))
                .count();
        return Math.max(inIndex, summaries);
    }

    /** What did not produce numbers: failed trials (with their reason) and indexed cells with no summary. */
    static List<String> failureNotes(RunView run, String scenarioLabel, Map<String, List<TrialResult>> byDesign) {
        List<String> notes = new ArrayList<>();
        byDesign.values().stream().flatMap(List::stream).filter(t -> !t.ok()).forEach(t -> notes.add(
                t.cell().design() + " trial " + t.trial() + " failed" + (t.reason().isEmpty() ? "" : ": " + t.reason())));
        for (CellRef cell : run.cells()) {
            if (!cell.scenarioKey().equals(scenarioLabel)) {
                continue;
            }
            List<TrialResult> trials = byDesign.getOrDefault(cell.design(), List.of());
            if (trials.stream().noneMatch(t -> t.trial() == cell.trial())) {
                notes.add(cell.design() + " trial " + cell.trial() + (cell.ok() ? " has no summary.json"
                        : " failed" + (cell.reason().isEmpty() ? "" : ": " + cell.reason())));
            }
        }
        return notes;
    }
}
