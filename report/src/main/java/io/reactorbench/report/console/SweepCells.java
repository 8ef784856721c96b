package io.reactorbench.report.console;

import io.reactorbench.report.table.CeilingTrials;
import io.reactorbench.results.CellSummary;
import io.reactorbench.results.sweep.SweepResult;
import io.reactorbench.results.sweep.SweepStep;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How the console shows rate-sweep cells (issue 19 B): the highest rate each design sustained within the objective,
 * the rate that broke it, whether the knee was found, and the p99 at the sustained rate. The other blocks' requests
 * per second and whole-run latency would mix the sweep's steps.
 */
final class SweepCells {

    static final String[] HEADERS = {"design", "sustained", "broke at", "knee", "p99 there", "steps", "load CPU"};
    static final String LEGEND = "sweep: sustained = the highest offered rate that met the objective (median over"
            + " trials); broke at = the lowest rate above it that did not; knee not found = no step broke it, or none met it";

    private SweepCells() {
    }

    static boolean any(Map<String, List<CellSummary>> designs) {
        return designs.values().stream().flatMap(List::stream).anyMatch(SweepCells::isSweep);
    }

    static boolean isSweep(CellSummary s) {
        return s.sweep() != null || s.params() != null && "sweep".equals(s.params().model());
    }

    /** The design's row: the median sustained rate over trials; the rest from the trial with the median one. */
    static String[] row(String design, String failedNote, List<CellSummary> ok) {
        Optional<SweepResult> sweep = representative(ok).map(CellSummary::sweep);
        return new String[] {
            design + failedNote,
            EndOfRunTable.cell(ok, s -> s.sweep() == null ? null : s.sweep().sustainedRatePerSec(), EndOfRunTable::count),
            sweep.flatMap(SweepCells::broke).map(step -> EndOfRunTable.count(step.offeredRatePerSec())).orElse("-"),
            sweep.map(s -> s.kneeFound() ? "found" : "not found").orElse("-"),
            sweep.flatMap(SweepCells::atSustained).map(step -> EndOfRunTable.nanos(step.latencyNs().p99())).orElse("-"),
            sweep.map(s -> Integer.toString(s.steps().size())).orElse("-"),
            EndOfRunTable.loadCpu(ok)
        };
    }

    /** One line per design whose sweep found no knee, with the sentence that says why. */
    static List<String> outcomeNotes(String scenario, Map<String, List<CellSummary>> designs) {
        List<String> notes = new ArrayList<>();
        designs.forEach((design, trials) -> representative(trials.stream().filter(CellSummary::ok).toList())
                .map(CellSummary::sweep).filter(s -> !s.kneeFound())
                .ifPresent(s -> notes.add(design + " in " + scenario + ": " + s.outcome())));
        return notes;
    }

    /** What the runner prints when a sweep cell finished: its outcome sentence. */
    static String line(CellSummary s) {
        return s.sweep().steps().size() + " steps: " + s.sweep().outcome();
    }

    private static Optional<SweepStep> broke(SweepResult sweep) {
        return sweep.brokenByStep() == null ? Optional.empty() : Optional.of(sweep.steps().get(sweep.brokenByStep()));
    }

    private static Optional<SweepStep> atSustained(SweepResult sweep) {
        return sweep.steps().stream().filter(step -> Boolean.TRUE.equals(step.metObjective())
                && sweep.sustainedRatePerSec() != null && step.offeredRatePerSec() == sweep.sustainedRatePerSec()
                && step.latencyNs() != null && step.latencyNs().count() > 0).findFirst();
    }

    /** The successful trial with the median sustained rate, as the report's step tables pick it. */
    private static Optional<CellSummary> representative(List<CellSummary> ok) {
        return CeilingTrials.medianCeiling(ok.stream().filter(s -> s.sweep() != null).toList(),
                s -> s.sweep().sustainedRatePerSec() == null ? 0 : Math.round(s.sweep().sustainedRatePerSec()),
                CellSummary::trial);
    }
}
