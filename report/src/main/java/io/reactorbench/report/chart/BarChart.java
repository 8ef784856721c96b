package io.reactorbench.report.chart;

import java.util.List;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.CategorySeries;
import org.knowm.xchart.style.Styler;

/**
 * Grouped bars: categories on x (scenarios), one bar per series (design) in each. Missing values are drawn
 * as no bar. Error bars are symmetric in XChart, so callers pass the larger distance from the median to
 * the trials' min or max: the whisker then covers the whole min–max range.
 */
public final class BarChart {

    /** Category labels longer than this are rotated so that they do not overlap. */
    static final int ROTATE_LABELS_AFTER_CHARS = 60;

    private BarChart() {
    }

    public static CategoryChart of(String title, String yAxisTitle, List<String> categories, List<BarSeries> series) {
        CategoryChart chart = new CategoryChartBuilder().width(ChartSize.WIDTH_PX).height(ChartSize.HEIGHT_PX)
                .title(title).xAxisTitle("scenario").yAxisTitle(yAxisTitle).build();
        ChartStyle.apply(chart.getStyler());
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
        chart.getStyler().setYAxisMin(0.0);
        chart.getStyler().setErrorBarsColor(java.awt.Color.DARK_GRAY);
        chart.getStyler().setAvailableSpaceFill(0.8);
        int labelChars = categories.stream().mapToInt(String::length).sum();
        if (labelChars > ROTATE_LABELS_AFTER_CHARS) {
            chart.getStyler().setXAxisLabelRotation(20);
        }
        for (BarSeries s : series) {
            List<Double> values = s.values().stream().map(v -> Double.isNaN(v) ? null : v).toList();
            boolean anyValue = values.stream().anyMatch(v -> v != null);
            if (!anyValue) {
                continue;
            }
            boolean anyError = s.errors().stream().anyMatch(e -> e > 0);
            CategorySeries added = anyError
                    ? chart.addSeries(s.name(), categories, values, s.errors())
                    : chart.addSeries(s.name(), categories, values);
            added.setFillColor(s.colour());
        }
        return chart;
    }
}
