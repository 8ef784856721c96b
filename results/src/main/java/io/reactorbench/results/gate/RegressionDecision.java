package io.reactorbench.results.gate;

/**
 * The outcome of one regression check on one cell.
 *
 * @param baselineMedian  median of the baseline's trials (a ratio when the rule is normalised)
 * @param candidateMedian median of the candidate's trials
 * @param change          signed change of the medians: a fraction for relative thresholds, else in the metric's unit
 * @param pValue          one-sided Mann–Whitney p-value that the candidate is worse than the baseline moved by the
 *                        threshold; NaN when there were too few trials to test
 * @param note            why, in words, when the verdict is not a plain pass
 * @param adjustedPValue  {@code pValue} after the evaluation's correction; NaN when there was no test
 */
public record RegressionDecision(
        Verdict verdict,
        double baselineMedian,
        double candidateMedian,
        double change,
        double pValue,
        String note,
        double adjustedPValue) {
}
