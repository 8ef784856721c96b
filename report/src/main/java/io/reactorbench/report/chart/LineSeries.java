package io.reactorbench.report.chart;

import java.awt.Color;
import java.util.List;

/**
 * One line of a sweep chart: {@code rank} picks the stroke and marker (0 solid, 1 dashed, 2 dotted) when
 * colour already stands for the design and the stroke must tell p50 from p99, or RSS from heap.
 */
public record LineSeries(String name, Color colour, int rank, List<LinePoint> points) {

    public LineSeries {
        points = List.copyOf(points);
    }
}
