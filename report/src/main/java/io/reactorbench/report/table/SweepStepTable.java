package io.reactorbench.report.table;

import io.reactorbench.report.model.TrialResult;
import io.reactorbench.report.render.Numbers;
import io.reactorbench.results.LatencySummary;
import io.reactorbench.results.sweep.SweepResult;
import io.reactorbench.results.sweep.SweepStep;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * One design's rate sweep, a row per step sorted by offered rate: what it answered, its corrected latency (failed
 * requests included) with the share that failed, its errors, and whether it met the objective (what it broke when
 * not). The steps of a search ran in another order; the {@code step} column keeps it.
 */
public final class SweepStepTable {

    public static final List<String> HEADINGS = List.of("step", "offered (req/s)", "answered (req/s)", "p50 (ms)",
            "p99 (ms)", "p99.9 (ms)", "error rate (%)", "errors", "objective");

    private SweepStepTable() {
    }

    /**
     * @param trial    the design's representative trial ({@link SweepTrials#representative}); it has steps
     * @param trialsOk how many of the design's trials succeeded, to say which one the table shows
     */
    public static Table of(String scenarioLabel, TrialResult trial, long trialsOk) {
        SweepResult sweep = trial.sweep();
        List<List<TableCell>> rows = new ArrayList<>();
        sweep.steps().stream().sorted(Comparator.comparingDouble(SweepStep::offeredRatePerSec)).forEach(step -> rows.add(List.of(
                TableCell.text(Integer.toString(step.index())),
                TableCell.text(Numbers.format(step.offeredRatePerSec())),
                TableCell.text(Numbers.format(step.achievedRatePerSec())),
                TableCell.text(CeilingStepTable.latencyMs(step.latencyNs(), LatencySummary::p50)),
                TableCell.text(CeilingStepTable.latencyMs(step.latencyNs(), LatencySummary::p99)),
                TableCell.text(CeilingStepTable.latencyMs(step.latencyNs(), LatencySummary::p999)),
                // Beside the latency, which holds the failed requests (as a ceiling step's table shows it).
                TableCell.text(CeilingStepTable.percent(step.errorRate())),
                TableCell.text(Numbers.format(step.errors() == null ? 0 : step.errors().total())),
                new TableCell(verdict(step), "", false, Boolean.FALSE.equals(step.metObjective())))));
        String which = trialsOk > 1 ? ", trial " + trial.trial() + " (the median sustained rate of " + trialsOk
                + " trials)" : "";
        return new Table(scenarioLabel + " — " + trial.cell().design() + ": steps" + which, HEADINGS, rows,
                List.of(sweep.outcome()));
    }

    private static String verdict(SweepStep step) {
        if (step.metObjective() == null) {
            return "";
        }
        return step.metObjective() ? "met" : "broke: " + step.breach();
    }
}
