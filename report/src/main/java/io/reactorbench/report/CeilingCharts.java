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
import io.reactorbench.report.chart.SmallMultiples;
import io.reactorbench.report.model.CeilingOutcome;
import io.reactorbench.report.model.TrialResult;
import io.reactorbench.report.table.CeilingTrials;
import io.reactorbench.results.LatencySummary;
import io.reactorbench.results.Spread;
import io.reactorbench.results.ceiling.CeilingStepResult;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.ToLongFunction;
import org.knowm.xchart.internal.chartpart.Chart;

/**
 * The charts of connection-ceiling scenarios (issue 18): how many connections each design held and what stopped it,
 * what a connection cost in memory as the ramp climbed, and how the active requests' latency grew with it. They take
 * the place of the steady-state charts, whose throughput and percentile curves mean nothing for a ramp.
 */
final class CeilingCharts {

    static final String SECTION = "Connection ceiling";

    private static final double NANOS_PER_MILLI = 1_000_000.0;

    /** A memory-per-connection panel: its title and the step's figure it draws. */
    private record MemoryPanel(String title, Function<CeilingStepResult, Double> bytesPerConnection) {
    }

    private static final List<MemoryPanel> MEMORY_PANELS = List.of(
            new MemoryPanel("server RSS per connection", CeilingStepResult::rssPerConnectionBytes),
            new MemoryPanel("server heap per connection (after GC)", CeilingStepResult::heapPerConnectionBytes),
            new MemoryPanel("kernel slab per connection pair", CeilingStepResult::kernelPerConnectionBytes));

    /** The active requests' percentiles, drawn solid, dashed and dotted (the line's rank). */
    private record Percentile(String label, ToLongFunction<LatencySummary> valueNs) {
    }

    private static final List<Percentile> PERCENTILES = List.of(new Percentile("p50", LatencySummary::p50),
            new Percentile("p99", LatencySummary::p99), new Percentile("p99.9", LatencySummary::p999));

    private final Map<String, Map<String, List<TrialResult>>> ceilings;
    private final DesignPalette palette;
    private final ChartWriter writer;

    CeilingCharts(Map<String, Map<String, List<TrialResult>>> ceilings, DesignPalette palette, ChartWriter writer) {
        this.ceilings = ceilings;
        this.palette = palette;
        this.writer = writer;
    }

    List<ChartFile> writeAll() {
        List<ChartFile> charts = new ArrayList<>();
        held().ifPresent(charts::add);
        ceilings.forEach((label, byDesign) -> {
            Map<String, List<CeilingStepResult>> steps = representativeSteps(byDesign);
            memory(label, steps).ifPresent(charts::add);
            latency(label, steps).ifPresent(charts::add);
        });
        return charts;
    }

