package io.reactorbench.report.table;

import io.reactorbench.report.model.RunView;
import io.reactorbench.report.model.ScenarioParams;
import io.reactorbench.report.model.TrialResult;
import io.reactorbench.report.render.Numbers;
import io.reactorbench.results.Spread;
import io.reactorbench.results.sweep.SweepResult;
import io.reactorbench.results.sweep.SweepStep;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The summary row of each design in a rate-sweep scenario: the highest rate it sustained within the objective
 * (median over trials, min–max under it), the rate that broke the objective, and whether the knee was found at all.
 * A sweep's whole-run throughput and latency mix its steps and say nothing.
 */
public final class SweepSummaryTable {

    public static final List<String> HEADINGS = List.of("design", "trials ok", "sustained (req/s)", "broken at (req/s)",
            "knee", "p99 at sustained (ms)", "steps");

    private SweepSummaryTable() {
    }

    static Table of(RunView run, String scenarioLabel, Map<String, List<TrialResult>> byDesign) {
        double highest = byDesign.values().stream().map(SweepTrials::sustainedRate).filter(Spread::isPresent)
                .mapToDouble(Spread::median).max().orElse(Double.NaN);
        long designsWithRate = byDesign.values().stream().filter(t -> SweepTrials.sustainedRate(t).isPresent()).count();
        List<List<TableCell>> rows = new ArrayList<>();
        SweepResult anyResult = null;
        for (Map.Entry<String, List<TrialResult>> design : byDesign.entrySet()) {
            List<TrialResult> trials = design.getValue();
            long ok = trials.stream().filter(TrialResult::ok).count();
            Spread sustained = SweepTrials.sustainedRate(trials);
            Optional<SweepResult> sweep = SweepTrials.representative(trials).map(TrialResult::sweep);
            anyResult = anyResult != null ? anyResult : sweep.orElse(null);
            Optional<SweepStep> broke = sweep.filter(s -> s.brokenByStep() != null)
                    .map(s -> s.steps().get(s.brokenByStep()));
            Optional<SweepStep> atSustained = sweep.filter(s -> s.sustainedRatePerSec() != null)
                    .flatMap(s -> s.steps().stream().filter(step -> Boolean.TRUE.equals(step.metObjective())
                            && step.offeredRatePerSec() == s.sustainedRatePerSec()).findFirst());
            boolean best = sustained.isPresent() && designsWithRate > 1 && sustained.median() == highest
                    && byDesign.values().stream().map(SweepTrials::sustainedRate).filter(Spread::isPresent)
                    .anyMatch(other -> other.median() < highest);
            rows.add(List.of(
                    TableCell.text(design.getKey()),
                    new TableCell(ok + "/" + SummaryTables.trialCount(run, scenarioLabel, design.getKey(), trials.size()),
                            "", false, ok < trials.size()),
                    new TableCell(sustained.isPresent() ? Numbers.format(sustained.median()) : Numbers.MISSING,
                            sustained.n() > 1 && sustained.min() != sustained.max()
                                    ? Numbers.range(sustained.min(), sustained.max()) : "", best, false),
                    TableCell.text(broke.map(step -> Numbers.format(step.offeredRatePerSec())).orElse(Numbers.MISSING)),
                    new TableCell(sweep.map(s -> s.kneeFound() ? "found" : "not found").orElse(Numbers.MISSING), "",
                            false, sweep.isPresent() && !sweep.get().kneeFound()),
                    TableCell.text(atSustained.map(step -> CeilingStepTable.latencyMs(step.latencyNs(),
                            l -> l.p99())).orElse(Numbers.MISSING)),
                    TableCell.text(sweep.map(s -> Integer.toString(s.steps().size())).orElse(Numbers.MISSING))));
        }
        ScenarioParams params = byDesign.values().iterator().next().getFirst().params();
        return new Table(scenarioLabel + " — " + describe(params, anyResult), HEADINGS, rows,
                SummaryTables.failureNotes(run, scenarioLabel, byDesign));
    }

    static String describe(ScenarioParams params, SweepResult sweep) {
        String what = sweep == null || sweep.find() == null ? "rate sweep" : "highest rate within the objective";
        return (params.app().isEmpty() ? "" : params.app() + ", ") + what + " over " + Numbers.format(params.connections())
                + " connections" + (sweep == null || sweep.objective() == null ? ""
                : " (objective " + sweep.objective().describe() + ", and 95 % of the rate answered)");
    }
}
