package io.reactorbench.report.chart;

import io.reactorbench.report.read.LatencyInterval;
import io.reactorbench.results.GcPause;
import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.DoubleStream;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Latency over time, one point per interval (second) of the log at the interval's middle: p99 solid, max
 * dashed; the server's GC pauses on the same time axis as diamonds whose height is the pause's duration, so a
 * latency spike that lines up with a pause shows at a glance. One panel per design on one shared scale: six
 * designs' eighteen lines in one plot were a tangle no one could follow.
 */
public final class TimelineChart {

    /** Up to this many intervals each point is marked; beyond it the markers would merge into a band. */
    static final int MARKERS_UP_TO_POINTS = 20;

    private TimelineChart() {
    }

    /** One design's timeline: its intervals and its GC pauses ({@code atMs} since the window's start). */
    public record Track(String design, Color colour, List<LatencyInterval> intervals, List<GcPause> pauses) {
    }

    public static SmallMultiples of(String title, List<Track> tracks) {
        List<Track> drawn = tracks.stream().filter(t -> !t.intervals().isEmpty() || !t.pauses().isEmpty()).toList();
        double yMax = PercentileChart.niceCeiling(drawn.stream().flatMapToDouble(t -> DoubleStream.concat(
                t.intervals().stream().mapToDouble(i -> i.maxNs() / 1e6),
                t.pauses().stream().mapToDouble(GcPause::durationMs))).max().orElse(1));
        double xMax = drawn.stream().flatMapToDouble(t -> DoubleStream.concat(
                middles(t.intervals()).stream().mapToDouble(Double::doubleValue),
                t.pauses().stream().mapToDouble(p -> p.atMs() / 1000.0))).max().orElse(1);
        int widthPx = SmallMultiples.panelWidthPx(drawn.size());
        List<Chart<?, ?>> panels = new ArrayList<>();
        for (Track track : drawn) {
            panels.add(panel(track, widthPx, Math.max(1, Math.ceil(xMax)), yMax));
        }
        return new SmallMultiples(title, panels);
    }

    private static XYChart panel(Track track, int widthPx, double xMax, double yMax) {
        XYChart chart = new XYChartBuilder().width(widthPx).height(SmallMultiples.PANEL_HEIGHT_PX).title(track.design())
                .xAxisTitle("time in window (s)").yAxisTitle("latency / GC pause (ms)").build();
        ChartStyle.apply(chart.getStyler());
        chart.getStyler().setChartTitleFont(chart.getStyler().getAxisTitleFont().deriveFont(java.awt.Font.BOLD));
        // A legend under each panel: the caption is read after the chart, if at all.
        chart.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.OutsideS);
        chart.getStyler().setLegendLayout(org.knowm.xchart.style.Styler.LegendLayout.Horizontal);
        chart.getStyler().setyAxisTickLabelsFormattingFunction(TickLabels::human);
        chart.getStyler().setxAxisTickLabelsFormattingFunction(TickLabels::human);
        chart.getStyler().setYAxisMin(0.0);
        chart.getStyler().setYAxisMax(yMax);
        chart.getStyler().setXAxisMin(0.0);
        chart.getStyler().setXAxisMax(xMax);
        chart.getStyler().setMarkerSize(8);
        if (!track.intervals().isEmpty()) {
            double[] seconds = middles(track.intervals()).stream().mapToDouble(Double::doubleValue).toArray();
            // A short window has a handful of intervals: a line through two points hides that there are two.
            boolean fewPoints = seconds.length <= MARKERS_UP_TO_POINTS;
            XYSeries p99 = chart.addSeries("p99 per second", seconds,
                    track.intervals().stream().mapToDouble(i -> i.p99Ns() / 1e6).toArray());
            LineStyles.style(p99, track.colour(), SeriesLines.SOLID, fewPoints ? SeriesMarkers.CIRCLE : SeriesMarkers.NONE);
            XYSeries max = chart.addSeries("max per second", seconds,
                    track.intervals().stream().mapToDouble(i -> i.maxNs() / 1e6).toArray());
            LineStyles.style(max, track.colour(), LineStyles.DASHED, fewPoints ? SeriesMarkers.SQUARE : SeriesMarkers.NONE);
        }
        if (!track.pauses().isEmpty()) {
            XYSeries gc = chart.addSeries("GC pause",
                    track.pauses().stream().mapToDouble(p -> p.atMs() / 1000.0).toArray(),
                    track.pauses().stream().mapToDouble(GcPause::durationMs).toArray());
            gc.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
            gc.setMarker(SeriesMarkers.DIAMOND);
            gc.setMarkerColor(Color.DARK_GRAY);
        }
        return chart;
    }

    /**
     * Each interval's middle: a pause at 1.3 s belongs to the interval [1 s, 2 s), drawn at 1.5 s, not at its
     * start. The log holds starts only, so an interval lasts until the next starts (the last as long as the one
     * before it, or 1 s).
     */
    static List<Double> middles(List<LatencyInterval> intervals) {
        List<Double> middles = new ArrayList<>();
        for (int i = 0; i < intervals.size(); i++) {
            double start = intervals.get(i).startSeconds();
            double length = i + 1 < intervals.size() ? intervals.get(i + 1).startSeconds() - start
                    : i > 0 ? start - intervals.get(i - 1).startSeconds() : 1.0;
            middles.add(start + length / 2);
        }
        return middles;
    }
}
