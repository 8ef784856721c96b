package io.reactorbench.results.gate;

import java.util.Locale;

/**
 * The unit a metric is stored in, which decides what a policy may write after a number: time suffixes for
 * times (converted to the metric's own unit), {@code k}/{@code M}/{@code G} for counts and rates,
 * {@code B}/{@code KiB}/{@code MiB} (or {@code k}/{@code M}) for bytes, and nothing but a plain number or a
 * percentage for ratios.
 */
public enum MetricUnit {
    NANOSECONDS(1),
    MICROSECONDS(1_000),
    MILLISECONDS(1_000_000),
    BYTES(0),
    COUNT(0),
    PER_SECOND(0),
    RATIO(0);

    /** Nanoseconds per unit for time units, 0 for the others. */
    private final long nanosPerUnit;

    MetricUnit(long nanosPerUnit) {
        this.nanosPerUnit = nanosPerUnit;
    }

    public boolean isTime() {
        return nanosPerUnit > 0;
    }

    /**
     * Parses {@code text} (e.g. {@code 5ms}, {@code 100k}, {@code 64}, {@code 2KiB}) into this unit.
     *
     * @throws IllegalArgumentException with a message fit for a policy error
     */
    public double parse(String text) {
        String trimmed = text.strip();
        int split = 0;
        while (split < trimmed.length() && isNumberChar(trimmed.charAt(split))) {
            split++;
        }
        String number = trimmed.substring(0, split);
        String suffix = trimmed.substring(split).strip();
        double value;
        try {
            value = Double.parseDouble(number);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + text + "' is not a number");
        }
        return value * factor(suffix, text);
    }

    private double factor(String suffix, String text) {
        if (suffix.isEmpty()) {
            return 1;
        }
        if (isTime()) {
            long nanos = switch (suffix) {
                case "ns" -> 1;
                case "us", "µs" -> 1_000;
                case "ms" -> 1_000_000;
                case "s" -> 1_000_000_000;
                default -> throw new IllegalArgumentException("unknown time unit '" + suffix + "' in '" + text
                        + "' (use ns, us, ms or s)");
            };
            return (double) nanos / nanosPerUnit;
        }
        if (this == RATIO) {
            if (suffix.equals("%")) {
                return 0.01;
            }
            throw new IllegalArgumentException("a ratio takes no unit, '" + text + "' has '" + suffix + "'");
        }
        if (this == BYTES) {
            switch (suffix) {
                case "B" -> { return 1; }
                case "KiB" -> { return 1024; }
                case "MiB" -> { return 1024 * 1024; }
                case "GiB" -> { return 1024.0 * 1024 * 1024; }
                default -> { }
            }
        }
        return switch (suffix.toLowerCase(Locale.ROOT).equals("k") ? "k" : suffix) {
            case "k" -> 1e3;
            case "M" -> 1e6;
            case "G" -> 1e9;
            default -> throw new IllegalArgumentException("unknown suffix '" + suffix + "' in '" + text + "' for a "
                    + name().toLowerCase(Locale.ROOT).replace('_', ' ') + " value (use k, M or G"
                    + (this == BYTES ? ", B, KiB or MiB" : "") + ")");
        };
    }

    private static boolean isNumberChar(char c) {
        return Character.isDigit(c) || c == '.' || c == '-' || c == '+';
    }

    /** A value of this unit for people: {@code 1.23 ms}, {@code 45.6k/s}, {@code 64 B}. */
    public String format(double value) {
        if (Double.isNaN(value)) {
            return "-";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "inf" : "-inf";
        }
        if (isTime()) {
            double ns = value * nanosPerUnit;
            double abs = Math.abs(ns);
            if (abs >= 1e9) {
                return Numbers.threeDigits(ns / 1e9) + " s";
            }
            if (abs >= 1e6) {
                return Numbers.threeDigits(ns / 1e6) + " ms";
            }
            if (abs >= 1e3) {
                return Numbers.threeDigits(ns / 1e3) + " µs";
            }
            return Numbers.threeDigits(ns) + " ns";
        }
        return switch (this) {
            case BYTES -> Numbers.threeDigits(value) + " B";
            case PER_SECOND -> Numbers.siPrefixed(value) + "/s";
            case COUNT -> Numbers.siPrefixed(value);
            default -> Numbers.threeDigits(value);
        };
    }
}
