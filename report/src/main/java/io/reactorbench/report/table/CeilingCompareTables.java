package io.reactorbench.report.table;

import io.reactorbench.report.model.CeilingOutcome;
import io.reactorbench.report.model.RunView;
import io.reactorbench.report.model.TrialResult;
import io.reactorbench.report.render.Numbers;
import io.reactorbench.results.LatencySummary;
import io.reactorbench.results.Spread;
import io.reactorbench.results.ceiling.CeilingStepResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Connection-ceiling scenarios of run A against run B, for {@code compare}: per design the connections held at the
 * highest completed step and what stopped each ramp, then per step that both ramps completed (same target) what a
 * connection cost on the heap and in RSS and the active requests' p99, side by side with the change. A ramp's
 * steps cannot be averaged over trials, so each side's steps are those of its median-ceiling trial, as in the
 * report ({@link CeilingTrials#representative}).
 */
public final class CeilingCompareTables {

    public static final List<String> HELD_HEADINGS = List.of("design", "held A", "held B", CompareTables.HEADING_CHANGE,
            "stopped by A", "stopped by B");
    public static final List<String> STEP_HEADINGS = List.of("design", "step", "metric", "A", "B",
            CompareTables.HEADING_CHANGE);

    private static final double NANOS_PER_MILLI = 1_000_000.0;

    /** What the per-step table compares, in this order. */
    private record StepMetric(String heading, Function<CeilingStepResult, Double> value) {
    }

    private static final List<StepMetric> STEP_METRICS = List.of(
            new StepMetric("heap/conn (B)", CeilingStepResult::heapPerConnectionBytes),
            new StepMetric("RSS/conn (B)", CeilingStepResult::rssPerConnectionBytes),
            new StepMetric("p99 (ms)", CeilingCompareTables::p99Ms));

    private CeilingCompareTables() {
    }

    /** Two tables per ceiling scenario that both runs have; none when they share no ceiling scenario. */
    public static List<Table> of(RunView a, RunView b) {
        Map<String, Map<String, List<TrialResult>>> byA = ceilingTrials(a);
        Map<String, Map<String, List<TrialResult>>> byB = ceilingTrials(b);
        List<Table> tables = new ArrayList<>();
        for (String label : new TreeSet<>(byA.keySet())) {
            Map<String, List<TrialResult>> designsB = byB.get(label);
            if (designsB != null) {
                tables.add(held(label, byA.get(label), designsB));
                tables.add(steps(label, byA.get(label), designsB));
            }
        }
        return tables;
    }

    private static Table held(String label, Map<String, List<TrialResult>> designsA,
            Map<String, List<TrialResult>> designsB) {
        List<List<TableCell>> rows = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        for (String design : designs(designsA, designsB, notes)) {
            Spread heldA = CeilingTrials.highestHeld(designsA.get(design));
            Spread heldB = CeilingTrials.highestHeld(designsB.get(design));
            rows.add(List.of(TableCell.text(design), CompareTables.spreadCell(heldA), CompareTables.spreadCell(heldB),
                    TableCell.text(Numbers.percentChange(change(heldA.median(), heldB.median()))),
                    TableCell.text(stopLabel(designsA.get(design))), TableCell.text(stopLabel(designsB.get(design)))));
        }
        return new Table(label + " — connection ceiling: highest step held (median over trials)", HELD_HEADINGS, rows,
                notes);
    }

    private static Table steps(String label, Map<String, List<TrialResult>> designsA,
            Map<String, List<TrialResult>> designsB) {
        List<List<TableCell>> rows = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        for (String design : designs(designsA, designsB, new ArrayList<>())) {
            Optional<TrialResult> trialA = CeilingTrials.representative(designsA.get(design));
            Optional<TrialResult> trialB = CeilingTrials.representative(designsB.get(design));
            if (trialA.isEmpty() || trialB.isEmpty()) {
                continue;
            }
            Map<Integer, CeilingStepResult> stepsB = completedByTarget(trialB.get());
            int common = 0;
            for (CeilingStepResult stepA : completedByTarget(trialA.get()).values()) {
                CeilingStepResult stepB = stepsB.get(stepA.load().targetConnections());
                if (stepB == null) {
                    continue;
                }
                common++;
                for (StepMetric metric : STEP_METRICS) {
                    double valueA = orNaN(metric.value().apply(stepA));
                    double valueB = orNaN(metric.value().apply(stepB));
                    rows.add(List.of(TableCell.text(design), TableCell.text(Numbers.format(stepA.load().targetConnections())),
                            TableCell.text(metric.heading()), TableCell.text(Numbers.format(valueA)),
                            TableCell.text(Numbers.format(valueB)),
                            TableCell.text(Numbers.percentChange(change(valueA, valueB)))));
                }
            }
            if (common == 0) {
                notes.add(design + ": the two ramps completed no step of the same size");
            }
            if (trialA.get().trial() != 1 || trialB.get().trial() != 1) {
                notes.add(design + ": steps of trial " + trialA.get().trial() + " in A and " + trialB.get().trial()
                        + " in B, each side's median ceiling");
            }
        }
        return new Table(label + " — connection ceiling: per step both ramps completed", STEP_HEADINGS, rows, notes);
    }

    /** The scenarios whose successful trials include a ramp, by design, as {@link RunView} orders them. */
    private static Map<String, Map<String, List<TrialResult>>> ceilingTrials(RunView run) {
        Map<String, Map<String, List<TrialResult>>> result = new LinkedHashMap<>();
        run.trialsByScenarioAndDesign().forEach((label, designs) -> {
            if (designs.values().stream().flatMap(List::stream).anyMatch(t -> t.ok() && t.ceiling() != null)) {
                result.put(label, designs);
            }
        });
        return result;
    }

    /** The designs both runs have; those of one side only are named in {@code notes}. */
    private static List<String> designs(Map<String, List<TrialResult>> designsA, Map<String, List<TrialResult>> designsB,
            List<String> notes) {
        TreeSet<String> all = new TreeSet<>(designsA.keySet());
        all.addAll(designsB.keySet());
        List<String> both = new ArrayList<>();
        for (String design : all) {
            if (designsA.containsKey(design) && designsB.containsKey(design)) {
                both.add(design);
            } else {
                notes.add(design + " ran only in " + (designsA.containsKey(design) ? "A" : "B"));
            }
        }
        return both;
    }

    private static Map<Integer, CeilingStepResult> completedByTarget(TrialResult trial) {
        Map<Integer, CeilingStepResult> steps = new LinkedHashMap<>();
        for (CeilingStepResult step : trial.ceiling().steps()) {
            if (step.completed()) {
                steps.put(step.load().targetConnections(), step);
            }
        }
        return steps;
    }

    private static String stopLabel(List<TrialResult> trials) {
        return CeilingTrials.representative(trials).map(t -> CeilingOutcome.of(t.ceiling()).stopLabel())
                .orElse(Numbers.MISSING);
    }

    private static Double p99Ms(CeilingStepResult step) {
        LatencySummary latency = step.load().latencyNs();
        return latency == null || latency.count() == 0 ? null : latency.p99() / NANOS_PER_MILLI;
    }

    /** (B − A) / A; NaN when a side lacks the value or A is zero. */
    private static double change(double a, double b) {
        return Double.isNaN(a) || Double.isNaN(b) || a == 0 ? Double.NaN : (b - a) / Math.abs(a);
    }

    private static double orNaN(Double value) {
        return value == null ? Double.NaN : value;
    }
}
