package io.reactorbench.results.gate;

/**
 * How sure the gate must be before it calls a regression.
 *
 * @param alpha      the one-sided significance level of the Mann–Whitney tests: under {@link Correction#HOLM} the
 *                   most often any regression check of one evaluation may fail when every candidate is in truth
 *                   exactly at its threshold (less often when better); under {@link Correction#NONE} that bound
 *                   holds per check
 * @param minTrials  fewer trials than this on either side makes a regression check inconclusive
 * @param correction how the checks of one evaluation share {@code alpha}
 */
public record StatisticsSettings(double alpha, int minTrials, Correction correction) {

    public static final StatisticsSettings DEFAULT = new StatisticsSettings(0.05, 3, Correction.HOLM);

    public StatisticsSettings {
        if (!(alpha > 0 && alpha < 0.5)) {
            throw new IllegalArgumentException("alpha must be between 0 and 0.5, was " + alpha);
        }
        if (minTrials < 1) {
            throw new IllegalArgumentException("minTrials must be at least 1, was " + minTrials);
        }
        if (correction == null) {
            throw new IllegalArgumentException("a correction is needed (Correction.NONE for none)");
        }
    }

    /**
     * Whether a test with these trial counts can decide on its own: enough trials, and 1/C(n+m, n) ≤ alpha. Such a
     * check has a p-value and joins its evaluation's family; whether it can still decide after the correction is
     * {@link RegressionTest}'s question.
     */
    public boolean canDecide(int baselineTrials, int candidateTrials) {
        return baselineTrials >= minTrials && candidateTrials >= minTrials
                && MannWhitney.minimumP(candidateTrials, baselineTrials) <= alpha;
    }
}
