package io.reactorbench.results.gate;

import io.reactorbench.results.metric.QuantityText;
import java.util.Arrays;

/**
 * Decides one regression check from trial values: a regression is called only when the candidate's median is
 * worse than the baseline's beyond the threshold <em>and</em> the candidate's trials are, as a set, worse than
 * the baseline's trials moved by the threshold at significance {@code alpha} (exact one-sided Mann–Whitney U),
 * after the evaluation's {@link Correction} across all its regression checks. With 3 trials on each side and
 * no correction that means every candidate trial worse than every moved baseline trial. A change beyond the
 * threshold's gross limit is a regression whatever the trials say (too few, or widely spread).
 *
 * <p>The gross limit stays outside the correction: it is not a test with a p-value but the policy's statement
 * that no noise explains a change that large, which is what lets a one-trial run fail at all. Whether it fires on
 * unchanged code depends on the machine's noise against the limit, not on {@code alpha} or on how many checks
 * there are; dividing {@code alpha} cannot tune it, only a wider limit can (the A/A measurement in
 * {@code docs/ci.md} counts its false alarms).
 */
public final class RegressionTest {

    private RegressionTest() {
    }

    /**
     * The check's p-value, to be corrected with the evaluation's others; NaN when its trials are too few to test
     * ({@link StatisticsSettings#canDecide}), which keeps it out of the family.
     */
    public static double pValue(double[] baseline, double[] candidate, Threshold threshold, StatisticsSettings settings) {
        if (!settings.canDecide(baseline.length, candidate.length)) {
            return Double.NaN;
        }
        double[] moved = Arrays.stream(baseline).map(threshold::shifted).toArray();
        return threshold.direction() == Threshold.Direction.RISE
                ? MannWhitney.pGreater(candidate, moved)
                : MannWhitney.pGreater(negate(candidate), negate(moved));
    }

    /** One check judged on its own: a family of one, which every correction leaves at {@code alpha}. */
    public static RegressionDecision decide(double[] baseline, double[] candidate, Threshold threshold,
            StatisticsSettings settings) {
        double p = pValue(baseline, candidate, threshold, settings);
        CorrectedPValue corrected = Double.isNaN(p) ? null
                : settings.correction().apply(new double[] {p}, settings.alpha()).getFirst();
        return decide(baseline, candidate, threshold, settings, corrected);
    }

    /**
     * @param corrected this check's {@link #pValue} after the evaluation's correction; null when it had none
     */
    public static RegressionDecision decide(double[] baseline, double[] candidate, Threshold threshold,
            StatisticsSettings settings, CorrectedPValue corrected) {
        double baselineMedian = Medians.of(baseline);
        double candidateMedian = Medians.of(candidate);
        double change = threshold.change(baselineMedian, candidateMedian);
        boolean beyond = threshold.beyondAllowed(baselineMedian, candidateMedian);
        // Beyond the gross limit no noise explains the change: it fails with one trial as with ten.
        boolean gross = threshold.beyondGross(baselineMedian, candidateMedian);
        String counts = baseline.length + " baseline vs " + candidate.length + " candidate trials";
        if (corrected == null) {
            if (gross) {
                return new RegressionDecision(Verdict.REGRESSION, baselineMedian, candidateMedian, change, Double.NaN,
                        counts + " are too few to test, but the change is beyond the gross limit", Double.NaN);
            }
            return new RegressionDecision(Verdict.INCONCLUSIVE, baselineMedian, candidateMedian, change, Double.NaN,
                    counts + ": too few to test (need " + settings.minTrials() + " each"
                            + (beyond ? "; the medians differ beyond the threshold)" : ")"), Double.NaN);
        }
        double p = corrected.pValue();
        double adjusted = corrected.adjustedPValue();
        String pText = corrected.describe();
        if (beyond && corrected.significant()) {
            return new RegressionDecision(Verdict.REGRESSION, baselineMedian, candidateMedian, change, p,
                    "worse beyond the threshold and the trials' spread (" + pText + ")", adjusted);
        }
        if (gross) {
            return new RegressionDecision(Verdict.REGRESSION, baselineMedian, candidateMedian, change, p,
                    "worse beyond the gross limit, though within the trials' spread (" + pText + ")", adjusted);
        }
        double smallestP = MannWhitney.minimumP(candidate.length, baseline.length);
        if (beyond && smallestP > corrected.strictestLevel()) {
            // Not a pass: these trials could not have shown the change significant among this many checks.
            return new RegressionDecision(Verdict.INCONCLUSIVE, baselineMedian, candidateMedian, change, p,
                    "median beyond the threshold, but " + counts + " cannot reach "
                            + corrected.correction().policyName() + "'s level for " + corrected.familySize()
                            + " checks (p <= " + QuantityText.threeDigits(corrected.strictestLevel())
                            + "; the smallest they give is " + QuantityText.threeDigits(smallestP) + ") (" + pText + ")",
                    adjusted);
        }
        String note = beyond ? "median beyond the threshold but within the trials' spread (" + pText + ")" : "";
        return new RegressionDecision(Verdict.PASS, baselineMedian, candidateMedian, change, p, note, adjusted);
    }

    private static double[] negate(double[] values) {
        return Arrays.stream(values).map(v -> -v).toArray();
    }
}
