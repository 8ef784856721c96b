package io.reactorbench.report.chart;

import java.math.BigDecimal;
import java.math.MathContext;
import org.knowm.xchart.style.XYStyler;

/**
 * Axis numbers a person reads at a glance: 1.3M, 300k, 2.5 rather than XChart's default 1.3E6. Four
 * significant digits keep neighbouring ticks distinct (XChart re-spaces ticks while two labels are equal).
 */
public final class TickLabels {

    private static final MathContext SIGNIFICANT = new MathContext(4);
    /** XChart also formats probe values far outside the axis; beyond this a plain number is good enough. */
    private static final double LARGEST_SCALED = 1e15;

    private TickLabels() {
    }

    public static String human(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value) || Math.abs(value) >= LARGEST_SCALED) {
            return String.valueOf(value);
        }
        double abs = Math.abs(value);
        if (abs < 1e-9) {
            return "0";
        }
        if (abs >= 1e9) {
            return plain(value / 1e9) + "G";
        }
        if (abs >= 1e6) {
            return plain(value / 1e6) + "M";
        }
        if (abs >= 1e3) {
            return plain(value / 1e3) + "k";
        }
        return plain(value);
    }

    /**
     * Leaves a logarithmic y axis XChart's own labels (0.1, 1, 10 …). XChart 3.8.8 labels a log axis that has a custom
     * tick-label function as if it were linear: 0, 10, 20 … beside points drawn on the log scale, so a 0.1 ms median
     * read as 25 ms. The axis' range should start and end on whole decades for those labels to show.
     */
    public static void xChartLabelsOnLogYAxis(XYStyler styler) {
        styler.setyAxisTickLabelsFormattingFunction(null);
        styler.setYAxisDecimalPattern("#,##0.###");
    }

    private static String plain(double value) {
        return new BigDecimal(value).round(SIGNIFICANT).stripTrailingZeros().toPlainString();
    }
}
