package io.reactorbench.report.chart;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.VectorGraphicsEncoder;
import org.knowm.xchart.internal.chartpart.Chart;

/**
 * Writes charts as PNG, and as SVG when XChart's optional vector library (VectorGraphics2D) is on the class
 * path — it is not a dependency of this module, so usually only PNG is written.
 */
public final class ChartWriter {

    static final String VECTOR_LIBRARY_CLASS = "de.erichseifert.vectorgraphics2d.VectorGraphics2D";

    private final Path dir;

    public ChartWriter(Path dir) {
        this.dir = dir;
    }

    public static boolean svgAvailable() {
        try {
            Class.forName(VECTOR_LIBRARY_CLASS, false, ChartWriter.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    public ChartFile write(Chart<?, ?> chart, String baseName, String section, String caption) {
        Path png = dir.resolve(baseName + ".png");
        Path svg = null;
        try {
            BitmapEncoder.saveBitmap(chart, png.toString(), BitmapEncoder.BitmapFormat.PNG);
            if (svgAvailable()) {
                svg = dir.resolve(baseName + ".svg");
                VectorGraphicsEncoder.saveVectorGraphic(chart, svg.toString(),
                        VectorGraphicsEncoder.VectorGraphicsFormat.SVG);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new ChartFile(section, chart.getTitle(), caption, png, svg, chart.getWidth(), chart.getHeight());
    }
}
