package io.reactorbench.wire.units;

import java.util.Locale;

/**
 * The one parser for counts, rates and sizes written by people, used by {@code load}'s options, suite files and
 * gate policies alike: decimal suffixes {@code k}/{@code K}, {@code M}, {@code G} ({@code 20k} = 20,000) for
 * anything, and for byte sizes also {@code B}, {@code KiB}, {@code MiB}, {@code GiB} ({@code 1KiB} = 1,024).
 */
public final class Quantities {

    private Quantities() {
    }

    /** A count or rate: {@code 64}, {@code 20k}, {@code 1.5M}, {@code 0.5}. */
    public static double parseCount(String text) {
        return parse(text, false);
    }

    /** A byte size: {@code 64}, {@code 64B}, {@code 1KiB}, {@code 16MiB}, {@code 20k}. */
    public static double parseBytes(String text) {
        return parse(text, true);
    }

    /** {@link #parseCount} that must be a whole number (so {@code 1.5k} is fine and {@code 0.5} is not). */
    public static long parseWholeCount(String text) {
        return whole(parseCount(text), text);
    }

    /** {@link #parseBytes} that must be a whole number of bytes. */
    public static long parseWholeBytes(String text) {
        return whole(parseBytes(text), text);
    }

    private static long whole(double value, String text) {
        if (value != Math.rint(value) || Math.abs(value) > Long.MAX_VALUE / 2.0) {
            throw new IllegalArgumentException("'" + text + "' is not a whole number");
        }
        return (long) value;
    }

    private static double parse(String text, boolean bytes) {
        String t = text.strip();
        int split = 0;
        while (split < t.length() && isNumberChar(t.charAt(split))) {
            split++;
        }
        double value;
        try {
            value = Double.parseDouble(t.substring(0, split));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + text + "' is not a number");
        }
        return value * factor(t.substring(split).strip(), text, bytes);
    }

    private static double factor(String suffix, String text, boolean bytes) {
        if (bytes) {
            switch (suffix) {
                case "B" -> { return 1; }
                case "KiB" -> { return 1024; }
                case "MiB" -> { return 1024 * 1024; }
                case "GiB" -> { return 1024.0 * 1024 * 1024; }
                default -> { }
            }
        }
        return switch (suffix.toLowerCase(Locale.ROOT).equals("k") ? "k" : suffix) {
            case "" -> 1;
            case "k" -> 1e3;
            case "M" -> 1e6;
            case "G" -> 1e9;
            default -> throw new IllegalArgumentException("unknown suffix '" + suffix + "' in '" + text + "' (use k, M"
                    + " or G" + (bytes ? ", B, KiB, MiB or GiB" : "") + ")");
        };
    }

    /** Digits, sign, point and exponent ({@code 1.5E7}, as Java prints large doubles); no suffix uses e or E. */
    private static boolean isNumberChar(char c) {
        return Character.isDigit(c) || c == '.' || c == '-' || c == '+' || c == 'e' || c == 'E';
    }
}
