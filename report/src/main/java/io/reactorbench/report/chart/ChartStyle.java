package io.reactorbench.report.chart;

import io.reactorbench.report.Fonts;
import java.awt.Color;
import java.awt.Font;
import org.knowm.xchart.style.AxesChartStyler;
import org.knowm.xchart.style.Styler;

/**
 * The look every chart shares: white background, light grid, legend outside the plot (so it never covers
 * data), the same font family everywhere the machine has it.
 */
final class ChartStyle {

    private ChartStyle() {
    }

    static void apply(AxesChartStyler styler) {
        String family = Fonts.chartFamily();
        styler.setChartTitleFont(new Font(family, Font.BOLD, 15));
        styler.setAxisTitleFont(new Font(family, Font.PLAIN, 13));
        styler.setAxisTickLabelsFont(new Font(family, Font.PLAIN, 11));
        styler.setLegendFont(new Font(family, Font.PLAIN, 11));
        styler.setAnnotationTextFont(new Font(family, Font.PLAIN, 11));
        styler.setChartBackgroundColor(Color.WHITE);
        styler.setPlotBackgroundColor(Color.WHITE);
        styler.setPlotGridLinesColor(new Color(0xDDDDDD));
        // Solid: the SVG writer turns each dash of a dashed grid line into a shape of its own (most of an SVG's bytes).
        styler.setPlotGridLinesStroke(new java.awt.BasicStroke(1f));
        styler.setPlotBorderColor(new Color(0x999999));
        styler.setChartTitleBoxVisible(false);
        styler.setLegendPosition(Styler.LegendPosition.OutsideE);
        styler.setLegendBorderColor(new Color(0xCCCCCC));
        styler.setChartPadding(12);
        styler.setAntiAlias(true);
    }
}
