package io.reactorbench.report.chart;

import de.erichseifert.vectorgraphics2d.Document;
import de.erichseifert.vectorgraphics2d.svg.SVGProcessor;
import de.erichseifert.vectorgraphics2d.util.PageSize;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import org.knowm.xchart.internal.chartpart.Chart;

/**
 * Charts as SVG with their text as {@code <text>} ({@link TextAsTextGraphics}), drawn the way XChart's
 * VectorGraphicsEncoder draws one chart. Its own class so that the vector library is loaded only when
 * {@link ChartWriter#svgAvailable()} says it is there.
 */
final class GridSvg {

    private GridSvg() {
    }

    static void write(SmallMultiples grid, Path svg) throws IOException {
        write(grid.panels(), g -> ChartWriter.paint(grid, g), grid.widthPx(), grid.heightPx(), svg);
    }

    static void write(Chart<?, ?> chart, Path svg) throws IOException {
        write(List.of(chart), g -> chart.paint(g, chart.getWidth(), chart.getHeight()), chart.getWidth(),
                chart.getHeight(), svg);
    }

    private static void write(List<Chart<?, ?>> charts, Consumer<java.awt.Graphics2D> painter, int widthPx,
                              int heightPx, Path svg) throws IOException {
        ChartTexts texts = new ChartTexts();
        charts.forEach(texts::add);
        TextAsTextGraphics vector = texts.graphics();
        try {
            painter.accept(vector);
        } finally {
            texts.restore();
        }
        Document document = new SVGProcessor().getDocument(vector.getCommands(), new PageSize(0, 0, widthPx, heightPx));
        try (OutputStream out = Files.newOutputStream(svg)) {
            document.writeTo(out);
        }
    }
}