    /** A bar per design, one panel per ceiling scenario, each bar named with what stopped its ramp. */
    private Optional<ChartFile> held() {
        int panelWidthPx = SmallMultiples.panelWidthPx(ceilings.size());
        List<Chart<?, ?>> panels = new ArrayList<>();
        ceilings.forEach((label, byDesign) -> {
            List<DesignBar> bars = new ArrayList<>();
            Map<String, String> stopOf = new HashMap<>();
            for (String design : palette.designs()) {
                List<TrialResult> trials = byDesign.getOrDefault(design, List.of());
                Spread held = CeilingTrials.highestHeld(trials);
                double error = held.isPresent() ? Math.max(held.max() - held.median(), held.median() - held.min()) : 0;
                bars.add(new DesignBar(design, palette.colourOf(design), held.median(), error));
                CeilingTrials.representative(trials)
                        .ifPresent(t -> stopOf.put(design, CeilingOutcome.of(t.ceiling()).stopLabel()));
            }
            var panel = BarChart.perDesign(label, "connections held", bars, panelWidthPx,
                    bar -> BarChart.valueLabel(bar) + " (" + stopOf.getOrDefault(bar.design(), "?") + ")");
            if (panel != null) {
                panels.add(panel);
            }
        });
        if (panels.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(writer.write(new SmallMultiples("Connections held per design", panels), "ceiling", SECTION,
                "Connections held at the highest step each design completed, median over trials (whiskers: min–max); "
                        + "in brackets, what stopped the ramp, or \"" + CeilingOutcome.COMPLETED
                        + "\" when it did every step. One panel per ceiling scenario."));
    }

    /** Memory per connection against connections held: one panel per kind of memory, a line per design. */
    private Optional<ChartFile> memory(String label, Map<String, List<CeilingStepResult>> steps) {
        int panelWidthPx = SmallMultiples.panelWidthPx(MEMORY_PANELS.size());
        List<Chart<?, ?>> panels = new ArrayList<>();
        boolean anyPoint = false;
        for (MemoryPanel kind : MEMORY_PANELS) {
            List<LineSeries> lines = new ArrayList<>();
            steps.forEach((design, designSteps) -> lines.add(new LineSeries(design, design, palette.colourOf(design), 0,
                    points(designSteps, kind.bytesPerConnection()))));
            anyPoint |= lines.stream().anyMatch(l -> !l.points().isEmpty());
            // The legend goes with the last panel only, which sits alone in its row and has room for it.
            panels.add(LineChart.panel(kind.title(), "connections held", "bytes per connection (B)", lines,
                    panelWidthPx, kind == MEMORY_PANELS.getLast()));
        }
        if (!anyPoint) {
            return Optional.empty();
        }
        return Optional.of(writer.write(new SmallMultiples(label + ": memory per connection against connections held",
                        panels), "ceiling-memory-" + FileNames.slug(label), SECTION,
                "Each step's growth over the samples taken before the ramp, divided by the connections held; server "
                        + "figures after a GC, summed over the server's processes; kernel: the machine's slab, so per "
                        + "loopback connection pair (client and server socket). The trial with the median ceiling of "
                        + "each design; x on a log scale when the steps span a decade."));
    }

    /** The active requests' p50, p99 and p99.9 against connections held, a colour per design, on a log scale. */
    private Optional<ChartFile> latency(String label, Map<String, List<CeilingStepResult>> steps) {
        List<LineSeries> lines = new ArrayList<>();
        steps.forEach((design, designSteps) -> {
            for (int rank = 0; rank < PERCENTILES.size(); rank++) {
                Percentile percentile = PERCENTILES.get(rank);
                lines.add(new LineSeries(design + " " + percentile.label(), design, palette.colourOf(design), rank,
                        points(designSteps, step -> latencyMs(step, percentile))));
            }
        });
        if (lines.stream().allMatch(l -> l.points().isEmpty())) {
            return Optional.empty();
        }
        return Optional.of(writer.write(LineChart.withLogYAxis(LineChart.of(
                        label + ": active-request latency against connections held", "connections held",
                        "latency (ms)", lines)), "ceiling-latency-" + FileNames.slug(label), SECTION,
                "Latency of the open-loop requests run over random connections while each step held, corrected for "
                        + "coordinated omission: p50 solid, p99 dashed, p99.9 dotted; y on a log scale. The trial with "
                        + "the median ceiling of each design."));
    }

    /** Each design's steps from its representative trial, in the palette's order; designs without one left out. */
    private Map<String, List<CeilingStepResult>> representativeSteps(Map<String, List<TrialResult>> byDesign) {
        Map<String, List<CeilingStepResult>> steps = new java.util.LinkedHashMap<>();
        for (String design : palette.designs()) {
            CeilingTrials.representative(byDesign.getOrDefault(design, List.of()))
                    .ifPresent(t -> steps.put(design, t.ceiling().steps()));
        }
        return steps;
    }

    /** A point per step that held connections and has the figure (a step stopped before its sample has none). */
    private static List<LinePoint> points(List<CeilingStepResult> steps, Function<CeilingStepResult, Double> value) {
        List<LinePoint> points = new ArrayList<>();
        for (CeilingStepResult step : steps) {
            Double y = value.apply(step);
            long held = step.load().heldConnections();
            if (held > 0 && y != null && !Double.isNaN(y)) {
                points.add(new LinePoint(held, y));
            }
        }
        return points;
    }

    /** A percentile in ms; null where the hold answered nothing or it is 0, which a log axis cannot draw. */
    private static Double latencyMs(CeilingStepResult step, Percentile percentile) {
        LatencySummary latency = step.load().latencyNs();
        if (latency == null || latency.count() == 0 || percentile.valueNs().applyAsLong(latency) <= 0) {
            return null;
        }
        return percentile.valueNs().applyAsLong(latency) / NANOS_PER_MILLI;
    }
}
