package io.reactorbench.results.gate;

import java.util.Arrays;

/** The gate's arithmetic on trial values: the median of a cell's trials and the relative change of two medians. */
final class Medians {

    private Medians() {
    }

    /** Median of the values; NaN when there are none. */
    static double of(double[] values) {
        if (values.length == 0) {
            return Double.NaN;
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    /** candidate / baseline − 1; ±infinity from a baseline of zero, 0 when both are zero. */
    static double relativeChange(double baseline, double candidate) {
        if (baseline == 0) {
            return candidate == 0 ? 0 : Math.copySign(Double.POSITIVE_INFINITY, candidate);
        }
        return candidate / baseline - 1;
    }
}
