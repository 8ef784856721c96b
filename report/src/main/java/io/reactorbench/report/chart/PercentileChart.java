package io.reactorbench.report.chart;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramIterationValue;
import org.knowm.xchart.AnnotationLine;
import org.knowm.xchart.AnnotationText;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Latency by percentile, drawn the way HdrHistogram's plotter draws it: x is 1/(1−percentile) on a log
 * axis, so each "nine" (90 %, 99 %, 99.9 % …) gets the same width and the tail is as visible as the median.
 * The chart plots log10(1/(1−p)) on a linear axis and writes the percent labels (0%, 90%, 99% …) itself as
 * annotations at each nine: XChart 3.8.8's custom tick-label callback never returned on this axis (it kept
 * re-spacing ticks), so the axis' own tick labels are hidden.
 */
public final class PercentileChart {

    /** Iteration resolution: 5 ticks per halving of the distance to 100 %, enough for a smooth curve. */
    static final int TICKS_PER_HALF_DISTANCE = 5;
    /** The x axis ends at 99.9999 % (six nines); beyond that a one-minute window holds no data. */
    static final double MAX_NINES = 6;
    static final int MAX_LABEL_DECIMALS = 8;
    /** Height of the band at the top of a linear plot that holds the percent labels, as a fraction of the y range. */
    static final double LABEL_BAND = 0.08;
    /** The same band on a log axis, in decades. */
    static final double LOG_LABEL_BAND_DECADES = 0.3;
    /** From this ratio of highest to lowest latency on (two decades), the latency axis is logarithmic. */
    static final double LOG_AXIS_FROM_RATIO = 100;

    private PercentileChart() {
    }

    public static XYChart of(String title, List<PercentileCurve> curves) {
        XYChart chart = new XYChartBuilder().width(ChartSize.WIDTH_PX).height(ChartSize.HEIGHT_PX).title(title)
                .xAxisTitle("percentile").yAxisTitle("latency (ms)").build();
        ChartStyle.apply(chart.getStyler());
        int nines = (int) Math.max(1, Math.ceil(maxNines(curves) - 1e-9));
        double highestMs = curves.stream().mapToDouble(c -> {
            double[] ys = points(c.histogramNs())[1];
            return ys.length == 0 ? 0 : ys[ys.length - 1];
        }).max().orElse(1);
        chart.getStyler().setXAxisMin(0.0);
        chart.getStyler().setXAxisMax((double) nines);
        chart.getStyler().setXAxisTicksVisible(false);
        chart.getStyler().setPlotGridVerticalLinesVisible(false);
        // The percent labels sit in a band at the top of the plot, above every curve: a band under zero made the
        // latency axis run below 0 ms.
        double labelY;
        if (logLatencyAxis(curves)) {
            double lowestMs = lowestMs(curves);
            double yMin = Math.pow(10, Math.floor(Math.log10(lowestMs)));
            double yMax = Math.pow(10, Math.ceil(Math.log10(highestMs) + LOG_LABEL_BAND_DECADES));
            chart.getStyler().setYAxisLogarithmic(true);
            chart.getStyler().setYAxisMin(yMin);
            chart.getStyler().setYAxisMax(yMax);
            TickLabels.xChartLabelsOnLogYAxis(chart.getStyler());
            labelY = yMax / Math.pow(10, LOG_LABEL_BAND_DECADES / 2);
        } else {
            double yMax = niceCeiling(highestMs / (1 - LABEL_BAND));
            chart.getStyler().setYAxisMin(0.0);
            chart.getStyler().setYAxisMax(yMax);
            chart.getStyler().setyAxisTickLabelsFormattingFunction(TickLabels::human);
            labelY = yMax * (1 - LABEL_BAND / 2);
        }
        chart.getStyler().setAnnotationLineColor(new java.awt.Color(0xCCCCCC));
        chart.getStyler().setAnnotationLineStroke(new java.awt.BasicStroke(1f));
        for (int nine = 0; nine <= nines; nine++) {
            if (nine > 0) {
                chart.addAnnotation(new AnnotationLine(nine, true, false));
            }
            // The first and last labels are nudged inwards so that they are not cut at the plot's border.
            double labelX = nine == 0 ? 0.06 * nines / 3 : nine == nines ? nine - 0.08 * nines / 3 : nine;
            chart.addAnnotation(new AnnotationText(percentileLabel(nine), labelX, labelY, false));
        }
        for (PercentileCurve curve : curves) {
            double[][] points = points(curve.histogramNs());
            if (points[0].length == 0) {
                continue;
            }
            XYSeries series = chart.addSeries(curve.name(), points[0], points[1]);
            series.setMarker(SeriesMarkers.NONE);
            series.setLineColor(curve.colour());
            series.setLineStyle(curve.dashed() ? LineStyles.DASHED : SeriesLines.SOLID);
            series.setLineWidth(2f);
        }
        return chart;
    }

