package io.reactorbench.results.gate;

import java.util.Arrays;
import java.util.Locale;

/**
 * Decides one regression check from trial values: a regression is called only when the candidate's median is
 * worse than the baseline's beyond the threshold <em>and</em> the candidate's trials are, as a set, worse than
 * the baseline's trials moved by the threshold at significance {@code alpha} (exact one-sided Mann–Whitney U).
 * With 3 trials on each side that means every candidate trial worse than every moved baseline trial. A change
 * beyond the threshold's gross limit is a regression whatever the trials say (too few, or widely spread).
 */
public final class RegressionTest {

    private RegressionTest() {
    }

    public static RegressionDecision decide(double[] baseline, double[] candidate, Threshold threshold,
            StatisticsSettings settings) {
        double baselineMedian = Medians.of(baseline);
        double candidateMedian = Medians.of(candidate);
        double change = threshold.change(baselineMedian, candidateMedian);
        boolean beyond = threshold.beyond(change, threshold.amount());
        // Beyond the gross limit no noise explains the change: it fails with one trial as with ten.
        boolean gross = threshold.grossLimit() != null && threshold.beyond(change, threshold.grossLimit());
        if (!settings.canDecide(baseline.length, candidate.length)) {
            String counts = baseline.length + " baseline vs " + candidate.length + " candidate trials";
            if (gross) {
                return new RegressionDecision(Verdict.REGRESSION, baselineMedian, candidateMedian, change, Double.NaN,
                        counts + " are too few to test, but the change is beyond the gross limit");
            }
            return new RegressionDecision(Verdict.INCONCLUSIVE, baselineMedian, candidateMedian, change, Double.NaN,
                    counts + ": too few to test (need " + settings.minTrials() + " each"
                            + (beyond ? "; the medians differ beyond the threshold)" : ")"));
        }
        double[] moved = Arrays.stream(baseline).map(threshold::shifted).toArray();
        double p = threshold.direction() == Threshold.Direction.RISE
                ? MannWhitney.pGreater(candidate, moved)
                : MannWhitney.pGreater(negate(candidate), negate(moved));
        String pText = String.format(Locale.ROOT, "p=%.3f", p);
        if (beyond && p <= settings.alpha()) {
            return new RegressionDecision(Verdict.REGRESSION, baselineMedian, candidateMedian, change, p,
                    "worse beyond the threshold and the trials' spread (" + pText + ")");
        }
        if (gross) {
            return new RegressionDecision(Verdict.REGRESSION, baselineMedian, candidateMedian, change, p,
                    "worse beyond the gross limit, though within the trials' spread (" + pText + ")");
        }
        String note = beyond ? "median beyond the threshold but within the trials' spread (" + pText + ")" : "";
        return new RegressionDecision(Verdict.PASS, baselineMedian, candidateMedian, change, p, note);
    }

    private static double[] negate(double[] values) {
        return Arrays.stream(values).map(v -> -v).toArray();
    }
}
