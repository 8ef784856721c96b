package io.reactorbench.results.gate;

import java.util.Arrays;
import java.util.Locale;

/** Small numeric helpers of the gate: medians and the formatting of numbers for people. */
final class Numbers {

    private Numbers() {
    }

    /** Median of the values; NaN when there are none. */
    static double median(double[] values) {
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

    /** About three significant digits, without exponent: {@code 1.23}, {@code 45.6}, {@code 789}, {@code 12345}. */
    static String threeDigits(double value) {
        double abs = Math.abs(value);
        if (abs == 0) {
            return "0";
        }
        if (value == Math.rint(value) && abs < 1e6) {
            return String.format(Locale.ROOT, "%.0f", value);
        }
        if (abs < 1) {
            // 0.5 rather than 0.500: small values are mostly ratios and limits people wrote by hand.
            return new java.math.BigDecimal(value).round(new java.math.MathContext(3)).stripTrailingZeros().toPlainString();
        }
        String pattern = abs >= 100 ? "%.0f" : abs >= 10 ? "%.1f" : "%.2f";
        return String.format(Locale.ROOT, pattern, value);
    }

    /** With a k / M / G prefix: {@code 123k}, {@code 1.20M}. */
    static String siPrefixed(double value) {
        double abs = Math.abs(value);
        if (abs >= 1e9) {
            return threeDigits(value / 1e9) + "G";
        }
        if (abs >= 1e6) {
            return threeDigits(value / 1e6) + "M";
        }
        if (abs >= 1e3) {
            return threeDigits(value / 1e3) + "k";
        }
        return threeDigits(value);
    }

    /** A signed relative change: {@code +12.3%}, {@code -4.0%}. */
    static String percent(double fraction) {
        if (Double.isNaN(fraction)) {
            return "-";
        }
        if (Double.isInfinite(fraction)) {
            return fraction > 0 ? "+inf%" : "-inf%";
        }
        return String.format(Locale.ROOT, "%+.1f%%", fraction * 100);
    }
}
