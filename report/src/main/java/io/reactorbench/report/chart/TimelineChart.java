package io.reactorbench.report.chart;

import io.reactorbench.report.model.GcPause;
import io.reactorbench.report.read.LatencyInterval;
import java.awt.Color;
import java.util.List;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Latency over time, one point per interval (second) of the log: p99 solid, max dashed; the server's GC
 * pauses on the same time axis as diamonds whose height is the pause's duration, so a latency spike that
 * lines up with a pause shows at a glance.
 */
public final class TimelineChart {

    private TimelineChart() {
    }

    /** One design's timeline: its intervals and its GC pauses ({@code atMs} since the window's start). */
    public record Track(String design, Color colour, List<LatencyInterval> intervals, List<GcPause> pauses) {
    }

    public static XYChart of(String title, List<Track> tracks) {
        XYChart chart = new XYChartBuilder().width(ChartSize.WIDTH_PX).height(ChartSize.HEIGHT_PX).title(title)
                .xAxisTitle("time in window (s)").yAxisTitle("latency / GC pause (ms)").build();
        ChartStyle.apply(chart.getStyler());
        chart.getStyler().setYAxisMin(0.0);
        chart.getStyler().setXAxisMin(0.0);
        chart.getStyler().setMarkerSize(7);
        for (Track track : tracks) {
            if (!track.intervals().isEmpty()) {
                double[] seconds = track.intervals().stream().mapToDouble(LatencyInterval::startSeconds).toArray();
                XYSeries p99 = chart.addSeries(track.design() + " p99", seconds,
                        track.intervals().stream().mapToDouble(i -> i.p99Ns() / 1e6).toArray());
                LineStyles.style(p99, track.colour(), SeriesLines.SOLID, SeriesMarkers.NONE);
                XYSeries max = chart.addSeries(track.design() + " max", seconds,
                        track.intervals().stream().mapToDouble(i -> i.maxNs() / 1e6).toArray());
                LineStyles.style(max, track.colour(), SeriesLines.DASH_DASH, SeriesMarkers.NONE);
                max.setLineWidth(1.2f);
            }
            if (!track.pauses().isEmpty()) {
                XYSeries gc = chart.addSeries(track.design() + " GC pause",
                        track.pauses().stream().mapToDouble(p -> p.atMs() / 1000.0).toArray(),
                        track.pauses().stream().mapToDouble(GcPause::durationMs).toArray());
                gc.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
                gc.setMarker(SeriesMarkers.DIAMOND);
                gc.setMarkerColor(track.colour());
            }
        }
        return chart;
    }
}
