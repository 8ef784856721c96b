package io.reactorbench.results.sweep;

import io.reactorbench.results.LatencySummary;
import io.reactorbench.results.metric.QuantityUnit;
import io.reactorbench.wire.units.Durations;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A rate sweep's service-level objective (issue 19 B, {@code slo: {p99: 5ms, errors: 0.1%}}): the limits a step
 * must stay within to count as sustained. Latency limits are on the step's corrected latency (from the intended
 * send time), so a server that falls behind its schedule breaks them. Every step must also have answered at least
 * {@value #MIN_ACHIEVED_SHARE} of its offered rate: a loose latency limit over a short window could otherwise pass
 * a rate the server is visibly not keeping up with.
 *
 * @param p50Ns       highest median latency allowed; null for no limit
 * @param p90Ns       highest p90; null for no limit
 * @param p99Ns       highest p99; null for no limit
 * @param p999Ns      highest p99.9; null for no limit
 * @param maxErrorRatio highest share of failed requests (a step's {@link SweepStep#errorRate()}: failed / (answered +
 *                    failed)); null for no limit
 */
public record SweepObjective(Long p50Ns, Long p90Ns, Long p99Ns, Long p999Ns, Double maxErrorRatio) {

    /** A step that answered less than this share of its offered rate did not sustain it. */
    public static final double MIN_ACHIEVED_SHARE = 0.95;

    /** The keys of the objective, in suites ({@code p99: 5ms}) and on the command line ({@code p99=5ms}). */
    public static final List<String> KEYS = List.of("p50", "p90", "p99", "p99.9", "errors");

    public SweepObjective {
        if (p50Ns == null && p90Ns == null && p99Ns == null && p999Ns == null && maxErrorRatio == null) {
            throw new IllegalArgumentException("an objective needs at least one limit (" + String.join(", ", KEYS) + ")");
        }
        for (Long limit : new Long[] {p50Ns, p90Ns, p99Ns, p999Ns}) {
            if (limit != null && limit <= 0) {
                throw new IllegalArgumentException("a latency limit of an objective must be positive");
            }
        }
        if (maxErrorRatio != null && (maxErrorRatio < 0 || maxErrorRatio > 1)) {
            throw new IllegalArgumentException("the error limit of an objective must be 0..100%");
        }
    }

    /**
     * Parses {@code p99=5ms,errors=0.1%} (the command line's form; a suite's mapping is read key by key with
     * {@link #with}).
     */
    public static SweepObjective parse(String text) {
        SweepObjective objective = null;
        for (String part : text.split(",")) {
            String[] keyValue = part.strip().split("=");
            if (keyValue.length != 2) {
                throw new IllegalArgumentException("bad objective '" + text + "' (expected KEY=VALUE[,…] with keys "
                        + String.join(", ", KEYS) + ", e.g. p99=5ms,errors=0.1%)");
            }
            objective = with(objective, keyValue[0].strip(), keyValue[1].strip());
        }
        if (objective == null) {
            throw new IllegalArgumentException("an objective needs at least one limit");
        }
        return objective;
    }

    /**
     * {@code base} (null for none yet) with limit {@code key} set from {@code value}: a duration, or for errors a share
     * read as ratios are everywhere ({@code 0.1%}, or a plain {@code 0.001}).
     */
    public static SweepObjective with(SweepObjective base, String key, String value) {
        Long p50 = base == null ? null : base.p50Ns;
        Long p90 = base == null ? null : base.p90Ns;
        Long p99 = base == null ? null : base.p99Ns;
        Long p999 = base == null ? null : base.p999Ns;
        Double errors = base == null ? null : base.maxErrorRatio;
        switch (key) {
            case "p50" -> p50 = Durations.parseNs(value);
            case "p90" -> p90 = Durations.parseNs(value);
            case "p99" -> p99 = Durations.parseNs(value);
            case "p99.9" -> p999 = Durations.parseNs(value);
            case "errors" -> errors = QuantityUnit.RATIO.parse(value);
            default -> throw new IllegalArgumentException("unknown objective '" + key + "' (expected one of "
                    + String.join(", ", KEYS) + ")");
        }
        return new SweepObjective(p50, p90, p99, p999, errors);
    }

    /**
     * Why a step with these figures did not meet the objective (each limit it broke, as a phrase), or empty when it
     * met it.
     */
    public Optional<String> breach(double offeredRatePerSec, double achievedRatePerSec, double errorRate,
            LatencySummary correctedNs) {
        List<String> broken = new ArrayList<>();
        latency(broken, "p50", p50Ns, correctedNs.p50());
        latency(broken, "p90", p90Ns, correctedNs.p90());
        latency(broken, "p99", p99Ns, correctedNs.p99());
        latency(broken, "p99.9", p999Ns, correctedNs.p999());
        if (maxErrorRatio != null && errorRate > maxErrorRatio) {
            broken.add(String.format(Locale.ROOT, "errors %.3g%% > %.3g%%", errorRate * 100, maxErrorRatio * 100));
        }
        if (achievedRatePerSec < offeredRatePerSec * MIN_ACHIEVED_SHARE) {
            broken.add(String.format(Locale.ROOT, "answered %.0f/s < %.0f%% of %.0f/s offered", achievedRatePerSec,
                    MIN_ACHIEVED_SHARE * 100, offeredRatePerSec));
        }
        return broken.isEmpty() ? Optional.empty() : Optional.of(String.join(", ", broken));
    }

    private static void latency(List<String> broken, String name, Long limitNs, long valueNs) {
        if (limitNs != null && valueNs > limitNs) {
            broken.add(name + " " + millis(valueNs) + " > " + millis(limitNs));
        }
    }

    private static String millis(long ns) {
        return String.format(Locale.ROOT, "%.3g ms", ns / 1e6);
    }

    /** As the command line writes it: {@code p99=5000us,errors=0.1%} (microseconds, so nothing is rounded away). */
    public String describe() {
        List<String> parts = new ArrayList<>();
        for (String key : KEYS) {
            Long ns = switch (key) {
                case "p50" -> p50Ns;
                case "p90" -> p90Ns;
                case "p99" -> p99Ns;
                case "p99.9" -> p999Ns;
                default -> null;
            };
            if (ns != null) {
                parts.add(key + "=" + (ns % 1000 == 0 ? ns / 1000 + "us" : ns + "ns"));
            }
        }
        if (maxErrorRatio != null) {
            // Rounded to 9 digits so 0.1 % is written as 0.1%, not as the double's 0.10000000000000002%.
            parts.add("errors=" + new BigDecimal(maxErrorRatio * 100).round(new MathContext(9)).stripTrailingZeros()
                    .toPlainString() + "%");
        }
        return String.join(",", parts);
    }
}
