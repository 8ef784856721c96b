package io.reactorbench.loadgen;

import io.reactorbench.results.LatencySummary;
import io.reactorbench.results.load.LoadResult;
import io.reactorbench.results.metric.Metric;
import io.reactorbench.results.metric.QuantityUnit;
import io.reactorbench.wire.units.Durations;
import io.reactorbench.wire.units.Quantities;
import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

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

    private static final Pattern FORM = Pattern.compile("\\s*([A-Za-z0-9]+)\\s*(<=|>=|<|>)\\s*(\\S.*?)\\s*");

    /** What a threshold can name, in the order its error message lists them: latencies, then errors and rate. */
    private static final List<Metric> OFFERED = List.of(Metric.P50, Metric.P75, Metric.P90, Metric.P99, Metric.P999,
            Metric.P9999, Metric.MAX_LATENCY, Metric.MEAN_LATENCY, Metric.ERROR_SHARE, Metric.ERROR_RATE,
            Metric.THROUGHPUT);

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
        Metric metric = Metric.byThresholdName(m.group(1));
        if (metric == null || !OFFERED.contains(metric)) {
            throw new IllegalArgumentException("bad --threshold '" + text + "': unknown metric '" + m.group(1)
                    + "' (known: " + OFFERED.stream().map(Metric::thresholdName).collect(Collectors.joining(", "))
                    + ")");
        }
        String value = m.group(3);
        double limit;
        try {
            limit = switch (metric.unit()) {
                case RATIO, SHARE -> value.endsWith("%") ? Quantities.parseCount(value.substring(0, value.length() - 1)) / 100
                        : Quantities.parseCount(value);
                // A bare number is ms, as in k6 (a policy's bare number is the metric's own unit, ns).
                case NANOSECONDS -> Character.isDigit(value.charAt(value.length() - 1))
                        ? Quantities.parseCount(value) * 1e6 : Durations.parseNs(value);
                default -> Quantities.parseCount(value);
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
        if (result.requests() == 0 || isLatency(metric) && !hasLatency(result)
                || metric == Metric.ERROR_RATE && result.errorRate() == null) {
            return false;
        }
        double observed = valueIn(result);
        return switch (operator) {
            case "<" -> observed < limit;
            case "<=" -> observed <= limit;
            case ">" -> observed > limit;
            default -> observed >= limit;
        };
    }

    /** The observed value for people: {@code 3.210 ms}, {@code 0.012%}, {@code 998.0/s}. */
    public String observed(LoadResult result) {
        if (isLatency(metric)) {
            return hasLatency(result) ? String.format(Locale.ROOT, "%.3f ms", valueIn(result) / 1e6) : "not measured";
        }
        if (metric == Metric.ERROR_RATE && result.errorRate() == null) {
            return "not measured";
        }
        double value = valueIn(result);
        return metric == Metric.ERROR_SHARE || metric == Metric.ERROR_RATE
                ? String.format(Locale.ROOT, "%.3f%%", value * 100) : String.format(Locale.ROOT, "%.1f/s", value);
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
                    t.metric().thresholdName() + " " + t.observed(result));
        }
        return all;
    }

    /** The value of this threshold's metric in {@code result}, in the metric's unit. */
    private double valueIn(LoadResult result) {
        return switch (metric) {
            case P50 -> latency(result).p50();
            case P75 -> latency(result).p75();
            case P90 -> latency(result).p90();
            case P99 -> latency(result).p99();
            case P999 -> latency(result).p999();
            case P9999 -> latency(result).p9999();
            case MAX_LATENCY -> latency(result).max();
            case MEAN_LATENCY -> latency(result).mean();
            case ERROR_SHARE -> Metric.errorShare(result.requests(), result.errors().total());
            case ERROR_RATE -> result.errorRate();
            case THROUGHPUT -> result.throughput();
            default -> throw new IllegalStateException("no threshold on " + metric);
        };
    }

    private static boolean isLatency(Metric metric) {
        return metric.unit() == QuantityUnit.NANOSECONDS;
    }

    private static boolean hasLatency(LoadResult r) {
        return r.latencyNs() != null && latency(r) != null && latency(r).count() > 0;
    }

    private static LatencySummary latency(LoadResult r) {
        return r.latencyNs().corrected() != null ? r.latencyNs().corrected() : r.latencyNs().uncorrected();
    }
}
