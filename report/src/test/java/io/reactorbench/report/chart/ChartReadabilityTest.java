package io.reactorbench.report.chart;

import static org.assertj.core.api.Assertions.assertThat;

import io.reactorbench.report.read.LatencyInterval;
import io.reactorbench.results.GcPause;
import java.awt.Color;
import java.util.List;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** What a reader of one chart must be able to see without the caption (issue 16, item 14). */
class ChartReadabilityTest {

    @Test
    void shouldNameTheValueUnderEachBarSoThatAZeroBarSaysZero() {
        CategoryChart panel = BarChart.perDesign("alloc", "bytes", List.of(
                new DesignBar("engine-nio", Color.BLUE, 0, 0), new DesignBar("netty-epoll", Color.RED, 1_250, 40)), 480);

        assertThat(List.copyOf(panel.getSeriesMap().values().iterator().next().getXData()).stream().map(Object::toString))
                .containsExactly("engine-nio: 0", "netty-epoll: 1.25k");
    }

    @Test
    void shouldSayAnAllZeroPanelIsZeroInsteadOfDrawingAnEmptyScale() {
        CategoryChart panel = BarChart.perDesign("rpc-closed", "pauses (count)", List.of(
                new DesignBar("engine-nio", Color.BLUE, 0, 0), new DesignBar("netty-epoll", Color.RED, 0, 0)), 480);

        assertThat(panel.getTitle()).isEqualTo("rpc-closed — 0 for every design");
        assertThat(panel.getStyler().isYAxisTicksVisible()).isFalse();
    }

    @Test
    void shouldMarkThePointsOfAShortTimelineAndShowWhichLineIsWhich() {
        SmallMultiples timeline = TimelineChart.of("2 s window", List.of(new TimelineChart.Track("engine-nio", Color.BLUE,
                List.of(new LatencyInterval(0, 1e6, 2e6), new LatencyInterval(1, 1.1e6, 3e6)),
                List.of(new GcPause(400, 1.5)))));

        XYChart panel = (XYChart) timeline.panels().getFirst();
        assertThat(panel.getStyler().isLegendVisible()).isTrue();
        assertThat(panel.getSeriesMap()).containsKeys("p99 per second", "max per second", "GC pause");
        for (String line : List.of("p99 per second", "max per second")) {
            XYSeries series = panel.getSeriesMap().get(line);
            assertThat(series.getMarker()).as(line).isNotNull().isNotEqualTo(SeriesMarkers.NONE);
        }
    }

    @Test
    void shouldDrawDashedLinesWithDashesLongerThanTheirGaps() {
        float[] dashes = LineStyles.DASHED.getDashArray();
        assertThat(dashes[0]).isGreaterThan(dashes[1]).isGreaterThanOrEqualTo(3 * LineStyles.DASHED.getLineWidth());
        assertThat(LineStyles.strokeForRank(1)).isEqualTo(LineStyles.DASHED);
    }

    @Test
    void shouldKeepTheLatencyAxisAtOrAboveZero() {
        XYChart chart = PercentileChart.of("narrow", List.of(curve(1_000_000, 3_000_000)));

        assertThat(chart.getStyler().getYAxisMin()).isGreaterThanOrEqualTo(0.0);
        assertThat(chart.getStyler().isYAxisLogarithmic()).isFalse();
    }

    @Test
    void shouldUseALogLatencyAxisWhereTheRangeSpansDecades() {
        List<PercentileCurve> curves = List.of(curve(50_000, 40_000_000)); // 50 µs … 40 ms: nearly three decades

        XYChart chart = PercentileChart.of("wide", curves);

        assertThat(PercentileChart.logLatencyAxis(curves)).isTrue();
        assertThat(chart.getStyler().isYAxisLogarithmic()).isTrue();
        assertThat(chart.getStyler().getYAxisMin()).isGreaterThan(0.0).isLessThanOrEqualTo(0.05);
    }

    @Test
    void shouldWriteTheSvgsTextAsTextElements(@org.junit.jupiter.api.io.TempDir java.nio.file.Path temp)
            throws java.io.IOException {
        ChartWriter writer = new ChartWriter(temp);
        ChartFile bars = writer.write(new SmallMultiples("Server allocation per request", List.of(BarChart.perDesign(
                "echo-open", "allocated per request (bytes)", List.of(new DesignBar("engine-nio", Color.BLUE, 0, 0),
                        new DesignBar("netty-epoll", Color.RED, 1_250, 40)), 480))), "alloc", "s", "c");
        ChartFile percentiles = writer.write(PercentileChart.of("echo-open: latency by percentile",
                List.of(curve(1_000_000, 3_000_000))), "latency", "s", "c");

        String barsSvg = java.nio.file.Files.readString(bars.svg());
        String percentilesSvg = java.nio.file.Files.readString(percentiles.svg());
        assertThat(barsSvg).contains("<text", ">Server allocation per request</text>", ">echo-open</text>",
                ">engine-nio: 0</text>", ">netty-epoll: 1.25k</text>", ">allocated per request (bytes)</text>");
        assertThat(percentilesSvg).contains(">echo-open: latency by percentile</text>", ">latency (ms)</text>",
                ">engine-nio</text>");
        // Glyph paths made these 300–860 KB each.
        assertThat(java.nio.file.Files.size(bars.svg())).isLessThan(150_000);
    }

    private static PercentileCurve curve(long lowestNs, long highestNs) {
        Histogram histogram = new Histogram(3);
        for (int i = 0; i < 1000; i++) {
            histogram.recordValue(lowestNs + (highestNs - lowestNs) * i * i / 999 / 999);
        }
        return new PercentileCurve("engine-nio", histogram, Color.BLUE, false);
    }
}
