package io.reactorbench.results.gate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class RegressionTestTest {

    private static final StatisticsSettings SETTINGS = StatisticsSettings.DEFAULT;
    private static final Threshold DROP_5_PERCENT = new Threshold(Threshold.Direction.DROP, 0.05, true, null, null);
    private static final Threshold RISE_10_PERCENT = new Threshold(Threshold.Direction.RISE, 0.10, true, null, null);

    @Test
    void shouldPassNoisyButEqualTrialsEvenWhenTheMediansDifferBeyondTheThreshold() {
        // Same distribution, ±15 % noise: the candidate's median happens to be 9 % lower, beyond maxDrop 5 %,
        // but its trials overlap the baseline's, so this is noise and must pass.
        double[] baseline = {100_000, 114_000, 91_000, 106_000, 87_000};
        double[] candidate = {89_000, 112_000, 91_000, 86_000, 104_000};
        RegressionDecision decision = RegressionTest.decide(baseline, candidate, DROP_5_PERCENT, SETTINGS);
        assertThat(decision.change()).isLessThan(-0.05);
        assertThat(decision.verdict()).isEqualTo(Verdict.PASS);
        assertThat(decision.note()).contains("within the trials' spread");
    }

    @Test
    void shouldRarelyFailNoisyButEqualRunsAcrossManySeededDraws() {
        SplittableRandom random = new SplittableRandom(42);
        int regressions = 0;
        int draws = 2000;
        for (int i = 0; i < draws; i++) {
            double[] baseline = noisy(random, 100_000, 0.15, 5);
            double[] candidate = noisy(random, 100_000, 0.15, 5);
            if (RegressionTest.decide(baseline, candidate, DROP_5_PERCENT, SETTINGS).verdict() == Verdict.REGRESSION) {
                regressions++;
            }
        }
        // alpha bounds the rate when the truth sits exactly at the threshold; with no change at all it is lower.
        assertThat(regressions).isLessThanOrEqualTo((int) (draws * SETTINGS.alpha()));
    }

    @Test
    void shouldFailAClearRegressionWithThreeTrialsEach() {
        double[] baseline = {100_000, 103_000, 98_000};
        double[] candidate = {70_000, 72_000, 69_000};
        RegressionDecision decision = RegressionTest.decide(baseline, candidate, DROP_5_PERCENT, SETTINGS);
        assertThat(decision.verdict()).isEqualTo(Verdict.REGRESSION);
        assertThat(decision.pValue()).isEqualTo(0.05);
        assertThat(decision.change()).isCloseTo(-0.30, org.assertj.core.api.Assertions.within(0.01));
    }

    @Test
    void shouldFailARiseOfLatencyBeyondThresholdAndSpread() {
        double[] baseline = {1_000_000, 1_050_000, 980_000, 1_020_000};
        double[] candidate = {1_400_000, 1_380_000, 1_450_000, 1_390_000};
        assertThat(RegressionTest.decide(baseline, candidate, RISE_10_PERCENT, SETTINGS).verdict())
                .isEqualTo(Verdict.REGRESSION);
    }

    @Test
    void shouldPassACleanChangeThatStaysWithinTheThreshold() {
        double[] baseline = {100, 101, 99};
        double[] candidate = {97, 98, 97.5};
        assertThat(RegressionTest.decide(baseline, candidate, DROP_5_PERCENT, SETTINGS).verdict())
                .isEqualTo(Verdict.PASS);
    }

    @Test
    void shouldBeInconclusiveWithTwoTrialsEachEvenForAClearDrop() {
        double[] baseline = {100, 101};
        double[] candidate = {50, 51};
        RegressionDecision decision = RegressionTest.decide(baseline, candidate, DROP_5_PERCENT, SETTINGS);
        assertThat(decision.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(decision.pValue()).isNaN();
        assertThat(decision.note()).contains("too few");
    }

    @Test
    void shouldBeInconclusiveWithOneTrialEachWhenNoChangeIsSeen() {
        RegressionDecision decision = RegressionTest.decide(new double[] {100}, new double[] {100}, DROP_5_PERCENT,
                SETTINGS);
        assertThat(decision.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
    }

    @Test
    void shouldFailOneTrialEachOnlyBeyondTheGrossLimit() {
        Threshold withLimit = new Threshold(Threshold.Direction.RISE, 0.10, true, 0.50, null);
        assertThat(RegressionTest.decide(new double[] {20}, new double[] {70}, withLimit, SETTINGS).verdict())
                .isEqualTo(Verdict.REGRESSION);
        assertThat(RegressionTest.decide(new double[] {20}, new double[] {28}, withLimit, SETTINGS).verdict())
                .isEqualTo(Verdict.INCONCLUSIVE);
    }

    @Test
    void shouldFailAChangeBeyondTheGrossLimitEvenWhenTheTrialsOverlap() {
        Threshold withLimit = new Threshold(Threshold.Direction.DROP, 0.10, true, 0.20, null);
        // Median 100 -> 50, but one candidate trial is as good as the baseline: the test alone would not call it.
        RegressionDecision decision = RegressionTest.decide(new double[] {100, 102, 98}, new double[] {50, 45, 101},
                withLimit, SETTINGS);
        assertThat(decision.pValue()).isGreaterThan(SETTINGS.alpha());
        assertThat(decision.verdict()).isEqualTo(Verdict.REGRESSION);
        assertThat(decision.note()).contains("beyond the gross limit");
    }

    @Test
    void shouldUseAbsoluteThresholdsInTheMetricsUnit() {
        Threshold eightBytes = new Threshold(Threshold.Direction.RISE, 8, false, null, null);
        double[] baseline = {0, 0.4, 0.2};
        assertThat(RegressionTest.decide(baseline, new double[] {5, 6, 7}, eightBytes, SETTINGS).verdict())
                .isEqualTo(Verdict.PASS);
        RegressionDecision rise = RegressionTest.decide(baseline, new double[] {48, 50, 49}, eightBytes, SETTINGS);
        assertThat(rise.verdict()).isEqualTo(Verdict.REGRESSION);
        assertThat(rise.change()).isCloseTo(48.8, org.assertj.core.api.Assertions.within(1e-9));
    }

    @Test
    void shouldAllowTheLargerOfThePercentageAndTheFloor() {
        // 10 % or 64 B, gross 40 % or 256 B: what the default policy asks of allocation per request.
        Threshold allocation = new Threshold(Threshold.Direction.RISE, 0.10, true, 0.40, 64.0);
        // Near 0 B the floor rules: +50 B on 0.4 B is +12,000 % but no regression; +300 B is gross.
        assertThat(RegressionTest.decide(new double[] {0.4}, new double[] {50}, allocation, SETTINGS).verdict())
                .isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(RegressionTest.decide(new double[] {0.4}, new double[] {300}, allocation, SETTINGS).verdict())
                .isEqualTo(Verdict.REGRESSION);
        // At 2.5 KB the percentage rules: the A/A runs' +424 B (+15.5 %) is within the gross 40 %, +1.1 KB is not.
        assertThat(RegressionTest.decide(new double[] {2743}, new double[] {3167}, allocation, SETTINGS).verdict())
                .isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(RegressionTest.decide(new double[] {2743}, new double[] {3900}, allocation, SETTINGS).verdict())
                .isEqualTo(Verdict.REGRESSION);
        // With three trials each, a rise beyond 64 B on ~0 B is tested against the floor, not against 10 % of ~0.
        assertThat(RegressionTest.decide(new double[] {0.2, 0.4, 0.3}, new double[] {90, 95, 99}, allocation, SETTINGS)
                .verdict()).isEqualTo(Verdict.REGRESSION);
        assertThat(RegressionTest.decide(new double[] {0.2, 0.4, 0.3}, new double[] {40, 45, 49}, allocation, SETTINGS)
                .verdict()).isEqualTo(Verdict.PASS);
        assertThat(allocation.describe(io.reactorbench.results.metric.QuantityUnit.BYTES))
                .isEqualTo("maxRise 10% or 64 B (gross 40% or 256 B)");
    }

    @Test
    void shouldRequireMoreTrialsWhenAlphaIsStricter() {
        StatisticsSettings strict = new StatisticsSettings(0.01, 3, Correction.HOLM);
        assertThat(strict.canDecide(3, 3)).isFalse();
        assertThat(strict.canDecide(4, 4)).isFalse(); // 1/70 > 0.01
        assertThat(strict.canDecide(5, 5)).isTrue(); // 1/252
    }

    private static double[] noisy(SplittableRandom random, double center, double spread, int n) {
        double[] values = new double[n];
        for (int i = 0; i < n; i++) {
            values[i] = center * (1 + spread * (2 * random.nextDouble() - 1));
        }
        return values;
    }
}
