package io.reactorbench.report;

import io.reactorbench.report.chart.BarChart;
import io.reactorbench.report.chart.ChartFile;
import io.reactorbench.report.chart.ChartWriter;
import io.reactorbench.report.chart.DesignBar;
import io.reactorbench.report.chart.DesignPalette;
import io.reactorbench.report.chart.FileNames;
import io.reactorbench.report.chart.LineChart;
import io.reactorbench.report.chart.LinePoint;
import io.reactorbench.report.chart.LineSeries;
import io.reactorbench.report.chart.PercentileChart;
import io.reactorbench.report.chart.PercentileCurve;
import io.reactorbench.report.chart.SmallMultiples;
import io.reactorbench.report.chart.TimelineChart;
import io.reactorbench.report.model.RunView;
import io.reactorbench.report.model.TrialResult;
import io.reactorbench.report.read.LatencyLog;
import io.reactorbench.results.metric.Metric;
import io.reactorbench.report.table.TrialSpread;
import io.reactorbench.results.Spread;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Draws every chart of one run's report into a directory, in the order the report shows them. */
final class RunCharts {

    static final String SECTION_LATENCY = "Latency by percentile";
    static final String SECTION_THROUGHPUT = "Throughput";
    static final String SECTION_SWEEPS = "Against connections";
    static final String SECTION_SERVER = "Server cost per request";
    static final String SECTION_GC = "GC pauses";
    static final String SECTION_TIMELINE = "Latency over time";
    static final String SECTION_MEMORY = "Memory per connection";

    private static final String MINMAX_CAPTION = "Bars: median over trials, the value under each bar; whiskers reach "
            + "the trial farthest from the median (they cover min–max).";

    private final RunView run;
    private final DesignPalette palette;
    private final ChartWriter writer;
    private final ScenarioGroups groups;

    RunCharts(RunView run, DesignPalette palette, Path dir) {
        this.run = run;
        this.palette = palette;
        this.writer = new ChartWriter(dir);
        this.groups = ScenarioGroups.of(run);
    }

    List<ChartFile> writeAll() {
        List<ChartFile> charts = new ArrayList<>(new CeilingCharts(groups.ceiling(), palette, writer).writeAll());
        charts.addAll(new SweepCharts(groups.sweep(), palette, writer).writeAll());
        groups.loaded().forEach((label, byDesign) -> percentile(label, byDesign).ifPresent(charts::add));
        if (!groups.loaded().isEmpty()) {
            bars(Metric.THROUGHPUT, "throughput", SECTION_THROUGHPUT, "Throughput per design", "throughput (req/s)")
                    .ifPresent(charts::add);
        }
        groups.loadedSweeps().forEach((scenario, labels) -> charts.addAll(sweep(scenario, labels)));
        if (!groups.loaded().isEmpty()) {
            bars(Metric.CPU_US_PER_REQUEST, "server-cpu", SECTION_SERVER, "Server CPU per request",
                    "CPU time per request (µs)").ifPresent(charts::add);
            bars(Metric.ALLOCATED_BYTES_PER_REQUEST, "server-alloc", SECTION_SERVER, "Server allocation per request",
                    "allocated per request (bytes)").ifPresent(charts::add);
            bars(Metric.GC_COUNT, "gc-count", SECTION_GC, "GC pauses in the window", "pauses (count)")
                    .ifPresent(charts::add);
            bars(Metric.GC_TOTAL_MS, "gc-total", SECTION_GC, "Total GC pause time in the window", "total pause (ms)")
                    .ifPresent(charts::add);
            bars(Metric.GC_MAX_MS, "gc-max", SECTION_GC, "Longest GC pause in the window", "max pause (ms)")
                    .ifPresent(charts::add);
        }
        groups.loaded().forEach((label, byDesign) -> timeline(label, byDesign).ifPresent(charts::add));
        memory().ifPresent(charts::addAll);
        return charts;
    }

    private java.util.Optional<ChartFile> percentile(String label, Map<String, List<TrialResult>> byDesign) {
        List<PercentileCurve> curves = new ArrayList<>();
        byDesign.forEach((design, trials) -> curves.add(new PercentileCurve(design,
                LatencyLog.merged(okDirs(trials)), palette.colourOf(design), false)));
        if (curves.stream().allMatch(c -> c.histogramNs().getTotalCount() == 0)) {
            return java.util.Optional.empty();
        }
        boolean corrected = byDesign.values().stream().flatMap(List::stream).anyMatch(TrialResult::latencyIsCorrected);
        String title = label + ": latency by percentile, " + PercentileChart.latencyKind(corrected);
        return java.util.Optional.of(writer.write(PercentileChart.of(title, curves),
                "latency-" + FileNames.slug(label), SECTION_LATENCY,
                "All successful trials of a design merged. x: percentile on a log scale (each step is one more nine)."
                        + (PercentileChart.logLatencyAxis(curves) ? " y: latency on a log scale, as it spans decades." : "")));
    }

