package io.reactorbench.report.chart;

import java.awt.Color;
import java.util.List;

/**
 * One series of a bar chart: a value per category (NaN where the design has none) and an error half-width
 * per category (0 for none).
 */
public record BarSeries(String name, Color colour, List<Double> values, List<Double> errors) {

    public BarSeries {
        values = List.copyOf(values);
        errors = List.copyOf(errors);
    }
}
