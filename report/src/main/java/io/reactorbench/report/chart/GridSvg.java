package io.reactorbench.report.chart;

import de.erichseifert.vectorgraphics2d.Document;
import de.erichseifert.vectorgraphics2d.VectorGraphics2D;
import de.erichseifert.vectorgraphics2d.svg.SVGProcessor;
import de.erichseifert.vectorgraphics2d.util.PageSize;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The SVG of a small multiple, drawn the way XChart's VectorGraphicsEncoder draws one chart. Its own class
 * so that the vector library is loaded only when {@link ChartWriter#svgAvailable()} says it is there.
 */
final class GridSvg {

    private GridSvg() {
    }

    static void write(SmallMultiples grid, Path svg) throws IOException {
        VectorGraphics2D vector = new VectorGraphics2D();
        ChartWriter.paint(grid, vector);
        Document document = new SVGProcessor().getDocument(vector.getCommands(),
                new PageSize(0, 0, grid.widthPx(), grid.heightPx()));
        try (OutputStream out = Files.newOutputStream(svg)) {
            document.writeTo(out);
        }
    }
}
