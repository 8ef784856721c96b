package io.reactorbench.report.chart;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;

/** Values against a swept parameter (connections); a log x axis when the sweep spans a decade or more. */
public final class LineChart {

    static final double LOG_AXIS_FROM_RATIO = 10;

    private LineChart() {
    }

    public static XYChart of(String title, String xAxisTitle, String yAxisTitle, List<LineSeries> lines) {
        return of(title, xAxisTitle, yAxisTitle, lines, ChartSize.WIDTH_PX, ChartSize.HEIGHT_PX);
    }

    /** One panel of a {@link SmallMultiples}; {@code legend} false leaves the plot the whole panel width. */
    public static XYChart panel(String title, String xAxisTitle, String yAxisTitle, List<LineSeries> lines, int widthPx,
                                boolean legend) {
        XYChart chart = of(title, xAxisTitle, yAxisTitle, lines, widthPx, SmallMultiples.PANEL_HEIGHT_PX);
        chart.getStyler().setChartTitleFont(chart.getStyler().getAxisTitleFont().deriveFont(java.awt.Font.BOLD));
        chart.getStyler().setLegendVisible(legend);
        return chart;
    }

    /**
     * The chart's y axis on a log scale, for latencies whose percentiles span decades (p99.9 of an active request at a
     * million connections can be a hundred times its p50). A log axis has no zero: points at or below it must be left
     * out of the lines beforehand.
     */
    public static XYChart withLogYAxis(XYChart chart) {
        double lowest = chart.getSeriesMap().values().stream().flatMapToDouble(s -> Arrays.stream(s.getYData()))
                .filter(y -> y > 0).min().orElse(1);
        double highest = chart.getSeriesMap().values().stream().flatMapToDouble(s -> Arrays.stream(s.getYData()))
                .max().orElse(1);
        TickLabels.xChartLabelsOnLogYAxis(chart.getStyler());
        chart.getStyler().setYAxisLogarithmic(true);
        chart.getStyler().setYAxisMin(Math.pow(10, Math.floor(Math.log10(lowest))));
        chart.getStyler().setYAxisMax(Math.pow(10, Math.max(Math.ceil(Math.log10(highest)),
                Math.floor(Math.log10(lowest)) + 1)));
        return chart;
    }

    private static XYChart of(String title, String xAxisTitle, String yAxisTitle, List<LineSeries> lines, int widthPx,
                              int heightPx) {
        XYChart chart = new XYChartBuilder().width(widthPx).height(heightPx).title(title)
                .xAxisTitle(xAxisTitle).yAxisTitle(yAxisTitle).build();
        ChartStyle.apply(chart.getStyler());
        chart.getStyler().setYAxisMin(0.0);
        chart.getStyler().setMarkerSize(8);
        chart.getStyler().setyAxisTickLabelsFormattingFunction(TickLabels::human); // 300k rather than 3E5
        double minX = lines.stream().flatMap(l -> l.points().stream()).mapToDouble(LinePoint::x).min().orElse(1);
        double maxX = lines.stream().flatMap(l -> l.points().stream()).mapToDouble(LinePoint::x).max().orElse(1);
        if (minX > 0 && maxX / minX >= LOG_AXIS_FROM_RATIO) {
            chart.getStyler().setXAxisLogarithmic(true);
            chart.getStyler().setXAxisDecimalPattern("#,##0"); // 10,000 rather than 1E4
        }
        for (LineSeries line : lines) {
            List<LinePoint> points = line.points().stream().filter(p -> !Double.isNaN(p.y()))
                    .sorted(Comparator.comparingDouble(LinePoint::x)).toList();
            if (points.isEmpty()) {
                continue;
            }
            XYSeries series = chart.addSeries(line.name(), points.stream().mapToDouble(LinePoint::x).toArray(),
                    points.stream().mapToDouble(LinePoint::y).toArray());
            LineStyles.style(series, line.colour(), LineStyles.strokeForRank(line.rank()),
                    DesignPalette.markerOf(line.design()));
        }
        return chart;
    }
}
