package io.reactorbench.report.chart;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.CategorySeries;
import org.knowm.xchart.style.Styler;

/**
 * Bar panels of a {@link SmallMultiples}, with human tick labels (1.3M, not 1.3E6). Missing values are drawn
 * as no bar. Error bars are symmetric in XChart, so callers pass the larger distance from the median to the
 * trials' min or max: the whisker then covers the whole min–max range.
 */
public final class BarChart {

    /** Roughly the width of one tick-label character at 11 pt, to tell when a panel's labels would collide. */
    static final int TICK_LABEL_CHAR_PX = 7;
    static final int SLANTED_LABEL_DEGREES = 35;
    static final String ALL_ZERO_SUFFIX = " — 0 for every design";

    private BarChart() {
    }

    /**
     * One panel of a small multiple: a bar per design, the design and its value named under its bar (no legend
     * to look up, and a zero bar, which has no height, still says "0" rather than looking unmeasured) and filled
     * with its colour. Designs without a value are left out. Null when no design has a value.
     */
    public static CategoryChart perDesign(String title, String yAxisTitle, List<DesignBar> bars, int widthPx) {
        return perDesign(title, yAxisTitle, bars, widthPx, BarChart::valueLabel);
    }

    /**
     * {@link #perDesign(String, String, List, int)} with each bar named by {@code labelOf} (e.g. a ceiling's value
     * and the limit that stopped it) rather than by its design and value alone.
     */
    public static CategoryChart perDesign(String title, String yAxisTitle, List<DesignBar> bars, int widthPx,
                                          Function<DesignBar, String> labelOf) {
        List<DesignBar> present = bars.stream().filter(b -> !Double.isNaN(b.value())).toList();
        if (present.isEmpty()) {
            return null;
        }
        List<String> categories = present.stream().map(labelOf).toList();
        List<BarSeries> series = new ArrayList<>();
        for (int i = 0; i < present.size(); i++) {
            List<Double> values = new ArrayList<>();
            List<Double> errors = new ArrayList<>();
            for (int j = 0; j < present.size(); j++) {
                // 0, not missing, in the other designs' categories: XChart's error bars need a value everywhere.
                values.add(i == j ? present.get(i).value() : 0.0);
                errors.add(i == j ? present.get(i).error() : 0.0);
            }
            series.add(new BarSeries(present.get(i).design(), present.get(i).colour(), values, errors));
        }
        CategoryChart chart = panel(title, yAxisTitle, categories, series, widthPx);
        // One series per design, each with a value in its own category only: overlapped, every bar is full width.
        chart.getStyler().setOverlapped(true);
        chart.getStyler().setLegendVisible(false);
        chart.getStyler().setAvailableSpaceFill(0.7);
        if (present.stream().allMatch(b -> b.value() == 0)) {
            // An all-zero panel (no GC pause) still needs a range to draw, but a 0–1 scale of nothing would read as
            // an empty measurement: the title says it and the scale goes.
            chart.setTitle(title + ALL_ZERO_SUFFIX);
            chart.getStyler().setYAxisMax(1.0);
            chart.getStyler().setYAxisTicksVisible(false);
        }
        return chart;
    }

    /** The label under a design's bar: its id and its value, e.g. {@code engine-nio: 1.2k}. */
    public static String valueLabel(DesignBar bar) {
        return bar.design() + ": " + TickLabels.human(bar.value());
    }

    /** One panel of a small multiple with grouped bars (e.g. run A and run B per design) and a legend. */
    public static CategoryChart panel(String title, String yAxisTitle, List<String> categories, List<BarSeries> series,
                                      int widthPx) {
        CategoryChart chart = new CategoryChartBuilder().width(widthPx).height(SmallMultiples.PANEL_HEIGHT_PX)
                .title(title).yAxisTitle(yAxisTitle).build();
        style(chart);
        chart.getStyler().setChartTitleFont(chart.getStyler().getAxisTitleFont().deriveFont(java.awt.Font.BOLD));
        chart.getStyler().setXAxisTitleVisible(false);
        int slotPx = widthPx * 3 / 4 / Math.max(1, categories.size());
        int longest = categories.stream().mapToInt(String::length).max().orElse(0);
        if (longest * TICK_LABEL_CHAR_PX > slotPx) {
            chart.getStyler().setXAxisLabelRotation(SLANTED_LABEL_DEGREES);
        }
        addSeries(chart, categories, series);
        return chart;
    }

    /**
     * A panel of signed percent changes: grouped bars (one series per metric) around a zero line, the scale
     * free to run below zero, ticks in percent.
     */
    public static CategoryChart changePanel(String title, String yAxisTitle, List<String> categories,
                                            List<BarSeries> series, int widthPx) {
        CategoryChart chart = panel(title, yAxisTitle, categories, series, widthPx);
        chart.getStyler().setYAxisMin(null);
        chart.getStyler().setyAxisTickLabelsFormattingFunction(percent -> TickLabels.human(percent) + " %");
        return chart;
    }

    private static void style(CategoryChart chart) {
        ChartStyle.apply(chart.getStyler());
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
        chart.getStyler().setYAxisMin(0.0);
        chart.getStyler().setErrorBarsColor(java.awt.Color.DARK_GRAY);
        chart.getStyler().setAvailableSpaceFill(0.8);
        chart.getStyler().setyAxisTickLabelsFormattingFunction(TickLabels::human);
    }

    private static void addSeries(CategoryChart chart, List<String> categories, List<BarSeries> series) {
        for (BarSeries s : series) {
            boolean anyValue = s.values().stream().anyMatch(v -> !Double.isNaN(v));
            if (!anyValue) {
                continue;
            }
            boolean anyError = s.errors().stream().anyMatch(e -> e > 0);
            // XChart draws no bar for null, but its error bars cannot take one: there a missing value is 0.
            List<Double> values = s.values().stream().map(v -> Double.isNaN(v) ? (anyError ? 0.0 : null) : v).toList();
            CategorySeries added = anyError
                    ? chart.addSeries(s.name(), categories, values, s.errors())
                    : chart.addSeries(s.name(), categories, values);
            added.setFillColor(s.colour());
        }
    }
}
