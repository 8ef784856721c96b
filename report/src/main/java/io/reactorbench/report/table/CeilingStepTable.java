package io.reactorbench.report.table;

import io.reactorbench.report.model.CeilingOutcome;
import io.reactorbench.report.model.TrialResult;
import io.reactorbench.report.render.Numbers;
import io.reactorbench.results.GcPauses;
import io.reactorbench.results.LatencySummary;
import io.reactorbench.results.ceiling.CeilingResult;
import io.reactorbench.results.ceiling.CeilingStepResult;
import io.reactorbench.results.load.CeilingStep;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToLongFunction;

/**
 * One design's connection-ceiling ramp, a row per step: what it held and verified, how fast it connected, what each
 * connection cost the server and the kernel, the GC pauses and the active requests' latency while it held, and the
 * step that stopped it. The table docs/BENCHMARKS.md quotes.
 */
public final class CeilingStepTable {

    public static final List<String> HEADINGS = List.of("step", "held", "verified", "connect/s", "RSS/conn (B)",
            "heap/conn (B)", "kernel/conn (B)", "GC n", "GC total (ms)", "GC max (ms)", "p50 (ms)", "p99 (ms)",
            "p99.9 (ms)", "error rate (%)", "errors", "stopped by");

    private static final double NANOS_PER_MILLI = 1_000_000.0;

    private CeilingStepTable() {
    }

    /**
     * @param trial    the design's representative trial ({@link CeilingTrials#representative}); it has a ramp
     * @param trialsOk how many of the design's trials succeeded, to say which one the table shows
     */
    public static Table of(String scenarioLabel, TrialResult trial, long trialsOk) {
        CeilingResult ceiling = trial.ceiling();
        List<List<TableCell>> rows = new ArrayList<>();
        for (CeilingStepResult step : ceiling.steps()) {
            rows.add(row(step));
        }
        List<String> notes = new ArrayList<>();
        CeilingOutcome outcome = CeilingOutcome.of(ceiling);
        if (!outcome.completed()) {
            notes.add("stopped by " + outcome.stopLabel() + (outcome.stoppedBecause() == null ? ""
                    : ": " + outcome.stoppedBecause()));
        }
        String which = trialsOk > 1 ? ", trial " + trial.trial() + " (the median ceiling of " + trialsOk + " trials)"
                : "";
        return new Table(scenarioLabel + " — " + trial.cell().design() + ": steps" + which, HEADINGS, rows, notes);
    }

    private static List<TableCell> row(CeilingStepResult step) {
        CeilingStep load = step.load();
        GcPauses gc = step.gcPauses();
        LatencySummary latency = load.latencyNs();
        return List.of(
                TableCell.text(Numbers.format(load.targetConnections())),
                new TableCell(Numbers.format(load.heldConnections()), "", false,
                        load.heldConnections() < load.targetConnections()),
                TableCell.text(Numbers.format(load.verified())),
                // A step that opened no connection of its own has no connect rate (the load writes 0).
                TableCell.text(load.connectRatePerSec() > 0 ? Numbers.format(load.connectRatePerSec()) : Numbers.MISSING),
                TableCell.text(number(step.rssPerConnectionBytes())),
                TableCell.text(number(step.heapPerConnectionBytes())),
                TableCell.text(number(step.kernelPerConnectionBytes())),
                TableCell.text(gc == null ? Numbers.MISSING : Numbers.format(gc.count())),
                TableCell.text(gc == null ? Numbers.MISSING : Numbers.format(gc.totalMs())),
                TableCell.text(gc == null ? Numbers.MISSING : Numbers.format(gc.maxMs())),
                TableCell.text(latencyMs(latency, LatencySummary::p50)),
                TableCell.text(latencyMs(latency, LatencySummary::p99)),
                TableCell.text(latencyMs(latency, LatencySummary::p999)),
                TableCell.text(percent(load.errorRate())),
                TableCell.text(Numbers.format(load.errors() == null ? 0 : load.errors().total())),
                new TableCell(step.completed() ? "" : CeilingOutcome.stopLabel(load.stoppedBy()), "", false,
                        !step.completed()));
    }

    /** A percentile of the step's active requests in ms; missing when the hold answered none. */
    static String latencyMs(LatencySummary latency, ToLongFunction<LatencySummary> percentile) {
        return latency == null || latency.count() == 0 ? Numbers.MISSING
                : Numbers.format(percentile.applyAsLong(latency) / NANOS_PER_MILLI);
    }

    /** A share (0–1) in percent, as the report's error-rate columns show it; missing where not recorded. */
    static String percent(Double share) {
        return share == null ? Numbers.MISSING : Numbers.format(share * 100);
    }

    static String number(Number value) {
        return value == null ? Numbers.MISSING : Numbers.format(value.doubleValue());
    }
}