    /**
     * One panel per scenario, each on its own y scale (scenarios differ by orders of magnitude), a bar per
     * design. Empty when no design has a value (e.g. no server probe).
     */
    private java.util.Optional<ChartFile> bars(Metric metric, String fileName, String section, String title,
                                               String yAxisTitle) {
        List<String> labels = groups.loadedLabels();
        int panelWidthPx = SmallMultiples.panelWidthPx(labels.size());
        List<org.knowm.xchart.internal.chartpart.Chart<?, ?>> panels = new ArrayList<>();
        for (String label : labels) {
            List<DesignBar> bars = new ArrayList<>();
            for (String design : palette.designs()) {
                Spread spread = TrialSpread.of(metric, groups.loaded().get(label).getOrDefault(design, List.of()));
                double error = spread.isPresent()
                        ? Math.max(spread.max() - spread.median(), spread.median() - spread.min()) : 0;
                bars.add(new DesignBar(design, palette.colourOf(design), spread.median(), error));
            }
            org.knowm.xchart.CategoryChart panel = BarChart.perDesign(label, yAxisTitle, bars, panelWidthPx);
            if (panel != null) {
                panels.add(panel);
            }
        }
        if (panels.isEmpty()) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(writer.write(new SmallMultiples(title, panels), fileName, section,
                MINMAX_CAPTION + " One panel per scenario, each with its own scale."));
    }

    /**
     * Latency against connections as one panel per percentile, each on its own scale (p99.9 is often ten
     * times p50; fifteen lines in one plot were a tangle), and throughput against connections.
     */
    private List<ChartFile> sweep(String scenario, List<String> labels) {
        List<Metric> percentiles = List.of(Metric.P50, Metric.P99, Metric.P999);
        int panelWidthPx = SmallMultiples.panelWidthPx(percentiles.size());
        List<org.knowm.xchart.internal.chartpart.Chart<?, ?>> panels = new ArrayList<>();
        for (Metric metric : percentiles) {
            List<LineSeries> latency = new ArrayList<>();
            for (String design : palette.designs()) {
                latency.add(new LineSeries(design, design, palette.colourOf(design), 0, medians(metric, design, labels)));
            }
            // The legend goes with the last panel only, which sits alone in its row and has room for it.
            panels.add(LineChart.panel(metric.label() + " latency", "connections", "latency (ms)", latency, panelWidthPx,
                    metric == percentiles.getLast()));
        }
        List<LineSeries> throughput = new ArrayList<>();
        for (String design : palette.designs()) {
            throughput.add(new LineSeries(design, design, palette.colourOf(design), 0, medians(Metric.THROUGHPUT, design, labels)));
        }
        String slug = FileNames.slug(scenario);
        return List.of(
                writer.write(new SmallMultiples(scenario + ": latency against connections", panels),
                        "sweep-latency-" + slug, SECTION_SWEEPS,
                        "Medians over trials; colour and marker: design. One panel per percentile, each with its own scale."),
                writer.write(LineChart.of(scenario + ": throughput against connections", "connections",
                        "throughput (req/s)", throughput), "sweep-throughput-" + slug, SECTION_SWEEPS,
                        "Medians over trials."));
    }

    private List<LinePoint> medians(Metric metric, String design, List<String> labels) {
        Map<String, Map<String, List<TrialResult>>> all = new java.util.TreeMap<>(groups.loaded());
        all.putAll(groups.idle());
        List<LinePoint> points = new ArrayList<>();
        for (String label : labels) {
            List<TrialResult> trials = all.get(label).getOrDefault(design, List.of());
            if (!trials.isEmpty()) {
                points.add(new LinePoint(connections(trials), TrialSpread.of(metric, trials).median()));
            }
        }
        return points;
    }

    private static int connections(List<TrialResult> trials) {
        TrialResult first = trials.getFirst();
        return first.memory() != null && first.memory().connections() > 0
                ? first.memory().connections() : first.params().connections();
    }

