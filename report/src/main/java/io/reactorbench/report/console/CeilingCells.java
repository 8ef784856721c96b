package io.reactorbench.report.console;

import io.reactorbench.report.model.CeilingOutcome;
import io.reactorbench.report.table.CeilingTrials;
import io.reactorbench.results.CellSummary;
import io.reactorbench.results.GcPauses;
import io.reactorbench.results.ceiling.CeilingStepResult;
import io.reactorbench.results.metric.QuantityUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * How the console shows connection-ceiling cells: the connections held and what stopped the ramp, then what a
 * connection cost and how the active requests fared at the highest step held. Requests per second, the other
 * blocks' first column, is only the small rate the ramp ran over its connections.
 */
final class CeilingCells {

    static final String[] HEADERS = {"design", "held", "stopped by", "heap/conn", "rss/conn", "kernel/conn", "p99",
        "error rate", "GC n / max", "load CPU"};
    static final String LEGEND = "ceiling: held = connections at the highest step completed (median over trials);"
            + " per connection and p99 at that step";

    private CeilingCells() {
    }

    static boolean any(Map<String, List<CellSummary>> designs) {
        return designs.values().stream().flatMap(List::stream).anyMatch(CeilingCells::isCeiling);
    }

    static boolean isCeiling(CellSummary s) {
        return s.ceiling() != null || s.params() != null && "ceiling".equals(s.params().model());
    }

    /** The design's row: medians of held over trials; the rest from the trial with the median ceiling. */
    static String[] row(String design, String failedNote, List<CellSummary> ok) {
        Optional<CeilingOutcome> outcome = representative(ok).map(s -> CeilingOutcome.of(s.ceiling()));
        CeilingStepResult top = outcome.map(CeilingOutcome::topStep).orElse(null);
        return new String[] {
            design + failedNote,
            EndOfRunTable.cell(ok, s -> s.ceiling() == null ? null : s.ceiling().highestHeld(), EndOfRunTable::count),
            outcome.map(CeilingOutcome::stopLabel).orElse("-"),
            perConnection(top, CeilingStepResult::heapPerConnectionBytes),
            perConnection(top, CeilingStepResult::rssPerConnectionBytes),
            perConnection(top, CeilingStepResult::kernelPerConnectionBytes),
            p99(top),
            errorRate(top),
            gc(top),
            EndOfRunTable.loadCpu(ok)
        };
    }

    /** One line per design whose ramp stopped short, with the sentence that says why. */
    static List<String> stopNotes(String scenario, Map<String, List<CellSummary>> designs) {
        List<String> notes = new ArrayList<>();
        designs.forEach((design, trials) -> representative(trials.stream().filter(CellSummary::ok).toList())
                .map(s -> CeilingOutcome.of(s.ceiling())).filter(o -> !o.completed())
                .ifPresent(o -> notes.add(design + " in " + scenario + ": stopped by " + o.stopLabel()
                        + (o.stoppedBecause() == null ? "" : " (" + o.stoppedBecause() + ")"))));
        return notes;
    }

    /** What the runner prints when a ceiling cell finished: held, why it stopped, the top step's costs. */
    static String line(CellSummary s) {
        CeilingOutcome outcome = CeilingOutcome.of(s.ceiling());
        CeilingStepResult top = outcome.topStep();
        StringBuilder line = new StringBuilder("held ").append(EndOfRunTable.count(outcome.highestHeld()))
                .append(" connections (").append(outcome.completed() ? CeilingOutcome.COMPLETED
                        : "stopped by " + outcome.stopLabel()).append(')');
        if (top != null) {
            line.append(", at ").append(EndOfRunTable.count(top.load().heldConnections())).append(": heap ")
                    .append(perConnection(top, CeilingStepResult::heapPerConnectionBytes)).append("/conn, rss ")
                    .append(perConnection(top, CeilingStepResult::rssPerConnectionBytes)).append("/conn, kernel ")
                    .append(perConnection(top, CeilingStepResult::kernelPerConnectionBytes)).append("/conn, p99 ")
                    .append(p99(top));
            if (top.load().errorRate() != null) {
                line.append(", error rate ").append(errorRate(top));
            }
        }
        return line.toString();
    }

    /** The successful trial with the median ceiling, as the report's step tables pick it. */
    private static Optional<CellSummary> representative(List<CellSummary> ok) {
        return CeilingTrials.medianCeiling(ok.stream().filter(s -> s.ceiling() != null).toList(),
                s -> s.ceiling().highestHeld(), CellSummary::trial);
    }

    private static String perConnection(CeilingStepResult step, Function<CeilingStepResult, Double> bytes) {
        Double value = step == null ? null : bytes.apply(step);
        return value == null ? "-" : EndOfRunTable.bytes(value);
    }

    private static String p99(CeilingStepResult step) {
        return step == null || step.load().latencyNs() == null || step.load().latencyNs().count() == 0 ? "-"
                : EndOfRunTable.nanos(step.load().latencyNs().p99());
    }

    /** The share of the step's hold requests that failed, which its p99 holds; "-" where not recorded. */
    private static String errorRate(CeilingStepResult step) {
        return step == null || step.load().errorRate() == null ? "-"
                : QuantityUnit.SHARE.format(step.load().errorRate());
    }

    private static String gc(CeilingStepResult step) {
        GcPauses gc = step == null ? null : step.gcPauses();
        return gc == null ? "-" : String.format(Locale.ROOT, "%d / %.1fms", gc.count(), gc.maxMs());
    }
}
