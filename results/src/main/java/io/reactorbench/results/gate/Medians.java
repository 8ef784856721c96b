package io.reactorbench.results.gate;

import io.reactorbench.results.Spread;

/** The gate's arithmetic on trial values: the median of a cell's trials and the relative change of two medians. */
final class Medians {

    private Medians() {
    }

    /** Median of the values; NaN when there are none (the one median rule: {@link Spread}). */
    static double of(double[] values) {
        return Spread.ofValues(values).median();
    }

    /** candidate / baseline − 1; ±infinity from a baseline of zero, 0 when both are zero. */
    static double relativeChange(double baseline, double candidate) {
        if (baseline == 0) {
            return candidate == 0 ? 0 : Math.copySign(Double.POSITIVE_INFINITY, candidate);
        }
        return candidate / baseline - 1;
    }
}
