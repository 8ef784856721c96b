package io.reactorbench.results.metric;

import io.reactorbench.wire.units.Durations;
import io.reactorbench.wire.units.Quantities;

/**
 * The unit a metric is stored in, which decides what a policy may write after a number: time suffixes for
 * times (converted to the metric's own unit), {@code k}/{@code M}/{@code G} for counts and rates,
 * {@code B}/{@code KiB}/{@code MiB} (or {@code k}/{@code M}) for bytes, and nothing but a plain number or a
 * percentage for ratios and shares.
 */
public enum QuantityUnit {
    NANOSECONDS(1),
    MICROSECONDS(1_000),
    MILLISECONDS(1_000_000),
    BYTES(0),
    COUNT(0),
    PER_SECOND(0),
    RATIO(0),
    /** A part of a whole, stored 0–1 like a ratio but written as a percentage ({@code 0.1%}): an error rate. */
    SHARE(0);

    /** Nanoseconds per unit for time units, 0 for the others. */
    private final long nanosPerUnit;

    QuantityUnit(long nanosPerUnit) {
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
        if (this == RATIO || this == SHARE) {
            return ratio(trimmed, text);
        }
        if (isTime()) {
            boolean bare = !trimmed.isEmpty() && Character.isDigit(trimmed.charAt(trimmed.length() - 1));
            if (bare) {
                // A plain number is already in the metric's own unit (p99 < 5 means 5 ms for a ms metric).
                return Quantities.parseCount(trimmed);
            }
            boolean negative = trimmed.startsWith("-");
            double ns = Durations.parseNs(negative ? trimmed.substring(1) : trimmed);
            return (negative ? -ns : ns) / nanosPerUnit;
        }
        return this == BYTES ? Quantities.parseBytes(trimmed) : Quantities.parseCount(trimmed);
    }

    private static double ratio(String trimmed, String text) {
        if (trimmed.endsWith("%")) {
            return Quantities.parseCount(trimmed.substring(0, trimmed.length() - 1)) * 0.01;
        }
        try {
            return Quantities.parseCount(trimmed);
        } catch (IllegalArgumentException e) {
            if (e.getMessage().startsWith("unknown suffix")) {
                throw new IllegalArgumentException("a ratio takes no unit, '" + text + "' has '"
                        + trimmed.replaceFirst("^[-+0-9.]+", "") + "'");
            }
            throw e;
        }
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
                return QuantityText.threeDigits(ns / 1e9) + " s";
            }
            if (abs >= 1e6) {
                return QuantityText.threeDigits(ns / 1e6) + " ms";
            }
            if (abs >= 1e3) {
                return QuantityText.threeDigits(ns / 1e3) + " µs";
            }
            return QuantityText.threeDigits(ns) + " ns";
        }
        return switch (this) {
            case BYTES -> QuantityText.threeDigits(value) + " B";
            case PER_SECOND -> QuantityText.siPrefixed(value) + "/s";
            case COUNT -> QuantityText.siPrefixed(value);
            case SHARE -> QuantityText.threeDigits(value * 100) + "%";
            default -> QuantityText.threeDigits(value);
        };
    }
}
