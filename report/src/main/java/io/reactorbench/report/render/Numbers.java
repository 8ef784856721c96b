package io.reactorbench.report.render;

import java.util.Locale;

/**
 * The one place where numbers become text, so that HTML tables, Markdown tables and chart labels agree.
 * About three significant digits, a comma between thousands, an en dash for "no value".
 */
public final class Numbers {

    /** Shown where a value is missing (NaN): a cell that did not measure it, or no trial that succeeded. */
    public static final String MISSING = "–";

    private Numbers() {
    }

    public static String format(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return MISSING;
        }
        double magnitude = Math.abs(value);
        if (magnitude == 0) {
            return "0";
        }
        if (magnitude >= 100) {
            return String.format(Locale.ROOT, "%,.0f", value);
        }
        if (magnitude >= 10) {
            return trimZeros(String.format(Locale.ROOT, "%.1f", value));
        }
        if (magnitude >= 1) {
            return trimZeros(String.format(Locale.ROOT, "%.2f", value));
        }
        if (magnitude >= 0.001) {
            return trimZeros(String.format(Locale.ROOT, "%.3f", value));
        }
        return String.format(Locale.ROOT, "%.2e", value);
    }

    public static String format(double value, Unit unit) {
        String number = format(value);
        return number.equals(MISSING) || unit.symbol().isEmpty() ? number : number + " " + unit.symbol();
    }

    /** A spread over trials: {@code min–max}, or the single value when all trials agree. */
    public static String range(double min, double max) {
        if (Double.isNaN(min) || Double.isNaN(max)) {
            return MISSING;
        }
        String low = format(min);
        String high = format(max);
        return low.equals(high) ? low : low + "–" + high;
    }

    /** A relative change with its sign, e.g. {@code +12.5 %}; the baseline's zero gives no percentage. */
    public static String percentChange(double fraction) {
        if (Double.isNaN(fraction) || Double.isInfinite(fraction)) {
            return MISSING;
        }
        return (fraction > 0 ? "+" : fraction < 0 ? "−" : "±") + format(Math.abs(fraction) * 100) + " %";
    }

    /** A byte count in the binary unit that keeps the number short (KiB, MiB…), for memory columns. */
    public static String bytes(double value) {
        if (Double.isNaN(value)) {
            return MISSING;
        }
        String[] units = {"B", "KiB", "MiB", "GiB"};
        int unit = 0;
        double scaled = value;
        while (Math.abs(scaled) >= 1024 && unit < units.length - 1) {
            scaled /= 1024;
            unit++;
        }
        return format(scaled) + " " + units[unit];
    }

    private static String trimZeros(String decimal) {
        if (!decimal.contains(".")) {
            return decimal;
        }
        String trimmed = decimal.replaceAll("0+$", "");
        return trimmed.endsWith(".") ? trimmed.substring(0, trimmed.length() - 1) : trimmed;
    }
}
