package io.reactorbench.report.chart;

import java.awt.Color;

/** One design's bar in a panel: the median and the error half-width that covers the trials' min–max (0: none). */
public record DesignBar(String design, Color colour, double value, double error) {
}
