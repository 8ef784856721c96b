package io.reactorbench.results.gate;

import static org.assertj.core.api.Assertions.assertThat;

import io.reactorbench.results.CellKey;
import io.reactorbench.results.CellParams;
import io.reactorbench.results.CellStatus;
import io.reactorbench.results.CellSummary;
import io.reactorbench.results.ErrorCounts;
import io.reactorbench.results.LatencySummary;
import io.reactorbench.results.LatencyViews;
import io.reactorbench.results.SchemaVersions;
import io.reactorbench.results.metric.Metric;
import io.reactorbench.results.sweep.SweepObjective;
import io.reactorbench.results.sweep.SweepResult;
import io.reactorbench.results.sweep.SweepStep;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The default policy's error budget on a rate sweep: the steps past the knee fail requests on purpose, so
 * {@code errors} and {@code errorRate} are the sustained step's (else the lowest-rate step's), not the whole sweep's.
 */
class SweepErrorBudgetTest {

    private static final CellParams SWEEP = new CellParams("echo", "sweep", 50, 0, 64, 1, 0, 0, 0, 1, 2);
    private static final LatencySummary LATENCY = new LatencySummary(1_000, 1e6, 1_000_000, 1_000_000, 1_000_000,
            2_000_000, 3_000_000, 3_000_000, 3_000_000);
    private static final SweepObjective OBJECTIVE = SweepObjective.parse("p99=5ms,errors=1%");

    private static SweepStep step(int index, double rate, long failed, boolean met) {
        long answered = (long) rate * 2;
        ErrorCounts errors = new ErrorCounts(0, failed, 0, 0);
        return new SweepStep(index, rate, met ? rate : rate * 0.5, answered, errors, errors,
                failed / (double) (answered + failed), LATENCY, 0, 2_000, met, met ? null : "errors", null);
    }

    /** A sweep cell whose whole-window errors are every step's together, as CellMeasurements writes them. */
    private static CellSummary sweepCell(List<SweepStep> steps, Double sustained, Integer broken) {
        SweepResult sweep = new SweepResult(SweepResult.FIND_MAX_RATE, OBJECTIVE, steps, sustained, broken,
                sustained != null && broken != null, "outcome");
        long failed = steps.stream().mapToLong(s -> s.errors().total()).sum();
        long answered = steps.stream().mapToLong(SweepStep::requests).sum();
        ErrorCounts errors = new ErrorCounts(0, failed, 0, 0);
        return new CellSummary(SchemaVersions.SUMMARY, "knee", "", "engine-epoll", 1, CellStatus.OK, null, SWEEP,
                2 * steps.size(), answered, answered / (2.0 * steps.size()), errors, new LatencyViews(LATENCY, LATENCY),
                null, null, null, null, null, null, null, errors, failed / (double) (answered + failed), null, null,
                sweep);
    }

    /** The default policy on three like trials of {@code cell} (its minTrials), with no baseline. */
    private static GateReport judge(CellSummary cell) {
        CellKey key = cell.cellKey();
        TrialValues values = RunDirectoryReader.valuesOf(cell);
        List<TrialValues> trials = List.of(1, 2, 3).stream()
                .map(t -> new TrialValues(t, values.values(), values.latencyUnjudgeableBecause())).toList();
        Measurements candidate = new Measurements("c", "c", SyntheticRuns.ENV,
                Map.of(key, new CellTrials(key, SWEEP, trials)), List.of());
        return Gate.evaluate(DefaultPolicy.policy(), Measurements.none(), candidate, false);
    }

    private static Verdict verdictOf(GateReport report, String rule) {
        return report.rows().stream().filter(r -> r.rule().equals(rule)).findFirst().orElseThrow().verdict();
    }

    @Test
    void shouldPassNoErrorsWhenOnlyTheStepsPastTheKneeFailedRequests() {
        // 1k/s and 2k/s clean, 4k/s broke with 900 failures, 3k/s (the sustained rate) clean
        CellSummary cell = sweepCell(List.of(step(0, 1_000, 0, true), step(1, 2_000, 0, true),
                step(2, 4_000, 900, false), step(3, 3_000, 0, true)), 3_000.0, 2);
        assertThat(cell.errors().total()).isEqualTo(900);
        assertThat(cell.errorRate()).isGreaterThan(0.001);

        GateReport report = judge(cell);

        assertThat(RunDirectoryReader.valuesOf(cell).value(Metric.ERRORS)).isZero();
        assertThat(RunDirectoryReader.valuesOf(cell).value(Metric.ERROR_RATE)).isZero();
        assertThat(verdictOf(report, "no-errors")).isEqualTo(Verdict.PASS);
        assertThat(verdictOf(report, "error-rate")).isEqualTo(Verdict.PASS);
    }

    @Test
    void shouldFailNoErrorsWhenTheSustainedStepItselfFailedRequests() {
        // the sustained step met the objective's 1 % error limit with 30 failures: still errors the budget counts
        CellSummary cell = sweepCell(List.of(step(0, 1_000, 0, true), step(1, 2_000, 30, true),
                step(2, 4_000, 900, false)), 2_000.0, 2);

        GateReport report = judge(cell);

        assertThat(RunDirectoryReader.valuesOf(cell).value(Metric.ERRORS)).isEqualTo(30.0);
        assertThat(verdictOf(report, "no-errors")).isEqualTo(Verdict.OVER_BUDGET);
        assertThat(verdictOf(report, "error-rate")).isEqualTo(Verdict.OVER_BUDGET);
    }

    @Test
    void shouldJudgeTheLowestRateStepWhenNoStepMetTheObjective() {
        // a search that stepped down from 4k/s while every step broke: the lowest rate, not the first, speaks for it
        CellSummary cell = sweepCell(List.of(step(0, 4_000, 900, false), step(1, 2_000, 400, false),
                step(2, 1_000, 100, false)), null, null);

        assertThat(RunDirectoryReader.valuesOf(cell).value(Metric.ERRORS)).isEqualTo(100.0);
        assertThat(verdictOf(judge(cell), "no-errors")).isEqualTo(Verdict.OVER_BUDGET);
    }
}
