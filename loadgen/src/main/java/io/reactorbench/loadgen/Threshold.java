package io.reactorbench.loadgen;

import io.reactorbench.results.LatencySummary;
import io.reactorbench.results.load.LoadResult;
import io.reactorbench.wire.units.Durations;
import io.reactorbench.wire.units.Quantities;
import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A pass/fail criterion on a whole run, as k6's thresholds: {@code p99<5ms}, {@code errors<0.1%},
 * {@code rps>=1000}. Judged once, at the end, on the measured window; latency is the corrected latency where the
 * model measures it, else the uncorrected.
 *
 * @param text as given
 * @param metric what is compared
 * @param operator {@code <}, {@code <=}, {@code >} or {@code >=}
 * @param limit in the metric's unit: ns for latency, a share (0..1) for errors, requests per second for rps
 */
public record Threshold(String text, Metric metric, String operator, double limit) {

    private static final Pattern FORM = Pattern.compile("\\s*([a-z0-9]+)\\s*(<=|>=|<|>)\\s*(\\S.*?)\\s*");

    /** What a threshold can compare. */
    public enum Metric {
        P50(r -> latency(r).p50()), P75(r -> latency(r).p75()), P90(r -> latency(r).p90()),
        P99(r -> latency(r).p99()), P999(r -> latency(r).p999()), P9999(r -> latency(r).p9999()),
        MAX(r -> latency(r).max()), MEAN(r -> latency(r).mean()),
        /** Errors as a share of requests answered plus errors. */
        ERRORS(r -> r.errors().total() == 0 ? 0 : r.errors().total() / (double) (r.requests() + r.errors().total())),
        /** Requests answered per second in the window. */
        RPS(LoadResult::throughput);

        private final ToDoubleFunction<LoadResult> value;

        Metric(ToDoubleFunction<LoadResult> value) {
            this.value = value;
        }

        boolean isLatency() {
            return this != ERRORS && this != RPS;
        }

        String id() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * Parses {@code METRIC OP VALUE}; a latency takes a duration ({@code 5ms}; a bare number is ms, as in k6),
     * errors a percentage or a share ({@code 0.1%}, {@code 0.001}), rps a count ({@code 20k}).
     */
    public static Threshold parse(String text) {
        Matcher m = FORM.matcher(text);
        if (!m.matches()) {
            throw new IllegalArgumentException("bad --threshold '" + text + "' (expected METRIC<VALUE, e.g. p99<5ms,"
                    + " errors<0.1%, rps>=1000)");
        }
        Metric metric = null;
        for (Metric candidate : Metric.values()) {
            if (candidate.id().equals(m.group(1))) {
                metric = candidate;
            }
        }
        if (metric == null) {
            throw new IllegalArgumentException("bad --threshold '" + text + "': unknown metric '" + m.group(1)
                    + "' (known: p50, p75, p90, p99, p999, p9999, max, mean, errors, rps)");
        }
        String value = m.group(3);
        double limit;
        try {
            limit = switch (metric) {
                case ERRORS -> value.endsWith("%") ? Quantities.parseCount(value.substring(0, value.length() - 1)) / 100
                        : Quantities.parseCount(value);
                case RPS -> Quantities.parseCount(value);
                default -> Character.isDigit(value.charAt(value.length() - 1)) ? Quantities.parseCount(value) * 1e6
                        : Durations.parseNs(value);
            };
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("bad --threshold '" + text + "': " + e.getMessage());
        }
        return new Threshold(text.strip(), metric, m.group(2), limit);
    }

    /**
     * Whether {@code result} meets this threshold. A run that answered nothing holds none (its error share and
     * rate would read 0 and pass {@code errors<0.1%} or {@code rps<1000}), and a latency threshold fails when no
     * latency was measured: a check that saw nothing is not a pass.
     */
    public boolean heldBy(LoadResult result) {
        if (result.requests() == 0 || metric.isLatency() && !hasLatency(result)) {
            return false;
        }
        double observed = metric.value.applyAsDouble(result);
        return switch (operator) {
            case "<" -> observed < limit;
            case "<=" -> observed <= limit;
            case ">" -> observed > limit;
            default -> observed >= limit;
        };
    }

    /** The observed value for people: {@code 3.210 ms}, {@code 0.012%}, {@code 998.0/s}. */
    public String observed(LoadResult result) {
        if (metric.isLatency()) {
            return hasLatency(result)
                    ? String.format(Locale.ROOT, "%.3f ms", metric.value.applyAsDouble(result) / 1e6) : "not measured";
        }
        double value = metric.value.applyAsDouble(result);
        return metric == Metric.ERRORS ? String.format(Locale.ROOT, "%.3f%%", value * 100)
                : String.format(Locale.ROOT, "%.1f/s", value);
    }

    /**
     * Prints one line per threshold ({@code ok} or {@code FAILED}) and returns whether all held; prints nothing for
     * none.
     */
    public static boolean report(List<Threshold> thresholds, LoadResult result, PrintStream out) {
        boolean all = true;
        for (Threshold t : thresholds) {
            boolean held = t.heldBy(result);
            all &= held;
            out.printf(Locale.ROOT, "Threshold %-16s %s (%s)%n", t.text(), held ? "ok" : "FAILED",
                    t.metric().id() + " " + t.observed(result));
        }
        return all;
    }

    private static boolean hasLatency(LoadResult r) {
        return r.latencyNs() != null && latency(r) != null && latency(r).count() > 0;
    }

    private static LatencySummary latency(LoadResult r) {
        return r.latencyNs().corrected() != null ? r.latencyNs().corrected() : r.latencyNs().uncorrected();
    }
}
