package io.reactorbench.report.chart;

import java.awt.Color;
import org.HdrHistogram.Histogram;

/** One line of a percentile-distribution chart: a latency histogram in ns, drawn solid or dashed. */
public record PercentileCurve(String name, Histogram histogramNs, Color colour, boolean dashed) {
}
