package io.reactorbench.report.console;

import io.reactorbench.results.CellSummary;
import io.reactorbench.results.LoadGeneratorCpu;
import io.reactorbench.results.MemoryPerConnection;
import io.reactorbench.results.Spread;
import io.reactorbench.results.metric.Metric;
import io.reactorbench.results.metric.QuantityUnit;
import io.reactorbench.wire.spi.Transport;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * The end-of-run table: one block per scenario variant, one row per design, each number the median over the
 * design's successful trials with min–max when there were several. The runner prints it (the CLI hands it to
 * the runner), and the report's tables take its saturation mark and legend, so console and report say the same.
 */
public final class EndOfRunTable {

    private static final String[] HEADERS = {"design", "req/s", Metric.P50.label(), Metric.P99.label(),
        Metric.P999.label(), Metric.ERROR_RATE.label(), "CPU µs/req", "B/req",
        "GC n / max", "mem/conn rss / heap", "load CPU"};

    /** Slowread blocks: throttled readers make latency meaningless; pushback and the server's memory matter. */
    private static final String[] SLOWREAD_HEADERS = {"design", "answers/s", "sent/s", "read/s", "stalls",
        "stalled s / longest", "at cap", "CPU µs/req", "B/req", "GC n / max", "server rss / heap", "load CPU"};
    static final String SLOWREAD_LEGEND = "slowread: no latency (clients throttle their reads); stalls = the server"
            + " pushed back, at cap > 0 = connections whose whole in-flight cap the server buffered";

    /** Marks a load generator that used ≥ 90 % of its CPU(s); explained under the table (the report uses both). */
    public static final String SATURATED_MARK = "!";
    public static final String SATURATED_LEGEND = SATURATED_MARK + " load generator saturated: throughput is bounded by the"
            + " client, compare server CPU per request";

    /**
     * Marks the latency of a design whose load generator fell behind its send schedule in some trial (summary.json's
     * {@code generatorSchedule.behind}): that latency is partly the generator's; explained under the table.
     */
    public static final String BEHIND_MARK = "~";
    public static final String BEHIND_LEGEND = BEHIND_MARK + " load generator behind its send schedule (p99 send"
            + " lateness above the larger of 2 ms and 10% of the corrected p99): the latency includes its own delay,"
            + " and the gate does not judge it";

    /** Marks a design that refused connections at its open-file limit; one line per design under the tables. */
    static final String FD_LIMIT_MARK = "!";

    private EndOfRunTable() {
    }

