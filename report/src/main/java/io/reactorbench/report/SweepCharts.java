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
import io.reactorbench.report.model.TrialResult;
import io.reactorbench.report.table.SweepTrials;
import io.reactorbench.results.LatencySummary;
import io.reactorbench.results.Spread;
import io.reactorbench.results.sweep.SweepObjective;
import io.reactorbench.results.sweep.SweepResult;
import io.reactorbench.results.sweep.SweepStep;
import java.awt.Color;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.ToLongFunction;
import org.knowm.xchart.internal.chartpart.Chart;

/**
 * The charts of rate-sweep scenarios (issue 19 B): per scenario the hockey stick (each design's p50, p99 and p99.9
 * against the offered rate, on a log latency axis, with the objective's limits drawn across), and a bar per design of
 * the highest rate it sustained within the objective. They take the place of the steady-state charts, whose one
 * window means nothing for a sweep.
 */
final class SweepCharts {

    static final String SECTION = "Latency against offered rate";

    private static final double NANOS_PER_MILLI = 1_000_000.0;
    /** The objective's lines: grey, so no design's colour is taken, and stroked like the percentile they limit. */
    private static final Color OBJECTIVE_COLOUR = Color.GRAY;
    static final String OBJECTIVE = "objective";

    /** A percentile drawn solid, dashed or dotted (its rank), with the objective's limit of it when there is one. */
    private record Percentile(String label, ToLongFunction<LatencySummary> valueNs,
                              java.util.function.Function<SweepObjective, Long> limitNs) {
    }

    private static final List<Percentile> PERCENTILES = List.of(
            new Percentile("p50", LatencySummary::p50, SweepObjective::p50Ns),
            new Percentile("p99", LatencySummary::p99, SweepObjective::p99Ns),
            new Percentile("p99.9", LatencySummary::p999, SweepObjective::p999Ns));

    private final Map<String, Map<String, List<TrialResult>>> sweeps;
    private final DesignPalette palette;
    private final ChartWriter writer;

    SweepCharts(Map<String, Map<String, List<TrialResult>>> sweeps, DesignPalette palette, ChartWriter writer) {
        this.sweeps = sweeps;
        this.palette = palette;
        this.writer = writer;
    }

    List<ChartFile> writeAll() {
        List<ChartFile> charts = new ArrayList<>();
        sustained().ifPresent(charts::add);
        sweeps.forEach((label, byDesign) -> hockeyStick(label, representative(byDesign)).ifPresent(charts::add));
        return charts;
    }

    /** A bar per design of its sustained rate, one panel per sweep scenario. */
    private Optional<ChartFile> sustained() {
        int panelWidthPx = SmallMultiples.panelWidthPx(sweeps.size());
        List<Chart<?, ?>> panels = new ArrayList<>();
        sweeps.forEach((label, byDesign) -> {
            List<DesignBar> bars = new ArrayList<>();
            for (String design : palette.designs()) {
                Spread rate = SweepTrials.sustainedRate(byDesign.getOrDefault(design, List.of()));
                double error = rate.isPresent() ? Math.max(rate.max() - rate.median(), rate.median() - rate.min()) : 0;
                bars.add(new DesignBar(design, palette.colourOf(design), rate.isPresent() ? rate.median() : Double.NaN,
                        error));
            }
            var panel = BarChart.perDesign(label, "sustained rate (req/s)", bars, panelWidthPx);
            if (panel != null) {
                panels.add(panel);
            }
        });
        if (panels.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(writer.write(new SmallMultiples("Highest rate sustained within the objective", panels),
                "sweep-sustained", SECTION, "The highest offered rate whose step met the objective below the lowest "
                        + "that broke it, median over trials (whiskers: min–max). A design with no bar met it at no "
                        + "rate tried. One panel per sweep scenario."));
    }

    /** p50, p99 and p99.9 against the offered rate, a colour per design, the objective's limits across in grey. */
    private Optional<ChartFile> hockeyStick(String label, Map<String, SweepResult> byDesign) {
        List<LineSeries> lines = new ArrayList<>();
        SweepObjective objective = null;
        double lowestRate = Double.MAX_VALUE;
        double highestRate = 0;
        for (Map.Entry<String, SweepResult> design : byDesign.entrySet()) {
            objective = objective != null ? objective : design.getValue().objective();
            for (SweepStep step : design.getValue().steps()) {
                lowestRate = Math.min(lowestRate, step.offeredRatePerSec());
                highestRate = Math.max(highestRate, step.offeredRatePerSec());
            }
            for (int rank = 0; rank < PERCENTILES.size(); rank++) {
                Percentile percentile = PERCENTILES.get(rank);
                lines.add(new LineSeries(design.getKey() + " " + percentile.label(), design.getKey(),
                        palette.colourOf(design.getKey()), rank, points(design.getValue().steps(), percentile)));
            }
        }
        if (lines.stream().allMatch(l -> l.points().isEmpty())) {
            return Optional.empty();
        }
        for (int rank = 0; objective != null && rank < PERCENTILES.size(); rank++) {
            Long limitNs = PERCENTILES.get(rank).limitNs().apply(objective);
            if (limitNs != null) {
                double ms = limitNs / NANOS_PER_MILLI;
                lines.add(new LineSeries(OBJECTIVE + " " + PERCENTILES.get(rank).label() + " ≤ " + ms + " ms",
                        OBJECTIVE, OBJECTIVE_COLOUR, rank,
                        List.of(new LinePoint(lowestRate, ms), new LinePoint(highestRate, ms))));
            }
        }
        return Optional.of(writer.write(LineChart.withLogYAxis(LineChart.of(
                        label + ": latency against offered rate", "offered rate (req/s)", "latency (ms)", lines)),
                "sweep-latency-" + FileNames.slug(label), SECTION,
                "Each step's latency, corrected for coordinated omission, against the rate it offered: p50 solid, p99 "
                        + "dashed, p99.9 dotted; y on a log scale. Grey: the objective's limits. Where a design's "
                        + "lines turn up is its knee. The trial with the median sustained rate of each design."));
    }

    /** Each design's sweep from its representative trial, in the palette's order; designs without one left out. */
    private Map<String, SweepResult> representative(Map<String, List<TrialResult>> byDesign) {
        Map<String, SweepResult> sweepsByDesign = new LinkedHashMap<>();
        for (String design : palette.designs()) {
            SweepTrials.representative(byDesign.getOrDefault(design, List.of()))
                    .ifPresent(t -> sweepsByDesign.put(design, t.sweep()));
        }
        return sweepsByDesign;
    }

    /** A point per step that answered something; 0 cannot be drawn on a log axis. */
    private static List<LinePoint> points(List<SweepStep> steps, Percentile percentile) {
        List<LinePoint> points = new ArrayList<>();
        for (SweepStep step : steps) {
            long ns = step.latencyNs() == null ? 0 : percentile.valueNs().applyAsLong(step.latencyNs());
            if (step.latencyNs() != null && step.latencyNs().count() > 0 && ns > 0) {
                points.add(new LinePoint(step.offeredRatePerSec(), ns / NANOS_PER_MILLI));
            }
        }
        return points;
    }
}
