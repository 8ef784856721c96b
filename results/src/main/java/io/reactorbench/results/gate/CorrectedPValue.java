package io.reactorbench.results.gate;

import io.reactorbench.results.metric.QuantityText;
import java.util.Locale;

/**
 * One regression check's p-value after its evaluation's {@link Correction}.
 *
 * @param familySize     how many regression checks of the evaluation had a p-value (k)
 * @param rank           1 for the smallest p-value of the family, k for the largest (ties in the order given)
 * @param pValue         the check's own one-sided Mann–Whitney p-value
 * @param adjustedPValue the p-value to hold against {@code alpha} after the correction (equal to {@code pValue}
 *                       without one)
 * @param significant    whether the correction lets the test call this check worse than its moved baseline
 */
public record CorrectedPValue(Correction correction, double alpha, int familySize, int rank, double pValue,
        double adjustedPValue, boolean significant) {

    /** The level this check's rank is tested at: {@code alpha / (k - rank + 1)} under Holm, {@code alpha} without. */
    public double level() {
        return correction.level(alpha, rank, familySize);
    }

    /**
     * The strictest level of the family, the one its smallest p-value must reach before any check can be
     * significant: {@code alpha / k} under Holm. Trials too few to go below it cannot decide under the correction.
     */
    public double strictestLevel() {
        return correction.level(alpha, 1, familySize);
    }

    /** For a verdict's note: {@code p=0.030}, or {@code p=0.030, holm-adjusted 0.120 (rank 2 of 4, level 0.0167)}. */
    public String describe() {
        String own = String.format(Locale.ROOT, "p=%.3f", pValue);
        if (correction == Correction.NONE) {
            return own;
        }
        return own + String.format(Locale.ROOT, ", %s-adjusted %.3f (rank %d of %d, level %s)", correction.policyName(),
                adjustedPValue, rank, familySize, QuantityText.threeDigits(level()));
    }
}
