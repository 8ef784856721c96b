package io.reactorbench.loadgen;

import java.util.concurrent.TimeUnit;

/** Parses durations written like {@code 10s}, {@code 500ms}, {@code 2m}, {@code 250us}, {@code 1h}. */
public final class Durations {

    private Durations() {
    }

    public static long parseNs(String text) {
        String t = text.trim();
        int split = 0;
        while (split < t.length() && (Character.isDigit(t.charAt(split)) || t.charAt(split) == '.')) {
            split++;
        }
        if (split == 0) {
            throw new IllegalArgumentException("bad duration '" + text + "' (expected e.g. 10s, 500ms, 2m)");
        }
        double value;
        try {
            value = Double.parseDouble(t.substring(0, split));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("bad duration '" + text + "' (expected e.g. 10s, 500ms, 2m)");
        }
        long unitNs = switch (t.substring(split).trim()) {
            case "ns" -> 1L;
            case "us", "µs" -> TimeUnit.MICROSECONDS.toNanos(1);
            case "ms" -> TimeUnit.MILLISECONDS.toNanos(1);
            case "s", "" -> TimeUnit.SECONDS.toNanos(1);
            case "m", "min" -> TimeUnit.MINUTES.toNanos(1);
            case "h" -> TimeUnit.HOURS.toNanos(1);
            default -> throw new IllegalArgumentException(
                    "bad duration unit in '" + text + "' (expected ns, us, ms, s, m or h)");
        };
        return Math.round(value * unitNs);
    }

    /** Seconds with up to three decimals, for messages and JSON. */
    public static double toSeconds(long ns) {
        return Math.round(ns / 1e6) / 1e3;
    }
}
