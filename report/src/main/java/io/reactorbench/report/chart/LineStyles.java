package io.reactorbench.report.chart;

import java.awt.BasicStroke;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.Marker;

/** How a line is drawn when colour and marker already mean the design: the stroke tells the metric apart. */
final class LineStyles {

    private LineStyles() {
    }

    static void style(XYSeries series, java.awt.Color colour, BasicStroke stroke, Marker marker) {
        series.setLineColor(colour);
        series.setMarkerColor(colour);
        series.setLineStyle(stroke);
        series.setMarker(marker);
        series.setLineWidth(2f);
    }

    static BasicStroke strokeForRank(int rank) {
        return switch (rank) {
            case 0 -> SeriesLines.SOLID;
            case 1 -> SeriesLines.DASH_DASH;
            default -> SeriesLines.DOT_DOT;
        };
    }
}
