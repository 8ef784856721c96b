package io.reactorbench.results.gate;

import static org.assertj.core.api.Assertions.assertThat;

import io.reactorbench.results.CellKey;
import io.reactorbench.results.CellSummary;
import io.reactorbench.results.GeneratorSchedule;
import io.reactorbench.results.LatencySummary;
import io.reactorbench.results.metric.Metric;
import io.reactorbench.results.metric.QuantityUnit;
import java.util.List;
import org.junit.jupiter.api.Test;

class GateTest {

    private static Policy policy(String yaml) {
        return PolicyParser.parse(yaml, "test.yaml");
    }

    private static final Policy NORMALISED = policy("""
            rules:
              - name: engine-throughput
                design: engine-epoll
                normalizeBy: netty-epoll
                regression:
                  throughput: {maxDrop: 5%}
            """);

    private static final Policy ABSOLUTE = policy("""
            rules:
              - name: engine-throughput
                design: engine-epoll
                regression:
                  throughput: {maxDrop: 5%}
            """);

    @Test
    void shouldCancelAUniformlySlowerMachineWhenNormalised() {
        Measurements baseline = new SyntheticRuns()
                .cell("rpc", "engine-epoll", Metric.THROUGHPUT, 200_000, 210_000, 190_000)
                .cell("rpc", "netty-epoll", Metric.THROUGHPUT, 100_000, 105_000, 95_000)
                .measurements("baseline");
        // Today's machine is 30 % slower for everyone: ratios unchanged.
        Measurements candidate = new SyntheticRuns()
                .cell("rpc", "engine-epoll", Metric.THROUGHPUT, 140_000, 147_000, 133_000)
                .cell("rpc", "netty-epoll", Metric.THROUGHPUT, 70_000, 73_500, 66_500)
                .measurements("candidate");

        GateReport normalised = Gate.evaluate(NORMALISED, baseline, candidate, false);
        assertThat(normalised.outcome()).isEqualTo(GateOutcome.PASS);
        assertThat(normalised.rows()).singleElement().satisfies(row -> {
            assertThat(row.baseline()).isEqualTo(2.0);
            assertThat(row.candidate()).isEqualTo(2.0);
            assertThat(row.unit()).isEqualTo(QuantityUnit.RATIO);
        });

        GateReport absolute = Gate.evaluate(ABSOLUTE, baseline, candidate, false);
        assertThat(absolute.outcome()).isEqualTo(GateOutcome.FAIL);
        assertThat(absolute.exitCode()).isEqualTo(1);
        assertThat(absolute.headline()).contains("engine-throughput").contains("rpc/engine-epoll");
    }

    @Test
    void shouldCatchARegressionOfTheDesignAgainstItsReferenceOnTheSameMachine() {
        Measurements baseline = new SyntheticRuns()
                .cell("rpc", "engine-epoll", Metric.THROUGHPUT, 200_000, 210_000, 190_000)
                .cell("rpc", "netty-epoll", Metric.THROUGHPUT, 100_000, 105_000, 95_000)
                .measurements("baseline");
        Measurements candidate = new SyntheticRuns()
                .cell("rpc", "engine-epoll", Metric.THROUGHPUT, 150_000, 157_000, 143_000)
                .cell("rpc", "netty-epoll", Metric.THROUGHPUT, 100_000, 105_000, 95_000)
                .measurements("candidate");
        GateReport report = Gate.evaluate(NORMALISED, baseline, candidate, false);
        assertThat(report.rows()).singleElement().extracting(GateRow::verdict).isEqualTo(Verdict.REGRESSION);
    }

    @Test
    void shouldSkipScenariosWhereNeitherRunHasTheReferenceDesign() {
        Measurements baseline = new SyntheticRuns()
                .cell("rpc", "engine-epoll", Metric.THROUGHPUT, 200, 210, 190)
                .cell("rpc", "netty-epoll", Metric.THROUGHPUT, 100, 105, 95)
                .cell("idle", "engine-epoll", Metric.THROUGHPUT, 1, 1, 1)
                .measurements("baseline");
        GateReport report = Gate.evaluate(NORMALISED, baseline, baseline, false);
        assertThat(report.outcome()).isEqualTo(GateOutcome.PASS);
        assertThat(report.rows()).singleElement().extracting(GateRow::scenario).isEqualTo("rpc");
        assertThat(report.warnings()).anySatisfy(w -> assertThat(w).contains("skips idle"));
    }

