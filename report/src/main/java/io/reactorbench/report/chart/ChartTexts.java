package io.reactorbench.report.chart;

import java.awt.Font;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.AxesChartStyler;
import org.knowm.xchart.style.Styler;

/**
 * The strings and fonts a chart can draw, for {@link TextAsTextGraphics}: titles, series names, category
 * names, and the tick labels, which exist only while XChart paints: the charts' tick-label functions are
 * wrapped to record them for the length of one paint ({@link #recordTickLabels}, undone by {@link #restore}).
 */
final class ChartTexts {

    private final Set<String> texts = new LinkedHashSet<>();
    private final Set<Font> fonts = new LinkedHashSet<>();
    private final List<Runnable> restorers = new ArrayList<>();

    void add(Chart<?, ?> chart) {
        texts.add(chart.getTitle());
        texts.add(chart.getXAxisTitle());
        texts.add(chart.getYAxisTitle());
        texts.addAll(chart.getSeriesMap().keySet());
        if (chart instanceof CategoryChart category) {
            category.getSeriesMap().values().forEach(s -> s.getXData().forEach(x -> texts.add(String.valueOf(x))));
        }
        Styler styler = chart.getStyler();
        fonts.addAll(List.of(styler.getChartTitleFont(), styler.getLegendFont(), styler.getAnnotationTextFont()));
        if (styler instanceof AxesChartStyler axes) {
            fonts.addAll(List.of(axes.getAxisTitleFont(), axes.getAxisTickLabelsFont()));
            recordTickLabels(axes);
        }
    }

    private void recordTickLabels(AxesChartStyler axes) {
        Function<Double, String> x = axes.getxAxisTickLabelsFormattingFunction();
        Function<Double, String> y = axes.getyAxisTickLabelsFormattingFunction();
        if (x != null) {
            axes.setxAxisTickLabelsFormattingFunction(recording(x));
            restorers.add(() -> axes.setxAxisTickLabelsFormattingFunction(x));
        }
        if (y != null) {
            axes.setyAxisTickLabelsFormattingFunction(recording(y));
            restorers.add(() -> axes.setyAxisTickLabelsFormattingFunction(y));
        }
    }

    private Function<Double, String> recording(Function<Double, String> format) {
        return value -> {
            String label = format.apply(value);
            texts.add(label);
            return label;
        };
    }

    /** A graphics that writes these texts as text; live: labels recorded while it paints count too. */
    TextAsTextGraphics graphics() {
        return new TextAsTextGraphics(texts, List.copyOf(fonts));
    }

    void restore() {
        restorers.forEach(Runnable::run);
        restorers.clear();
    }
}