    /** Renders summaries in the order given (scenarios by first appearance, designs likewise). */
    public static String render(List<CellSummary> summaries) {
        Map<String, Map<String, List<CellSummary>>> byScenario = new LinkedHashMap<>();
        for (CellSummary s : summaries) {
            byScenario.computeIfAbsent(s.scenarioKey(), k -> new LinkedHashMap<>())
                    .computeIfAbsent(s.design(), k -> new ArrayList<>()).add(s);
        }
        StringBuilder out = new StringBuilder();
        for (Map.Entry<String, Map<String, List<CellSummary>>> scenario : byScenario.entrySet()) {
            CellSummary any = scenario.getValue().values().iterator().next().getFirst();
            out.append('\n').append(scenario.getKey());
            if (any.params() != null) {
                out.append("  (").append(any.params().app())
                        .append(Transport.TCP.id().equals(any.params().transport()) ? "" : " over " + any.params().transport())
                        .append(", ").append(any.params().model()).append(", ")
                        .append(any.params().connections()).append(" connections")
                        .append(any.params().serverCpuQuotaPercent() == null ? ""
                                : String.format(Locale.ROOT, ", server capped at %.0f%% of a CPU",
                                        any.params().serverCpuQuotaPercent()))
                        .append(")");
            }
            out.append('\n');
            boolean ceiling = CeilingCells.any(scenario.getValue());
            boolean sweep = !ceiling && SweepCells.any(scenario.getValue());
            boolean slowRead = !ceiling && !sweep && slowRead(scenario.getValue());
            String[] headers = ceiling ? CeilingCells.HEADERS : sweep ? SweepCells.HEADERS
                    : slowRead ? SLOWREAD_HEADERS : HEADERS;
            List<String[]> rows = new ArrayList<>();
            rows.add(headers);
            for (Map.Entry<String, List<CellSummary>> design : scenario.getValue().entrySet()) {
                List<CellSummary> trials = design.getValue();
                List<CellSummary> ok = trials.stream().filter(CellSummary::ok).toList();
                rows.add(ok.isEmpty() ? failedRow(design.getKey(), trials, headers.length)
                        : ceiling ? CeilingCells.row(design.getKey(), failedNote(trials, ok), ok)
                        : sweep ? SweepCells.row(design.getKey(), failedNote(trials, ok), ok)
                        : slowRead ? slowReadRow(design.getKey(), trials, ok) : row(design.getKey(), trials, ok));
            }
            out.append(align(rows));
            if (slowRead) {
                out.append("  ").append(SLOWREAD_LEGEND).append('\n');
            }
            if (sweep) {
                out.append("  ").append(SweepCells.LEGEND).append('\n');
                SweepCells.outcomeNotes(scenario.getKey(), scenario.getValue())
                        .forEach(note -> out.append("  ").append(note).append('\n'));
            }
            if (ceiling) {
                out.append("  ").append(CeilingCells.LEGEND).append('\n');
                CeilingCells.stopNotes(scenario.getKey(), scenario.getValue())
                        .forEach(note -> out.append("  ").append(note).append('\n'));
            }
        }
        if (anySaturated(byScenario)) {
            out.append("  ").append(SATURATED_LEGEND).append('\n');
        }
        if (summaries.stream().anyMatch(s -> s.ok() && s.generatorBehind())) {
            out.append("  ").append(BEHIND_LEGEND).append('\n');
        }
        for (Map.Entry<String, Map<String, List<CellSummary>>> scenario : byScenario.entrySet()) {
            for (Map.Entry<String, List<CellSummary>> design : scenario.getValue().entrySet()) {
                long refused = design.getValue().stream().map(s -> s.server().rejectedOnFdLimit())
                        .filter(n -> n != null).mapToLong(Long::longValue).sum();
                if (refused > 0) {
                    out.append("  ").append(FD_LIMIT_MARK).append(' ').append(design.getKey()).append(" in ")
                            .append(scenario.getKey()).append(": ").append(refused)
                            .append(" connections accepted and closed at once at the server's open-file limit")
                            .append(" (over ").append(design.getValue().size()).append(" trial(s))\n");
                }
            }
        }
        return out.toString();
    }

    private static boolean slowRead(Map<String, List<CellSummary>> designs) {
        for (List<CellSummary> trials : designs.values()) {
            for (CellSummary s : trials) {
                if (s.slowRead() != null || s.params() != null && "slowread".equals(s.params().model())) {
                    return true;
                }
            }
        }
        return false;
    }

    private static String[] failedRow(String design, List<CellSummary> trials, int columns) {
        String reason = trials.getLast().reason();
        String[] failed = new String[columns];
        java.util.Arrays.fill(failed, "");
        failed[0] = design;
        failed[1] = "failed: " + (reason == null ? "unknown" : shorten(reason));
        return failed;
    }

    private static String failedNote(List<CellSummary> trials, List<CellSummary> ok) {
        return ok.size() < trials.size() ? " (" + (trials.size() - ok.size()) + " failed)" : "";
    }

    private static String[] slowReadRow(String design, List<CellSummary> trials, List<CellSummary> ok) {
        return new String[] {
            design + failedNote(trials, ok),
            cell(ok, Metric.THROUGHPUT::valueIn, EndOfRunTable::count),
            cell(ok, s -> s.slowRead() == null ? null : s.slowRead().bytesSentPerSecond(), v -> bytes(v) + "/s"),
            cell(ok, s -> s.slowRead() == null ? null : s.slowRead().bytesReadPerSecond(), v -> bytes(v) + "/s"),
            cell(ok, s -> s.slowRead() == null ? null : s.slowRead().stalls(), EndOfRunTable::count),
            cell(ok, s -> s.slowRead() == null ? null : s.slowRead().stallSeconds(), EndOfRunTable::seconds) + " / "
                    + cell(ok, s -> s.slowRead() == null ? null : s.slowRead().longestStallSeconds(), EndOfRunTable::seconds),
            cell(ok, s -> s.slowRead() == null ? null : s.slowRead().connectionsAtCap(), EndOfRunTable::count),
            cell(ok, Metric.CPU_US_PER_REQUEST::valueIn, v -> String.format(Locale.ROOT, "%.1f", v)),
            allocation(ok),
            gc(ok),
            cell(ok, s -> s.server().rssBytes(), EndOfRunTable::bytes) + " / "
                    + cell(ok, s -> s.server().heapUsedBytes(), EndOfRunTable::bytes),
            loadCpu(ok)
        };
    }

