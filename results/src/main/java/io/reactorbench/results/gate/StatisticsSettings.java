package io.reactorbench.results.gate;

/**
 * How sure the gate must be before it calls a regression.
 *
 * @param alpha     the one-sided significance level of the Mann–Whitney test per check: the most often a check
 *                  may fail when the candidate is in truth exactly at its threshold (less often when it is better)
 * @param minTrials fewer trials than this on either side makes a regression check inconclusive
 */
public record StatisticsSettings(double alpha, int minTrials) {

    public static final StatisticsSettings DEFAULT = new StatisticsSettings(0.05, 3);

    public StatisticsSettings {
        if (!(alpha > 0 && alpha < 0.5)) {
            throw new IllegalArgumentException("alpha must be between 0 and 0.5, was " + alpha);
        }
        if (minTrials < 1) {
            throw new IllegalArgumentException("minTrials must be at least 1, was " + minTrials);
        }
    }

    /** Whether a test with these trial counts can decide at all: enough trials, and 1/C(n+m, n) ≤ alpha. */
    public boolean canDecide(int baselineTrials, int candidateTrials) {
        return baselineTrials >= minTrials && candidateTrials >= minTrials
                && MannWhitney.minimumP(candidateTrials, baselineTrials) <= alpha;
    }
}
