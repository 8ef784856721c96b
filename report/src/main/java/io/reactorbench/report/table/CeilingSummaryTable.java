package io.reactorbench.report.table;

import io.reactorbench.report.model.CeilingOutcome;
import io.reactorbench.report.model.RunView;
import io.reactorbench.report.model.ScenarioParams;
import io.reactorbench.report.model.TrialResult;
import io.reactorbench.report.render.Numbers;
import io.reactorbench.results.Spread;
import io.reactorbench.results.ceiling.CeilingStepResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The summary row of each design in a connection-ceiling scenario: how many connections it held (median over trials,
 * min–max under it), what stopped it, and what a connection cost at its highest completed step. A ramp's throughput
 * and whole-run latency, which the other scenarios' tables show, say little about a ceiling.
 */
public final class CeilingSummaryTable {

    public static final List<String> HEADINGS = List.of("design", "trials ok", "held", "stopped by", "RSS/conn (B)",
            "heap/conn (B)", "kernel/conn (B)", "p99 (ms)", "error rate (%)");

    private CeilingSummaryTable() {
    }

    static Table of(RunView run, String scenarioLabel, Map<String, List<TrialResult>> byDesign) {
        double mostHeld = byDesign.values().stream().map(CeilingTrials::highestHeld).filter(Spread::isPresent)
                .mapToDouble(Spread::median).max().orElse(Double.NaN);
        long designsWithCeiling = byDesign.values().stream().filter(t -> CeilingTrials.highestHeld(t).isPresent()).count();
        List<List<TableCell>> rows = new ArrayList<>();
        for (Map.Entry<String, List<TrialResult>> design : byDesign.entrySet()) {
            List<TrialResult> trials = design.getValue();
            long ok = trials.stream().filter(TrialResult::ok).count();
            Spread held = CeilingTrials.highestHeld(trials);
            Optional<CeilingOutcome> outcome = CeilingTrials.representative(trials).map(t -> CeilingOutcome.of(t.ceiling()));
            CeilingStepResult top = outcome.map(CeilingOutcome::topStep).orElse(null);
            // the most connections held is the column's best, where designs differ
            boolean best = held.isPresent() && designsWithCeiling > 1 && held.median() == mostHeld
                    && byDesign.values().stream().map(CeilingTrials::highestHeld).filter(Spread::isPresent)
                    .anyMatch(other -> other.median() < mostHeld);
            rows.add(List.of(
                    TableCell.text(design.getKey()),
                    new TableCell(ok + "/" + SummaryTables.trialCount(run, scenarioLabel, design.getKey(), trials.size()),
                            "", false, ok < trials.size()),
                    new TableCell(Numbers.format(held.median()),
                            held.n() > 1 && held.min() != held.max() ? Numbers.range(held.min(), held.max()) : "",
                            best, false),
                    TableCell.text(outcome.map(CeilingOutcome::stopLabel).orElse(Numbers.MISSING)),
                    TableCell.text(top == null ? Numbers.MISSING : CeilingStepTable.number(top.rssPerConnectionBytes())),
                    TableCell.text(top == null ? Numbers.MISSING : CeilingStepTable.number(top.heapPerConnectionBytes())),
                    TableCell.text(top == null ? Numbers.MISSING : CeilingStepTable.number(top.kernelPerConnectionBytes())),
                    TableCell.text(top == null ? Numbers.MISSING
                            : CeilingStepTable.latencyMs(top.load().latencyNs(), l -> l.p99())),
                    TableCell.text(top == null ? Numbers.MISSING : CeilingStepTable.percent(top.load().errorRate()))));
        }
        ScenarioParams params = byDesign.values().iterator().next().getFirst().params();
        return new Table(scenarioLabel + " — " + describe(params), HEADINGS, rows,
                SummaryTables.failureNotes(run, scenarioLabel, byDesign));
    }

    static String describe(ScenarioParams params) {
        return (params.app().isEmpty() ? "" : params.app() + ", ") + "connection ceiling: steps up to "
                + Numbers.format(params.connections()) + " connections"
                + (Double.isNaN(params.rate()) ? "" : ", active requests at " + Numbers.format(params.rate()) + " req/s")
                + "; memory, p99 at the highest step held";
    }
}
