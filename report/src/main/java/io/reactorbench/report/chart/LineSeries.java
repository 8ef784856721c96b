package io.reactorbench.report.chart;

import java.awt.Color;
import java.util.List;

/**
 * One line of a sweep chart: colour and marker stand for the design ({@link DesignPalette#markerOf}), and
 * {@code rank} picks the stroke (0 solid, 1 dashed, 2 dotted) to tell p50 from p99, or RSS from heap.
 */
public record LineSeries(String name, String design, Color colour, int rank, List<LinePoint> points) {

    public LineSeries {
        points = List.copyOf(points);
    }
}