    private static final String BEHIND = "the load generator sent its p99 request 40.000 ms late against its schedule";

    @Test
    void shouldNotJudgeTheLatencyOfACellWhoseLoadGeneratorFellBehindButStillItsThroughput() {
        Policy policy = policy("""
                rules:
                  - name: latency
                    regression:
                      p99: {maxRise: 25%}
                  - name: latency-budget
                    budget: p99 < 5ms
                  - name: throughput
                    regression:
                      throughput: {maxDrop: 10%}
                """);
        Measurements baseline = new SyntheticRuns()
                .cell("rpc", "engine-epoll", Metric.P99, 1_000_000, 1_050_000, 950_000, 1_000_000, 1_020_000)
                .cell("rpc", "engine-epoll", Metric.THROUGHPUT, 100_000, 101_000, 99_000, 100_500, 99_500)
                .measurements("baseline");
        // p99 doubled and above budget, throughput halved: each would fail on its own.
        Measurements candidate = new SyntheticRuns()
                .cell("rpc", "engine-epoll", Metric.P99, 40_000_000, 41_000_000, 39_000_000, 40_500_000, 39_500_000)
                .cell("rpc", "engine-epoll", Metric.THROUGHPUT, 50_000, 51_000, 49_000, 50_500, 49_500)
                .generatorBehind("rpc", "engine-epoll", 2, BEHIND)
                .measurements("candidate");

        GateReport report = Gate.evaluate(policy, baseline, candidate, false);

        assertThat(report.rows()).filteredOn(row -> row.rule().startsWith("latency")).hasSize(2).allSatisfy(row -> {
            assertThat(row.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
            assertThat(row.note()).contains("latency not judged", "trial 2", BEHIND);
        });
        assertThat(report.rows()).filteredOn(row -> row.rule().equals("throughput")).singleElement()
                .extracting(GateRow::verdict).isEqualTo(Verdict.REGRESSION);
        assertThat(report.outcome()).isEqualTo(GateOutcome.FAIL);
    }

    @Test
    void shouldNotJudgeLatencyAgainstABaselineWhoseLoadGeneratorFellBehind() {
        Policy policy = policy("""
                rules:
                  - name: latency
                    regression:
                      p99: {maxRise: 25%}
                """);
        Measurements baseline = new SyntheticRuns()
                .cell("rpc", "engine-epoll", Metric.P99, 40_000_000, 41_000_000, 39_000_000)
                .generatorBehind("rpc", "engine-epoll", 1, BEHIND)
                .measurements("baseline");
        Measurements candidate = new SyntheticRuns()
                .cell("rpc", "engine-epoll", Metric.P99, 1_000_000, 1_050_000, 950_000)
                .measurements("candidate");

        GateReport report = Gate.evaluate(policy, baseline, candidate, false);

        assertThat(report.rows()).singleElement().satisfies(row -> {
            assertThat(row.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
            assertThat(row.note()).contains(BEHIND);
        });
        assertThat(report.outcome()).isEqualTo(GateOutcome.INCONCLUSIVE);
        assertThat(report.headline()).contains("a load generator behind its schedule");
    }

    @Test
    void shouldReadWhetherATrialsLoadGeneratorFellBehindFromItsSummary() {
        CellSummary s = SyntheticRuns.summary("rpc", "engine-epoll", 1, 1000, 10, 0, 40_000_000, 0);
        GeneratorSchedule behind = GeneratorSchedule.of(new LatencySummary(100, 3.9e7, 39_000_000, 39_000_000,
                39_000_000, 39_000_000, 39_000_000, 39_000_000, 39_000_000), s.latencyNs().preferred());
        CellSummary marked = new CellSummary(s.schema(), s.scenario(), s.variant(), s.design(), s.trial(), s.status(),
                s.reason(), s.params(), s.windowSeconds(), s.requests(), s.throughput(), s.errors(), s.latencyNs(),
                s.server(), s.memory(), s.connectionsPerSecond(), s.loadGenerator(), s.slowRead(), s.loadPlacement(),
                s.ceiling(), s.failedRequests(), s.errorRate(), behind, null, null);

        assertThat(RunDirectoryReader.valuesOf(marked).latencyUnjudgeableBecause()).isEqualTo(behind.reason());
        assertThat(RunDirectoryReader.valuesOf(s).latencyUnjudgeableBecause()).isNull();
    }

    @Test
    void shouldCheckBudgetsOnTheCandidatesMedian() {
        Policy budgets = policy("""
                rules:
                  - name: no-errors
                    budget: errors == 0
                  - name: alloc
                    design: engine-*
                    budget: allocatedBytesPerRequest <= 64
                """);
        Measurements candidate = new SyntheticRuns()
                .cell("echo", "engine-epoll", Metric.ERRORS, 0, 3, 0)
                .cell("echo", "engine-epoll", Metric.ALLOCATED_BYTES_PER_REQUEST, 10, 500, 70)
                .cell("echo", "netty-epoll", Metric.ERRORS, 0, 0, 0)
                .cell("echo", "netty-epoll", Metric.ALLOCATED_BYTES_PER_REQUEST, 900, 900, 900)
                .measurements("candidate");
        GateReport report = Gate.evaluate(budgets, candidate, candidate, false);
        // errors median 0 passes despite one noisy trial; the allocation median 70 breaks 64.
        assertThat(report.rows()).extracting(GateRow::rule, GateRow::design, GateRow::verdict).containsExactly(
                org.assertj.core.groups.Tuple.tuple("no-errors", "engine-epoll", Verdict.PASS),
                org.assertj.core.groups.Tuple.tuple("no-errors", "netty-epoll", Verdict.PASS),
                org.assertj.core.groups.Tuple.tuple("alloc", "engine-epoll", Verdict.OVER_BUDGET));
        assertThat(report.outcome()).isEqualTo(GateOutcome.FAIL);
        assertThat(report.failures()).singleElement().asString().contains("'alloc'").contains("over budget");
    }

    @Test
    void shouldCheckASameRunRatioBudgetTrialByTrial() {
        Policy ratio = policy("""
                rules:
                  - name: engine-vs-netty
                    budget: ratio engine-epoll/netty-epoll throughput >= 0.5
                """);
        Measurements good = new SyntheticRuns()
                .cell("rpc", "engine-epoll", Metric.THROUGHPUT, 90, 60, 95)
                .cell("rpc", "netty-epoll", Metric.THROUGHPUT, 100, 60, 100)
                .cell("echo", "engine-epoll", Metric.THROUGHPUT, 40, 40, 40)
                .cell("echo", "netty-epoll", Metric.THROUGHPUT, 100, 100, 100)
                .measurements("candidate");
        GateReport report = Gate.evaluate(ratio, good, good, false);
        assertThat(report.rows()).extracting(GateRow::scenario, GateRow::verdict).containsExactly(
                org.assertj.core.groups.Tuple.tuple("echo", Verdict.BELOW_FLOOR),
                org.assertj.core.groups.Tuple.tuple("rpc", Verdict.PASS));
        assertThat(report.rows().get(1).candidate()).isEqualTo(0.95);
    }

    @Test
    void shouldNotJudgeWhenABaselineCellIsMissingFromTheCandidate() {
        Measurements baseline = new SyntheticRuns()
                .cell("rpc", "engine-epoll", Metric.THROUGHPUT, 1, 2, 3)
                .cell("rpc", "threads", Metric.THROUGHPUT, 1, 2, 3)
                .measurements("baseline");
        Measurements candidate = new SyntheticRuns()
                .cell("rpc", "engine-epoll", Metric.THROUGHPUT, 1, 2, 3)
                .measurements("candidate");
        GateReport report = Gate.evaluate(policy("rules: [{regression: {throughput: {maxDrop: 5%}}}]"), baseline,
                candidate, false);
        assertThat(report.outcome()).isEqualTo(GateOutcome.CANNOT_JUDGE);
        assertThat(report.exitCode()).isEqualTo(2);
        assertThat(report.problems()).singleElement().asString().contains("rpc/threads is in the baseline but not in the candidate");
    }

    @Test
    void shouldFailARegressionEvenWhenAnotherCellCannotBeJudged() {
        // The A/A pair of docs/ci.md: a gross regression in one cell and a cell the candidate lacks. The regression
        // is a finding; it must not hide behind exit 2.
        Measurements baseline = new SyntheticRuns()
                .cell("rpc", "engine-epoll", Metric.THROUGHPUT, 100_000)
                .cell("rpc", "threads", Metric.THROUGHPUT, 50_000)
                .measurements("baseline");
        Measurements candidate = new SyntheticRuns()
                .cell("rpc", "engine-epoll", Metric.THROUGHPUT, 40_000)
                .measurements("candidate");
        GateReport report = Gate.evaluate(policy("rules: [{regression: {throughput: {maxDrop: 10%, grossLimit: 40%}}}]"),
                baseline, candidate, false);
        assertThat(report.outcome()).isEqualTo(GateOutcome.FAIL);
        assertThat(report.exitCode()).isEqualTo(1);
        assertThat(report.headline()).contains("rpc/engine-epoll")
                .contains("also cannot judge: ").contains("rpc/threads is in the baseline but not in the candidate");
    }

    @Test
    void shouldLeaveACheckWhoseMetricOneSideLacksInconclusiveAndJudgeTheRest() {
        // An idle cell's allocation needs a probe answer inside its window: one run has it, the next may not.
        Measurements baseline = new SyntheticRuns()
                .cell("idle", "engine-epoll", Metric.ALLOCATED_BYTES_PER_REQUEST, 0.4)
                .cell("rpc", "engine-epoll", Metric.ALLOCATED_BYTES_PER_REQUEST, 0.2)
                .measurements("baseline");
        Measurements candidate = new SyntheticRuns()
                .cell("idle", "engine-epoll", Metric.THROUGHPUT, 300)
                .cell("rpc", "engine-epoll", Metric.ALLOCATED_BYTES_PER_REQUEST, 900)
                .measurements("candidate");
        GateReport report = Gate.evaluate(DefaultPolicy.policy().rules().stream()
                .filter(r -> r.name().equals("allocation")).findFirst()
                .map(r -> new Policy("allocation only", DefaultPolicy.policy().statistics(), List.of(r)))
                .orElseThrow(), baseline, candidate, false);
        assertThat(report.problems()).isEmpty();
        assertThat(report.outcome()).isEqualTo(GateOutcome.FAIL);
        assertThat(report.rows()).extracting(GateRow::scenario, GateRow::verdict).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple("idle", Verdict.INCONCLUSIVE),
                org.assertj.core.groups.Tuple.tuple("rpc", Verdict.REGRESSION));
        assertThat(report.rows()).filteredOn(r -> r.scenario().equals("idle")).singleElement()
                .satisfies(r -> assertThat(r.note())
                        .isEqualTo("allocatedBytesPerRequest was measured in the baseline but not the candidate"));
    }

    @Test
    void shouldCallInconclusiveChecksInconclusiveNotPassAndFailThemWhenStrict() {
        Measurements baseline = new SyntheticRuns().cell("rpc", "threads", Metric.THROUGHPUT, 100).measurements("b");
        Measurements candidate = new SyntheticRuns().cell("rpc", "threads", Metric.THROUGHPUT, 100).measurements("c");
        Policy throughput = policy("rules: [{regression: {throughput: {maxDrop: 5%}}}]");
        GateReport lenient = Gate.evaluate(throughput, baseline, candidate, false);
        assertThat(lenient.outcome()).isEqualTo(GateOutcome.INCONCLUSIVE);
        assertThat(lenient.exitCode()).isZero();
        assertThat(lenient.headline()).startsWith("gate: INCONCLUSIVE: 1 of 1 checks").doesNotContain("PASS");
        assertThat(lenient.rows()).singleElement().extracting(GateRow::verdict).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(Gate.evaluate(throughput, baseline, candidate, true).outcome()).isEqualTo(GateOutcome.FAIL);
    }

    @Test
    void shouldNameTheWorkloadParametersThatDifferFromTheBaseline() {
        Measurements baseline = new SyntheticRuns().cell("rpc", "threads", Metric.THROUGHPUT, 100).measurements("b");
        CellKey key = new CellKey("rpc", "", "threads");
        io.reactorbench.results.CellParams slower = new io.reactorbench.results.CellParams("rpc", "closed", 4, 0, 64, 1,
                64, 50_000, 0, 1, 1);
        Measurements candidate = new Measurements("c", "c", SyntheticRuns.ENV,
                java.util.Map.of(key, new CellTrials(key, slower, baseline.cell(key).trials())), List.of());
        GateReport report = Gate.evaluate(policy("rules: [{regression: {throughput: {maxDrop: 5%}}}]"), baseline,
                candidate, false);
        assertThat(report.warnings()).contains("rpc/threads: the workload differs from the baseline's: cpuSpinNs 0 -> 50000");
    }

    private static final Measurements ECHO_RUN = new SyntheticRuns()
            .cell("echo-pingpong", "engine-epoll", Metric.THROUGHPUT, 100)
            .cell("echo-pingpong", "netty-epoll", Metric.THROUGHPUT, 90)
            .measurements("run");

    private static GateReport judgeEchoRun(String policyYaml) {
        return Gate.evaluate(policy(policyYaml), Measurements.none(), ECHO_RUN, false);
    }

    @Test
    void shouldRefuseARuleNamingADesignTheRunLacksAndSuggestTheClosest() {
        GateReport report = judgeEchoRun("rules: [{name: typo, design: netty-epol, budget: errors == 0}]");
        assertThat(report.outcome()).isEqualTo(GateOutcome.CANNOT_JUDGE);
        assertThat(report.exitCode()).isEqualTo(2);
        assertThat(report.problems()).singleElement().asString()
                .contains("rule 'typo'").contains("design 'netty-epol' is not in the candidate")
                .contains("did you mean 'netty-epoll'?");
        assertThat(report.headline()).doesNotContain("PASS");
    }

    @Test
    void shouldRefuseARuleNamingAScenarioTheRunLacks() {
        GateReport report = judgeEchoRun("rules: [{name: typo, scenario: \"echo-pingpng\", budget: errors == 0}]");
        assertThat(report.outcome()).isEqualTo(GateOutcome.CANNOT_JUDGE);
        assertThat(report.problems()).singleElement().asString()
                .contains("scenario 'echo-pingpng' is not in the candidate (did you mean 'echo-pingpong'?)");
    }

    @Test
    void shouldRefuseARatioOfADesignTheRunLacks() {
        GateReport report = judgeEchoRun("rules: [{budget: ratio engine-epoll/netty-epol throughput >= 0.5}]");
        assertThat(report.outcome()).isEqualTo(GateOutcome.CANNOT_JUDGE);
        assertThat(report.problems()).singleElement().asString()
                .contains("rule 'ratio engine-epoll/netty-epol throughput >= 0.5'").contains("did you mean 'netty-epoll'?");
    }

    @Test
    void shouldRefuseAPatternThatMatchesNoCellAndSayWhichPartMatchedNothing() {
        GateReport report = judgeEchoRun("rules: [{name: threads-only, design: \"thread*\", budget: errors == 0}]");
        assertThat(report.outcome()).isEqualTo(GateOutcome.CANNOT_JUDGE);
        assertThat(report.problems()).singleElement().asString()
                .contains("rule 'threads-only'").contains("design 'thread*' matches no design of the candidate");
    }

    @Test
    void shouldRefuseABraceAlternativeNamingAScenarioTheRunLacks() {
        GateReport report = judgeEchoRun("rules: [{scenario: \"{echo-pingpong,htp-pipelined}\", budget: errors == 0}]");
        assertThat(report.outcome()).isEqualTo(GateOutcome.CANNOT_JUDGE);
        assertThat(report.problems()).singleElement().asString().contains("scenario 'htp-pipelined' is not in the candidate");
    }

    @Test
    void shouldRefuseARuleWhoseCellsDidNotMeasureItsMetric() {
        GateReport report = judgeEchoRun("rules: [{name: heap, budget: heapPerConnectionBytes <= 256}]");
        assertThat(report.outcome()).isEqualTo(GateOutcome.CANNOT_JUDGE);
        assertThat(report.problems()).singleElement().asString()
                .contains("none of the 2 cell(s) it selects measured heapPerConnectionBytes");
    }

    @Test
    void shouldSkipAnOptionalRuleThatMatchesNothingWithAWarning() {
        GateReport report = judgeEchoRun("""
                rules:
                  - {name: tp, budget: throughput > 1}
                  - {name: rpc-only, scenario: "rpc*", optional: true, budget: errors == 0}
                """);
        assertThat(report.outcome()).isEqualTo(GateOutcome.PASS);
        assertThat(report.warnings()).anySatisfy(w -> assertThat(w).contains("optional rule 'rpc-only'")
                .contains("checked nothing"));
    }

    @Test
    void shouldNeverPassAGateThatCheckedNothing() {
        GateReport report = judgeEchoRun("rules: [{scenario: \"rpc*\", optional: true, budget: errors == 0}]");
        assertThat(report.rows()).isEmpty();
        assertThat(report.outcome()).isEqualTo(GateOutcome.CANNOT_JUDGE);
        assertThat(report.headline()).contains("no rule checked anything");
    }

    @Test
    void shouldCallAFailedFloorBelowFloorAndQuoteTheBudgetWhenThereIsNoBaseline() {
        Policy floor = policy("rules: [{name: tp-floor, budget: throughput >= 200k}]");
        Measurements candidate = new SyntheticRuns().cell("echo", "engine-epoll", Metric.THROUGHPUT, 105_000)
                .measurements("candidate");
        GateReport report = Gate.evaluate(floor, Measurements.none(), candidate, false);
        assertThat(report.rows()).singleElement().extracting(GateRow::verdict).isEqualTo(Verdict.BELOW_FLOOR);
        assertThat(report.headline()).isEqualTo(
                "gate: FAIL: rule 'tp-floor' (throughput >= 200k/s) below floor in echo/engine-epoll: 105k/s, budget >= 200k/s");
        assertThat(Comparison.NOT_EQUAL.breach(0, 0)).isEqualTo(Verdict.FORBIDDEN_VALUE);
        assertThat(Comparison.EQUAL.breach(3, 0)).isEqualTo(Verdict.OVER_BUDGET);
    }

    @Test
    void shouldBudgetASweepsSustainedRateAndJudgeItsRegressionLikeAnyMetric() {
        Policy knee = policy("""
                rules:
                  - name: knee-floor
                    scenario: knee
                    budget: sustainedRate >= 40k
                  - name: knee-regression
                    scenario: knee
                    regression:
                      sustainedRate: {maxDrop: 10%}
                """);
        Measurements baseline = new SyntheticRuns()
                .cell("knee", "engine-epoll", Metric.SUSTAINED_RATE, 50_000, 51_000, 49_000)
                .measurements("baseline");
        Measurements candidate = new SyntheticRuns()
                .cell("knee", "engine-epoll", Metric.SUSTAINED_RATE, 41_000, 40_500, 41_500)
                .measurements("candidate");

        GateReport report = Gate.evaluate(knee, baseline, candidate, false);

        // above its floor, but 18 % below the baseline: higher is better, so the drop is the regression
        assertThat(report.rows()).extracting(GateRow::rule, GateRow::verdict).containsExactly(
                org.assertj.core.groups.Tuple.tuple("knee-floor", Verdict.PASS),
                org.assertj.core.groups.Tuple.tuple("knee-regression", Verdict.REGRESSION));
        assertThat(report.outcome()).isEqualTo(GateOutcome.FAIL);
    }

    private static Policy throughputPolicy(String correction) {
        return policy("correction: " + correction + "\n"
                + "rules: [{name: tp, regression: {throughput: {maxDrop: 5%, grossLimit: 50%}}}]");
    }

    private static final double[] FIVE_BASELINE_TRIALS = {100, 101, 102, 103, 104};
    /** 21 of the 25 pairs below the baseline moved by 5 %: p = 12/252 = 0.048, just below alpha 0.05. */
    private static final double[] BARELY_WORSE = {90, 91, 92, 93, 98};
    /** Every trial below every moved baseline trial: p = 1/252 = 0.004; a 20 % drop, within the 50 % gross limit. */
    private static final double[] CLEARLY_WORSE = {80, 81, 82, 83, 84};

    /** Four cells barely worse than their baselines and one clearly worse, five trials a side. */
    private static GateReport judgeFourBorderlineChecksAndOneStrong(String correction) {
        SyntheticRuns baseline = new SyntheticRuns();
        SyntheticRuns candidate = new SyntheticRuns();
        for (String scenario : List.of("rpc-1", "rpc-2", "rpc-3", "rpc-4", "rpc-strong")) {
            baseline.cell(scenario, "threads", Metric.THROUGHPUT, FIVE_BASELINE_TRIALS);
            candidate.cell(scenario, "threads", Metric.THROUGHPUT,
                    scenario.equals("rpc-strong") ? CLEARLY_WORSE : BARELY_WORSE);
        }
        return Gate.evaluate(throughputPolicy(correction), baseline.measurements("b"), candidate.measurements("c"), false);
    }

    @Test
    void shouldFailChecksJustBelowAlphaEachWithoutACorrection() {
        GateReport none = judgeFourBorderlineChecksAndOneStrong("none");
        assertThat(none.rows()).extracting(GateRow::verdict).containsOnly(Verdict.REGRESSION).hasSize(5);
        assertThat(none.rows()).allSatisfy(row -> assertThat(row.adjustedPValue()).isEqualTo(row.pValue()));
        assertThat(none.rows().getFirst().pValue()).isCloseTo(12.0 / 252, org.assertj.core.api.Assertions.within(1e-12));
        assertThat(none.outcome()).isEqualTo(GateOutcome.FAIL);
    }

    @Test
    void shouldPassUnderHolmTheChecksJustBelowAlphaThatNoLongerSurviveAndStillFailTheStrongOne() {
        GateReport holm = judgeFourBorderlineChecksAndOneStrong("holm");
        assertThat(holm.rows()).extracting(GateRow::scenario, GateRow::verdict).containsExactly(
                org.assertj.core.groups.Tuple.tuple("rpc-1", Verdict.PASS),
                org.assertj.core.groups.Tuple.tuple("rpc-2", Verdict.PASS),
                org.assertj.core.groups.Tuple.tuple("rpc-3", Verdict.PASS),
                org.assertj.core.groups.Tuple.tuple("rpc-4", Verdict.PASS),
                org.assertj.core.groups.Tuple.tuple("rpc-strong", Verdict.REGRESSION));
        GateRow strong = holm.rows().getLast();
        assertThat(strong.adjustedPValue()).isCloseTo(5.0 / 252, org.assertj.core.api.Assertions.within(1e-12));
        assertThat(strong.note()).contains("holm-adjusted 0.020 (rank 1 of 5, level 0.01)");
        // The second smallest p meets 0.05/4 = 0.0125 no more: it and all after it stay, adjusted to 4 x 0.048.
        assertThat(holm.rows().getFirst().adjustedPValue()).isCloseTo(4 * 12.0 / 252,
                org.assertj.core.api.Assertions.within(1e-12));
        assertThat(holm.rows().getFirst().note()).contains("median beyond the threshold but within the trials' spread")
                .contains("holm-adjusted 0.190");
        assertThat(holm.failures()).singleElement().asString().contains("rpc-strong/threads");
        assertThat(holm.testedChecks()).isEqualTo(5);
        assertThat(holm.statistics().correction()).isEqualTo(Correction.HOLM);
    }

    @Test
    void shouldCallAChangeInconclusiveWhenItsTrialsCannotReachTheCorrectedLevelYetFailItBeyondTheGrossLimit() {
        // 3 trials a side cannot go below p = 1/20 = 0.05, and holm asks the first of 3 checks for 0.05/3.
        Measurements baseline = new SyntheticRuns()
                .cell("rpc-1", "threads", Metric.THROUGHPUT, 100, 101, 102)
                .cell("rpc-2", "threads", Metric.THROUGHPUT, 100, 101, 102)
                .cell("rpc-3", "threads", Metric.THROUGHPUT, 100, 101, 102)
                .measurements("b");
        Measurements candidate = new SyntheticRuns()
                .cell("rpc-1", "threads", Metric.THROUGHPUT, 80, 81, 82)
                .cell("rpc-2", "threads", Metric.THROUGHPUT, 40, 41, 42)
                .cell("rpc-3", "threads", Metric.THROUGHPUT, 100, 102, 101)
                .measurements("c");
        GateReport holm = Gate.evaluate(throughputPolicy("holm"), baseline, candidate, false);
        assertThat(holm.rows()).extracting(GateRow::verdict)
                .containsExactly(Verdict.INCONCLUSIVE, Verdict.REGRESSION, Verdict.PASS);
        assertThat(holm.rows().getFirst().note()).contains("3 baseline vs 3 candidate trials cannot reach holm's level "
                + "for 3 checks (p <= 0.0167; the smallest they give is 0.05)");
        assertThat(holm.rows().get(1).note()).contains("beyond the gross limit");
        assertThat(Gate.evaluate(throughputPolicy("none"), baseline, candidate, false).rows())
                .extracting(GateRow::verdict).containsExactly(Verdict.REGRESSION, Verdict.REGRESSION, Verdict.PASS);
    }

    @Test
    void shouldCorrectAcrossTheRegressionChecksOfEveryRuleAndKeepTheRowsInPolicyOrder() {
        Policy twoRules = policy("""
                rules:
                  - {name: errors, budget: errors == 0}
                  - {name: tp, regression: {throughput: {maxDrop: 5%, grossLimit: 50%}}}
                  - {name: cpu, regression: {cpuUsPerRequest: {maxRise: 5%, grossLimit: 50%}}}
                """);
        Measurements baseline = new SyntheticRuns()
                .cell("rpc", "threads", Metric.ERRORS, 0, 0, 0, 0, 0)
                .cell("rpc", "threads", Metric.THROUGHPUT, FIVE_BASELINE_TRIALS)
                .cell("rpc", "threads", Metric.CPU_US_PER_REQUEST, 10, 10, 10, 10, 10)
                .measurements("b");
        Measurements candidate = new SyntheticRuns()
                .cell("rpc", "threads", Metric.ERRORS, 0, 0, 0, 0, 0)
                .cell("rpc", "threads", Metric.THROUGHPUT, BARELY_WORSE)
                .cell("rpc", "threads", Metric.CPU_US_PER_REQUEST, 10, 10, 10, 10, 10)
                .measurements("c");
        GateReport report = Gate.evaluate(twoRules, baseline, candidate, false);
        assertThat(report.rows()).extracting(GateRow::rule).containsExactly("errors", "tp", "cpu");
        // A family of two: the throughput check's 0.048 is held against 0.05/2.
        assertThat(report.rows().get(1).verdict()).isEqualTo(Verdict.PASS);
        assertThat(report.rows().get(1).note()).contains("rank 1 of 2");
        assertThat(report.outcome()).isEqualTo(GateOutcome.PASS);
    }

    @Test
    void shouldFailACandidateWhoseErrorRateIsAboveTheDefaultBudgetAndSayBy() {
        Measurements baseline = new SyntheticRuns()
                .cell("rpc", "engine-epoll", Metric.THROUGHPUT, 100_000, 100_000, 100_000)
                .cell("rpc", "engine-epoll", Metric.P99, 2e6, 2e6, 2e6)
                .cell("rpc", "engine-epoll", Metric.ERRORS, 0, 0, 0)
                .cell("rpc", "engine-epoll", Metric.ERROR_RATE, 0, 0, 0)
                .measurements("baseline");
        // The same speed, but one request in 200 failed: the p99 holds them (each at its timeout or failure).
        Measurements candidate = new SyntheticRuns()
                .cell("rpc", "engine-epoll", Metric.THROUGHPUT, 100_000, 100_000, 100_000)
                .cell("rpc", "engine-epoll", Metric.P99, 2e6, 2e6, 2e6)
                .cell("rpc", "engine-epoll", Metric.ERRORS, 40, 50, 60)
                .cell("rpc", "engine-epoll", Metric.ERROR_RATE, 0.004, 0.005, 0.006)
                .measurements("candidate");

        GateReport report = Gate.evaluate(DefaultPolicy.policy(), baseline, candidate, false);

        assertThat(report.outcome()).isEqualTo(GateOutcome.FAIL);
        assertThat(report.failures()).contains("rule 'error-rate' (errorRate <= 0.1%) over budget in rpc/engine-epoll: "
                + "0.5%, budget <= 0.1% (baseline 0%)");
        assertThat(report.rows()).filteredOn(row -> row.rule().equals("error-rate")).singleElement()
                .satisfies(row -> assertThat(row.unit()).isEqualTo(QuantityUnit.SHARE));
    }

    @Test
    void shouldPassAnErrorRateWithinItsBudget() {
        Policy budget = policy("rules: [{budget: errorRate <= 0.1%}]");
        Measurements within = new SyntheticRuns().cell("echo", "engine-epoll", Metric.ERROR_RATE, 0.0005, 0.002, 0.0008)
                .measurements("candidate");
        GateReport report = Gate.evaluate(budget, Measurements.none(), within, false);
        assertThat(report.outcome()).isEqualTo(GateOutcome.PASS);
        assertThat(report.rows()).singleElement().satisfies(row -> assertThat(row.check()).isEqualTo("errorRate <= 0.1%"));
    }
}
