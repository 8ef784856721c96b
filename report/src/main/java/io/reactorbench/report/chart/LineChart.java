package io.reactorbench.report.chart;

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
