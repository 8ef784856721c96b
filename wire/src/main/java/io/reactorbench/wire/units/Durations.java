package io.reactorbench.wire.units;

import java.util.concurrent.TimeUnit;

/**
 * The one parser for durations written by people, used by {@code load}'s options, suite files and gate policies
 * alike: {@code 10s}, {@code 500ms}, {@code 1.5s}, {@code 250us}, {@code 2m}, {@code 1h}, and compounds
 * {@code 1h2m}, {@code 1m30s}. A bare number is seconds. Lives in {@code wire}, the module every other depends
 * on or can, so that no module keeps a parser of its own.
 */
public final class Durations {

    private static final String EXPECTED = "expected e.g. 10s, 500ms, 2m, 1h2m";

    private Durations() {
    }

    /**
     * Nanoseconds in {@code text}; never negative.
     *
     * @throws IllegalArgumentException naming the text and what was expected
     */
    public static long parseNs(String text) {
        String t = text.strip();
        if (t.isEmpty()) {
            throw new IllegalArgumentException("bad duration '" + text + "' (" + EXPECTED + ")");
        }
        double totalNs = 0;
        int at = 0;
        int parts = 0;
        while (at < t.length()) {
            int numberEnd = at;
            while (numberEnd < t.length() && (Character.isDigit(t.charAt(numberEnd)) || t.charAt(numberEnd) == '.')) {
                numberEnd++;
            }
            int unitEnd = numberEnd;
            while (unitEnd < t.length() && !Character.isDigit(t.charAt(unitEnd)) && t.charAt(unitEnd) != '.') {
                unitEnd++;
            }
            double value;
            try {
                value = Double.parseDouble(t.substring(at, numberEnd));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("bad duration '" + text + "' (" + EXPECTED + ")");
            }
            String unit = t.substring(numberEnd, unitEnd).strip();
            if (unit.isEmpty() && (parts > 0 || unitEnd < t.length())) {
                throw new IllegalArgumentException("bad duration '" + text + "' (" + EXPECTED + ")");
            }
            totalNs += value * unitNs(unit, text);
            parts++;
            at = unitEnd;
        }
        return Math.round(totalNs);
    }

    /** Nanoseconds per {@code unit}; an empty unit is seconds. */
    private static long unitNs(String unit, String text) {
        return switch (unit) {
            case "ns" -> 1L;
            case "us", "µs" -> TimeUnit.MICROSECONDS.toNanos(1);
            case "ms" -> TimeUnit.MILLISECONDS.toNanos(1);
            case "s", "" -> TimeUnit.SECONDS.toNanos(1);
            case "m", "min" -> TimeUnit.MINUTES.toNanos(1);
            case "h" -> TimeUnit.HOURS.toNanos(1);
            default -> throw new IllegalArgumentException("unknown time unit '" + unit + "' in '" + text
                    + "' (use ns, us, ms, s, m or h)");
        };
    }

    /** Seconds with up to three decimals, for messages and JSON. */
    public static double toSeconds(long ns) {
        return Math.round(ns / 1e6) / 1e3;
    }
}