    static String seconds(double s) {
        return String.format(Locale.ROOT, s >= 10 ? "%.0fs" : "%.2fs", s);
    }

    private static String[] row(String design, List<CellSummary> trials, List<CellSummary> ok) {
        String failedNote = failedNote(trials, ok);
        String behind = ok.stream().anyMatch(CellSummary::generatorBehind) ? " " + BEHIND_MARK : "";
        return new String[] {
            design + failedNote,
            cell(ok, Metric.THROUGHPUT::valueIn, EndOfRunTable::count),
            cell(ok, Metric.P50::valueIn, EndOfRunTable::nanos) + behind,
            cell(ok, Metric.P99::valueIn, EndOfRunTable::nanos) + behind,
            cell(ok, Metric.P999::valueIn, EndOfRunTable::nanos) + behind,
            // Beside the latencies, which hold the failed requests: the share that failed.
            cell(ok, Metric.ERROR_RATE::valueIn, QuantityUnit.SHARE::format),
            cell(ok, Metric.CPU_US_PER_REQUEST::valueIn, v -> String.format(Locale.ROOT, "%.1f", v)),
            allocation(ok),
            gc(ok),
            memory(ok),
            loadCpu(ok)
        };
    }

    /**
     * The load generator's share of the CPU(s) it could use, median over trials, marked when that median is at
     * least {@link LoadGeneratorCpu#SATURATED_AT}.
     */
    static String loadCpu(List<CellSummary> ok) {
        Spread utilisation = loadUtilisation(ok);
        if (utilisation == null) {
            return "-";
        }
        String percent = String.format(Locale.ROOT, "%.0f%%", utilisation.median() * 100);
        return saturated(utilisation) ? percent + " " + SATURATED_MARK : percent;
    }

    private static Spread loadUtilisation(List<CellSummary> ok) {
        List<Number> values = new ArrayList<>();
        for (CellSummary s : ok) {
            if (s.loadGenerator() != null) {
                values.add(s.loadGenerator().utilisation());
            }
        }
        return Spread.of(values);
    }

    private static boolean saturated(Spread utilisation) {
        return utilisation != null && utilisation.median() >= LoadGeneratorCpu.SATURATED_AT;
    }

    private static boolean anySaturated(Map<String, Map<String, List<CellSummary>>> byScenario) {
        for (Map<String, List<CellSummary>> designs : byScenario.values()) {
            for (List<CellSummary> trials : designs.values()) {
                if (saturated(loadUtilisation(trials.stream().filter(CellSummary::ok).toList()))) {
                    return true;
                }
            }
        }
        return false;
    }

    static String cell(List<CellSummary> ok, Function<CellSummary, Number> field, Function<Double, String> format) {
        List<Number> values = new ArrayList<>();
        ok.forEach(s -> values.add(field.apply(s)));
        Spread spread = Spread.of(values);
        if (spread == null) {
            return "-";
        }
        String median = format.apply(spread.median());
        return spread.n() > 1 && spread.max() > spread.min()
                ? median + " (" + format.apply(spread.min()) + "–" + format.apply(spread.max()) + ")" : median;
    }

    /**
     * Allocation per request, median over trials; when a trial's figure fell below zero after subtracting the probe's
     * own allocation ({@code allocationCalibration.belowZeroBecause}), "≤ X" with X the median uncorrected figure: the
     * server allocated between 0 and X, less than the calibration resolves, and a negative figure would say nothing.
     */
    static String allocation(List<CellSummary> ok) {
        boolean belowZero = ok.stream().anyMatch(s -> s.allocationCalibration() != null
                && s.allocationCalibration().belowZeroBecause() != null);
        if (!belowZero) {
            return cell(ok, Metric.ALLOCATED_BYTES_PER_REQUEST::valueIn, EndOfRunTable::bytes);
        }
        List<Number> upperBounds = new ArrayList<>();
        for (CellSummary s : ok) {
            if (s.allocationCalibration() != null && s.allocationCalibration().uncorrectedBytesPerRequest() != null) {
                upperBounds.add(Math.max(0, s.allocationCalibration().uncorrectedBytesPerRequest()));
            }
        }
        Spread bound = Spread.of(upperBounds);
        return bound == null ? "-" : "≤" + bytes(bound.median());
    }

