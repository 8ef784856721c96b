package io.reactorbench.results.metric;

import java.util.Locale;

/**
 * A quantity written back the way a policy writes it ({@code 5 ms}, {@code 200k/s}, {@code 0.5}, {@code +12.3%}):
 * the inverse of {@link QuantityUnit#parse}, so that the gate's verdicts quote a rule in its own terms. Not the report's
 * display of numbers (thousands separators, en dash for "none"), which is {@code report.render.Numbers}.
 */
public final class QuantityText {

    private QuantityText() {
    }

    /** About three significant digits, without exponent: {@code 1.23}, {@code 45.6}, {@code 789}, {@code 12345}. */
    public static String threeDigits(double value) {
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
    public static String siPrefixed(double value) {
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
    public static String percent(double fraction) {
        if (Double.isNaN(fraction)) {
            return "-";
        }
        if (Double.isInfinite(fraction)) {
            return fraction > 0 ? "+inf%" : "-inf%";
        }
        return String.format(Locale.ROOT, "%+.1f%%", fraction * 100);
    }
}