    private java.util.Optional<ChartFile> timeline(String label, Map<String, List<TrialResult>> byDesign) {
        List<TimelineChart.Track> tracks = new ArrayList<>();
        byDesign.forEach((design, trials) -> trials.stream().filter(TrialResult::ok).findFirst().ifPresent(first ->
                tracks.add(new TimelineChart.Track(design, palette.colourOf(design),
                        LatencyLog.read(first.dir()).intervals(), first.server().gc().pauses()))));
        if (tracks.stream().allMatch(t -> t.intervals().isEmpty() && t.pauses().isEmpty())) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(writer.write(TimelineChart.of(label + ": p99 and max per second, GC pauses", tracks),
                "timeline-" + FileNames.slug(label), SECTION_TIMELINE,
                "First successful trial of each design, one panel each on a shared scale. Lines: p99 (solid) and "
                        + "max (dashed) per second, at the second's middle, each point marked when a short window has "
                        + "few; grey diamonds: GC pauses at their start, height = pause duration."));
    }

    private java.util.Optional<List<ChartFile>> memory() {
        if (groups.idle().isEmpty()) {
            return java.util.Optional.empty();
        }
        Map<String, List<String>> byScenario = new java.util.TreeMap<>();
        groups.idle().forEach((label, byDesign) ->
                byScenario.computeIfAbsent(ScenarioGroups.scenarioOf(byDesign), s -> new ArrayList<>()).add(label));
        List<ChartFile> charts = new ArrayList<>();
        byScenario.forEach((scenario, labels) -> {
            if (!groups.idleSweeps().containsKey(scenario)) {
                memoryBars(scenario, labels.getFirst()).ifPresent(charts::add);
                return;
            }
            List<LineSeries> lines = new ArrayList<>();
            for (String design : palette.designs()) {
                lines.add(new LineSeries(design + " RSS", design, palette.colourOf(design), 0,
                        medians(Metric.RSS_PER_CONNECTION_BYTES, design, labels)));
                lines.add(new LineSeries(design + " heap", design, palette.colourOf(design), 1,
                        medians(Metric.HEAP_PER_CONNECTION_BYTES, design, labels)));
            }
            if (lines.stream().allMatch(l -> l.points().stream().allMatch(p -> Double.isNaN(p.y())))) {
                return; // the idle cells measured no memory (e.g. every trial failed)
            }
            charts.add(writer.write(LineChart.of(scenario + ": memory per idle connection", "connections",
                    "bytes per connection (B)", lines), "memory-" + FileNames.slug(scenario), SECTION_MEMORY,
                    "(RSS with N connections − RSS with none) / N, solid; the same for heap after GC, dashed."));
        });
        return java.util.Optional.of(charts);
    }

    /**
     * One idle variant: nothing to draw against, so a bar per design in two panels (RSS and heap per
     * connection), each on its own scale: thread stacks dwarf a reactor's few hundred bytes.
     */
    private java.util.Optional<ChartFile> memoryBars(String scenario, String label) {
        Map<String, List<TrialResult>> byDesign = groups.idle().get(label);
        int panelWidthPx = SmallMultiples.panelWidthPx(2);
        List<org.knowm.xchart.internal.chartpart.Chart<?, ?>> panels = new ArrayList<>();
        for (Metric metric : List.of(Metric.RSS_PER_CONNECTION_BYTES, Metric.HEAP_PER_CONNECTION_BYTES)) {
            List<DesignBar> bars = new ArrayList<>();
            for (String design : palette.designs()) {
                bars.add(new DesignBar(design, palette.colourOf(design),
                        TrialSpread.of(metric, byDesign.getOrDefault(design, List.of())).median(), 0));
            }
            String panelTitle = metric == Metric.RSS_PER_CONNECTION_BYTES ? "RSS per connection" : "heap per connection (after GC)";
            org.knowm.xchart.CategoryChart panel = BarChart.perDesign(panelTitle, "bytes per connection (B)", bars,
                    panelWidthPx);
            if (panel != null) {
                panels.add(panel);
            }
        }
        if (panels.isEmpty()) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(writer.write(new SmallMultiples(label + ": memory per idle connection", panels),
                "memory-" + FileNames.slug(scenario), SECTION_MEMORY,
                "Median over trials: (RSS with N connections − RSS with none) / N, and the same for heap after GC."));
    }

    private static List<Path> okDirs(List<TrialResult> trials) {
        return trials.stream().filter(TrialResult::ok).map(TrialResult::dir).toList();
    }
}
