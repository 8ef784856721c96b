package io.reactorbench.report.chart;

import static org.assertj.core.api.Assertions.assertThat;

import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

class PercentileChartTest {

    @Test
    void shouldLabelEachNineOfTheLogAxis() {
        assertThat(PercentileChart.percentileLabel(0)).isEqualTo("0%");
        assertThat(PercentileChart.percentileLabel(1)).isEqualTo("90%");
        assertThat(PercentileChart.percentileLabel(2)).isEqualTo("99%");
        assertThat(PercentileChart.percentileLabel(3)).isEqualTo("99.9%");
        assertThat(PercentileChart.percentileLabel(5)).isEqualTo("99.999%");
    }

    @Test
    void shouldPlotPercentilesAsNinesAndEndAtTheMaximum() {
        Histogram h = new Histogram(3);
        for (int i = 1; i <= 1000; i++) {
            h.recordValue(i * 1_000L); // 1 µs … 1 ms
        }
        double[][] points = PercentileChart.points(h);
        assertThat(points[0][0]).isEqualTo(0.0); // 0th percentile at x = log10(1) = 0
        assertThat(points[0]).isSorted();
        assertThat(points[1][points[1].length - 1]).isEqualTo(h.getMaxValue() / 1e6);
    }

    @Test
    void shouldKeepXChartsOwnDecadeLabelsOnALogLatencyAxis() throws java.io.IOException {
        Histogram h = new Histogram(3);
        for (int i = 1; i <= 10_000; i++) {
            h.recordValue(i < 9_900 ? 100_000L + i * 10 : 50_000_000L); // 0.1 ms, a tail at 50 ms
        }
        var chart = PercentileChart.of("tail", java.util.List.of(new PercentileCurve("engine-nio", h,
                java.awt.Color.BLUE, false)));
        // Kept for people to look at: report/target/log-axis/percentile.png labels 0.01 … 100 (ms)
        java.nio.file.Files.createDirectories(java.nio.file.Path.of("target/log-axis"));
        new ChartWriter(java.nio.file.Path.of("target/log-axis")).write(chart, "percentile", "s", "c");

        assertThat(chart.getStyler().isYAxisLogarithmic()).isTrue();
        // a custom tick function makes XChart 3.8.8 label the log axis as if it were linear
        assertThat(chart.getStyler().getyAxisTickLabelsFormattingFunction()).isNull();
    }

    @Test
    void shouldSpanWholeDecadesOnALogLineChart() {
        var chart = LineChart.withLogYAxis(LineChart.of("latency", "connections", "latency (ms)", java.util.List.of(
                new LineSeries("p50", "engine-epoll", java.awt.Color.BLUE, 0,
                        java.util.List.of(new LinePoint(10_000, 0.4), new LinePoint(100_000, 6))))));

        assertThat(chart.getStyler().getYAxisMin()).isEqualTo(0.1);
        assertThat(chart.getStyler().getYAxisMax()).isEqualTo(10.0);
        assertThat(chart.getStyler().getyAxisTickLabelsFormattingFunction()).isNull();
    }

    @Test
    void shouldGiveTheSameColourToADesignWhateverElseIsInTheRun() {
        DesignPalette two = new DesignPalette(java.util.List.of("netty-epoll", "engine-nio"));
        DesignPalette many = new DesignPalette(java.util.List.of("threads", "external:go", "engine-nio", "netty-epoll"));
        assertThat(two.colourOf("engine-nio")).isEqualTo(many.colourOf("engine-nio"));
        assertThat(two.colourOf("netty-epoll")).isEqualTo(many.colourOf("netty-epoll"));
        assertThat(many.designs()).containsExactly("engine-nio", "external:go", "netty-epoll", "threads");
    }
}
