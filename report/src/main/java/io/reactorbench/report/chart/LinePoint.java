package io.reactorbench.report.chart;

/** One point of a line chart over a swept parameter (x) with its value (y). */
public record LinePoint(double x, double y) {
}
