package io.reactorbench.report.table;

import io.reactorbench.report.model.RunView;
import io.reactorbench.report.model.TrialResult;
import io.reactorbench.report.render.Numbers;
import io.reactorbench.results.Spread;
import io.reactorbench.results.metric.Metric;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Run A against run B: per scenario variant, a row per design and metric with both medians (min–max), the
 * change in percent and whether it is beyond the trials' spread (marked ⚠, with "better" or "worse").
 */
public final class CompareTables {

    public static final String HEADING_CHANGE = "change";
    public static final String HEADING_VERDICT = "beyond spread";
    /** The verdict where a side ran one trial: no min–max, so no change can be told from noise. */
    public static final String NO_SPREAD = "n = 1";

    private CompareTables() {
    }

    /** The changes of the "biggest changes" table: the largest by size, whatever their direction. */
    public static final int BIGGEST_CHANGES = 10;

    /**
     * The {@link #BIGGEST_CHANGES} largest changes over every scenario, design and metric, largest first: what a
     * reader looks for first. Changes of zero are left out.
     */
    public static Table biggest(RunView a, RunView b) {
        Map<String, Map<String, List<TrialResult>>> byA = a.trialsByScenarioAndDesign();
        Map<String, Map<String, List<TrialResult>>> byB = b.trialsByScenarioAndDesign();
        record Found(String scenario, String design, Change change) {
        }
        List<List<TableCell>> rows = new ArrayList<>();
        List<Found> found = new ArrayList<>();
        for (String label : byA.keySet()) {
            Map<String, List<TrialResult>> designsB = byB.getOrDefault(label, Map.of());
            byA.get(label).forEach((design, trialsA) -> {
                List<TrialResult> trialsB = designsB.getOrDefault(design, List.of());
                if (trialsB.isEmpty()) {
                    return;
                }
                for (Metric metric : ScenarioMetrics.forParams(trialsA.getFirst().params())) {
                    Change change = new Change(metric, TrialSpread.of(metric, trialsA), TrialSpread.of(metric, trialsB));
                    if (!Double.isNaN(change.fraction()) && change.fraction() != 0) {
                        found.add(new Found(label, design, change));
                    }
                }
            });
        }
        found.sort(java.util.Comparator.comparingDouble((Found f) -> -Math.abs(f.change().fraction())));
        for (Found f : found.subList(0, Math.min(BIGGEST_CHANGES, found.size()))) {
            Change change = f.change();
            rows.add(List.of(TableCell.text(f.scenario()), TableCell.text(f.design()),
                    TableCell.text(MetricColumns.heading(change.metric())),
                    new TableCell(Numbers.percentChange(change.fraction()), "", false, change.beyondSpread()),
                    TableCell.text(verdict(change))));
        }
        return new Table("Biggest changes", List.of("scenario", "design", "metric", HEADING_CHANGE, HEADING_VERDICT),
                rows, found.isEmpty() ? List.of("no metric changed") : List.of());
    }

    public static List<Table> of(RunView a, RunView b) {
        Map<String, Map<String, List<TrialResult>>> byA = a.trialsByScenarioAndDesign();
        Map<String, Map<String, List<TrialResult>>> byB = b.trialsByScenarioAndDesign();
        TreeSet<String> labels = new TreeSet<>(byA.keySet());
        labels.addAll(byB.keySet());
        List<Table> tables = new ArrayList<>();
        for (String label : labels) {
            Map<String, List<TrialResult>> designsA = byA.getOrDefault(label, Map.of());
            Map<String, List<TrialResult>> designsB = byB.getOrDefault(label, Map.of());
            tables.add(table(label, designsA, designsB));
        }
        return tables;
    }

    static Table table(String label, Map<String, List<TrialResult>> designsA, Map<String, List<TrialResult>> designsB) {
        TreeSet<String> designs = new TreeSet<>(designsA.keySet());
        designs.addAll(designsB.keySet());
        List<TrialResult> any = designsA.isEmpty() ? designsB.values().iterator().next() : designsA.values().iterator().next();
        List<Metric> metrics = ScenarioMetrics.forParams(any.getFirst().params());
        List<List<TableCell>> rows = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        for (String design : designs) {
            List<TrialResult> trialsA = designsA.getOrDefault(design, List.of());
            List<TrialResult> trialsB = designsB.getOrDefault(design, List.of());
            if (trialsA.isEmpty() || trialsB.isEmpty()) {
                notes.add(design + " ran only in " + (trialsA.isEmpty() ? "B" : "A"));
                continue;
            }
            for (Metric metric : metrics) {
                Change change = new Change(metric, TrialSpread.of(metric, trialsA), TrialSpread.of(metric, trialsB));
                if (!change.a().isPresent() && !change.b().isPresent()) {
                    continue;
                }
                boolean beyond = change.beyondSpread();
                rows.add(List.of(TableCell.text(design), TableCell.text(MetricColumns.heading(metric)),
                        spreadCell(change.a()), spreadCell(change.b()),
                        new TableCell(Numbers.percentChange(change.fraction()), "", false, beyond),
                        TableCell.text(verdict(change))));
            }
        }
        if (designsA.isEmpty() || designsB.isEmpty()) {
            notes.add("scenario ran only in " + (designsA.isEmpty() ? "B" : "A"));
        }
        return new Table(label, List.of("design", "metric", "A", "B", HEADING_CHANGE, HEADING_VERDICT), rows, notes);
    }

    /** "better"/"worse" beyond the spread; "n = 1" where a side ran one trial and so has no spread to judge by. */
    static String verdict(Change change) {
        if (change.beyondSpread()) {
            return change.isImprovement() ? "better" : "worse";
        }
        return change.a().isPresent() && change.b().isPresent() && !change.hasSpread() ? NO_SPREAD : "";
    }

    /** A side's median with its min–max under it; missing when the side has no value. */
    static TableCell spreadCell(Spread spread) {
        return new TableCell(Numbers.format(spread.median()),
                spread.n() > 1 && spread.min() != spread.max() ? Numbers.range(spread.min(), spread.max()) : "", false, false);
    }
}
