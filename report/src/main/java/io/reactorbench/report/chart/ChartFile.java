package io.reactorbench.report.chart;

import java.nio.file.Path;

/**
 * A chart written to disk: the PNG (always), the SVG when the vector library is present, and the section
 * and caption the report shows it under.
 */
public record ChartFile(String section, String title, String caption, Path png, Path svg, int widthPx, int heightPx) {

    public boolean hasSvg() {
        return svg != null;
    }
}