    /**
     * Whether the curves span {@link #LOG_AXIS_FROM_RATIO} or more from their lowest to their highest latency:
     * on a linear axis the median would be a flat line on the floor under a tail ten or a hundred times higher.
     */
    public static boolean logLatencyAxis(List<PercentileCurve> curves) {
        double lowest = lowestMs(curves);
        double highest = curves.stream().filter(c -> c.histogramNs().getTotalCount() > 0)
                .mapToDouble(c -> c.histogramNs().getMaxValue() / 1e6).max().orElse(0);
        return lowest > 0 && highest / lowest >= LOG_AXIS_FROM_RATIO;
    }

    private static double lowestMs(List<PercentileCurve> curves) {
        return curves.stream().filter(c -> c.histogramNs().getTotalCount() > 0)
                .mapToDouble(c -> Math.max(1, c.histogramNs().getMinNonZeroValue()) / 1e6).min().orElse(0);
    }

    /** Title suffix that says which latency a chart shows. */
    public static String latencyKind(boolean corrected) {
        return corrected ? "corrected for coordinated omission" : "closed loop: uncorrected";
    }

    /** The next "round" value above {@code value} (1, 1.2, 1.5, 2, 2.5 … × 10^n), so the y axis ends on a tick. */
    static double niceCeiling(double value) {
        if (value <= 0) {
            return 1;
        }
        double target = value * 1.05;
        double decade = Math.pow(10, Math.floor(Math.log10(target)));
        for (double step : new double[] {1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10}) {
            if (step * decade >= target) {
                return step * decade;
            }
        }
        return 10 * decade;
    }

    private static double maxNines(List<PercentileCurve> curves) {
        return curves.stream().mapToDouble(c -> {
            double[] xs = points(c.histogramNs())[0];
            return xs.length == 0 ? 0 : xs[xs.length - 1];
        }).max().orElse(1);
    }

    /** {x = log10(1/(1−p)), y = latency in ms} for each percentile step, ending with the maximum. */
    static double[][] points(Histogram histogram) {
        List<double[]> points = new ArrayList<>();
        if (histogram.getTotalCount() > 0) {
            for (HistogramIterationValue v : histogram.percentiles(TICKS_PER_HALF_DISTANCE)) {
                double fraction = v.getPercentileLevelIteratedTo() / 100.0;
                if (fraction >= 1.0) {
                    break;
                }
                double x = Math.log10(1.0 / (1.0 - fraction));
                if (x > MAX_NINES) {
                    break;
                }
                points.add(new double[] {x, histogram.highestEquivalentValue(v.getValueIteratedTo()) / 1e6});
            }
            double lastX = points.isEmpty() ? 0 : points.getLast()[0];
            points.add(new double[] {lastX, histogram.getMaxValue() / 1e6});
        }
        double[] xs = points.stream().mapToDouble(p -> p[0]).toArray();
        double[] ys = points.stream().mapToDouble(p -> p[1]).toArray();
        return new double[][] {xs, ys};
    }

    /**
     * Axis label of x = log10(1/(1−p)): 0 → 0%, 1 → 90%, 2 → 99%, 3 → 99.9% … Ticks between the nines get
     * one more decimal, so that no two ticks share a label (XChart re-spaces ticks until labels differ).
     */
    static String percentileLabel(double nines) {
        if (nines <= 0) {
            return "0%";
        }
        double percent = 100.0 * (1.0 - Math.pow(10, -nines));
        boolean whole = Math.abs(nines - Math.rint(nines)) < 1e-9;
        // Capped: XChart also formats probe values far outside the axis (up to Double.MAX_VALUE).
        int decimals = Math.min(MAX_LABEL_DECIMALS, Math.max(0, (int) Math.ceil(nines - 1e-9) - (whole ? 2 : 1)));
        return String.format(Locale.ROOT, "%." + decimals + "f%%", percent);
    }
}
