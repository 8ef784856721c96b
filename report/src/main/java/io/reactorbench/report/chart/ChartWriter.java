package io.reactorbench.report.chart;

import io.reactorbench.report.Fonts;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.internal.chartpart.Chart;

/**
 * Writes charts as PNG, and as SVG when XChart's vector library (VectorGraphics2D, which XChart brings) is on
 * the class path; the SVG's text is {@code <text>}, searchable and small ({@link TextAsTextGraphics}).
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
                GridSvg.write(chart, svg);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new ChartFile(section, chart.getTitle(), caption, png, svg, chart.getWidth(), chart.getHeight());
    }

    /** Writes the panels side by side under one title; PNG always, SVG when the vector library is present. */
    public ChartFile write(SmallMultiples grid, String baseName, String section, String caption) {
        Path png = dir.resolve(baseName + ".png");
        Path svg = null;
        try {
            BufferedImage image = new BufferedImage(grid.widthPx(), grid.heightPx(), BufferedImage.TYPE_INT_RGB);
            Graphics2D g = image.createGraphics();
            paint(grid, g);
            g.dispose();
            ImageIO.write(image, "png", png.toFile());
            if (svgAvailable()) {
                svg = dir.resolve(baseName + ".svg");
                GridSvg.write(grid, svg);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new ChartFile(section, grid.title(), caption, png, svg, grid.widthPx(), grid.heightPx());
    }

    static void paint(SmallMultiples grid, Graphics2D g) {
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, grid.widthPx(), grid.heightPx());
        g.setColor(Color.BLACK);
        g.setFont(new Font(Fonts.chartFamily(), Font.BOLD, 15));
        FontMetrics metrics = g.getFontMetrics();
        g.drawString(grid.title(), (grid.widthPx() - metrics.stringWidth(grid.title())) / 2,
                (SmallMultiples.TITLE_BAND_PX + metrics.getAscent()) / 2);
        int panelWidthPx = SmallMultiples.panelWidthPx(grid.panels().size());
        for (int i = 0; i < grid.panels().size(); i++) {
            int x = (i % grid.columns()) * panelWidthPx;
            int y = SmallMultiples.TITLE_BAND_PX + (i / grid.columns()) * SmallMultiples.PANEL_HEIGHT_PX;
            // Each panel paints from its own origin and may leave a clip behind: restore both after it.
            AffineTransform transform = g.getTransform();
            Shape clip = g.getClip();
            g.translate(x, y);
            g.clipRect(0, 0, panelWidthPx, SmallMultiples.PANEL_HEIGHT_PX);
            grid.panels().get(i).paint(g, panelWidthPx, SmallMultiples.PANEL_HEIGHT_PX);
            g.setTransform(transform);
            g.setClip(clip);
        }
    }
}
