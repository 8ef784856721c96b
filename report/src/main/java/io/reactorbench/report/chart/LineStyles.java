package io.reactorbench.report.chart;

import java.awt.BasicStroke;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.Marker;

/** How a line is drawn when colour and marker already mean the design: the stroke tells the metric apart. */
final class LineStyles {

    /**
     * Long dashes: XChart's DASH_DASH (3 px on, 3 off) reads as a dotted line at our widths, and the captions say
     * "dashed". Dotted stays visibly dotted: short dots, wider gaps.
     */
    static final BasicStroke DASHED = new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
            new float[] {9f, 5f}, 0f);
    static final BasicStroke DOTTED = new BasicStroke(2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND, 10f,
            new float[] {1f, 5f}, 0f);

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
            case 1 -> DASHED;
            default -> DOTTED;
        };
    }
}