    private static String gc(List<CellSummary> ok) {
        List<Number> counts = new ArrayList<>();
        List<Number> maxes = new ArrayList<>();
        for (CellSummary s : ok) {
            if (s.server().gc() != null) {
                counts.add(s.server().gc().count());
                maxes.add(s.server().gc().maxMs());
            }
        }
        Spread count = Spread.of(counts);
        Spread max = Spread.of(maxes);
        if (count == null) {
            return "-";
        }
        return String.format(Locale.ROOT, "%.0f / %.1fms", count.median(), max.median());
    }

    private static String memory(List<CellSummary> ok) {
        List<Number> heap = new ArrayList<>();
        for (CellSummary s : ok) {
            if (s.memory() != null) {
                heap.add(s.memory().heapPerConnectionBytes());
            }
        }
        String r = rssPerConnection(ok);
        Spread h = Spread.of(heap);
        if (r == null && h == null) {
            return "-";
        }
        return (r == null ? "-" : r) + " / " + (h == null ? "-" : bytes(h.median()));
    }

    /**
     * Resident memory per connection, median over trials; when most trials saw nothing above their resolution,
     * "≤ X" with X the median upper bound instead of a value that is noise (and may be negative).
     */
    public static String rssPerConnection(List<CellSummary> ok) {
        List<Number> values = new ArrayList<>();
        List<Number> upperBounds = new ArrayList<>();
        int within = 0;
        for (CellSummary s : ok) {
            MemoryPerConnection m = s.memory();
            if (m == null || m.rssPerConnectionBytes() == null) {
                continue;
            }
            values.add(m.rssPerConnectionBytes());
            upperBounds.add(MemoryPerConnection.rssUpperBoundBytesPerConnection(m));
            if (Boolean.TRUE.equals(m.rssWithinResolution())) {
                within++;
            }
        }
        if (values.isEmpty()) {
            return null;
        }
        if (MemoryPerConnection.readAsUpperBound(within, values.size())) {
            return "≤" + bytes(Spread.of(upperBounds).median());
        }
        return bytes(Spread.of(values).median());
    }

    static String count(double v) {
        if (v >= 1e6) {
            return String.format(Locale.ROOT, "%.2fM", v / 1e6);
        }
        if (v >= 1e4) {
            return String.format(Locale.ROOT, "%.1fk", v / 1e3);
        }
        return String.format(Locale.ROOT, "%.0f", v);
    }

    static String nanos(double ns) {
        if (ns >= 1e9) {
            return String.format(Locale.ROOT, "%.2fs", ns / 1e9);
        }
        if (ns >= 1e6) {
            return String.format(Locale.ROOT, "%.2fms", ns / 1e6);
        }
        return String.format(Locale.ROOT, "%.0fµs", ns / 1e3);
    }

    static String bytes(double b) {
        double abs = Math.abs(b);
        if (abs >= 1 << 20) {
            return String.format(Locale.ROOT, "%.1fMiB", b / (1 << 20));
        }
        if (abs >= 10_240) {
            return String.format(Locale.ROOT, "%.1fKiB", b / 1024);
        }
        return String.format(Locale.ROOT, abs >= 10 || b == 0 ? "%.0fB" : "%.1fB", b);
    }

    private static String shorten(String reason) {
        return reason.length() > 100 ? reason.substring(0, 100) + "…" : reason;
    }

    private static String align(List<String[]> rows) {
        int[] widths = new int[rows.getFirst().length];
        for (String[] row : rows) {
            if (row[1].startsWith("failed: ")) {
                widths[0] = Math.max(widths[0], row[0].length());
                continue;
            }
            for (int i = 0; i < row.length; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        StringBuilder out = new StringBuilder();
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder("  ");
            for (int i = 0; i < row.length; i++) {
                line.append(i == 0 ? pad(row[i], widths[i], false) : "  " + pad(row[i], widths[i], true));
            }
            out.append(line.toString().stripTrailing()).append('\n');
        }
        return out.toString();
    }

    private static String pad(String s, int width, boolean right) {
        String spaces = " ".repeat(Math.max(0, width - s.length()));
        return right && !s.startsWith("failed") ? spaces + s : s + spaces;
    }
}
