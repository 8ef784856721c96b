package io.reactorbench.results.load;

/**
 * Whether an open-loop run sent what it was asked to: a generator (or server) that cannot keep the rate answers
 * fewer requests than scheduled, and its corrected latencies then measure a growing backlog. k6 counts such
 * requests as dropped iterations; this generator never drops one, so the shortfall shows as requests answered
 * in the window against requests scheduled in it.
 *
 * @param targetPerSec requests per second the schedule asked for in the window (its mean, with --stages)
 * @param achievedPerSec requests answered per second in the window
 * @param tolerance the share of the target that may be missed before the run is flagged ({@value #TOLERANCE})
 * @param missed achieved below {@code targetPerSec * (1 - tolerance)}
 */
public record RateCheck(double targetPerSec, double achievedPerSec, double tolerance, boolean missed) {

    /**
     * 5 %: at a steady rate the answers in a window match the sends within a latency's worth at each edge, far
     * less than this; a shortfall beyond it means the schedule fell behind.
     */
    public static final double TOLERANCE = 0.05;

    /**
     * Whether {@code achievedPerSec} falls short of {@code targetPerSec} by more than the tolerance. Decided on the
     * unrounded rates: the record carries them rounded for the file.
     */
    public static boolean fallsShort(double targetPerSec, double achievedPerSec) {
        return achievedPerSec < targetPerSec * (1 - TOLERANCE);
    }

    /** Achieved as a share of the target, in percent. */
    public double achievedPercent() {
        return targetPerSec > 0 ? 100 * achievedPerSec / targetPerSec : 100;
    }
}
