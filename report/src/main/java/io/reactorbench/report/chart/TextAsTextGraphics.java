package io.reactorbench.report.chart;

import de.erichseifert.vectorgraphics2d.VectorGraphics2D;
import java.awt.Font;
import java.awt.Shape;
import java.awt.font.FontRenderContext;
import java.awt.font.TextLayout;
import java.awt.geom.PathIterator;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * VectorGraphics2D that writes XChart's text as SVG {@code <text>}. XChart draws every label by filling the
 * outline of a {@link TextLayout} (so that it can rotate them), which reaches a vector graphics only as glyph
 * paths: 300–860 KB per chart, no text to search or select, and VectorGraphics2D's text hint cannot help as it
 * never sees a string. Knowing which strings a chart can draw in which fonts, this graphics recognises their
 * outlines by their exact path and draws the string instead. An outline it does not know stays a path, so the
 * picture is the same either way.
 */
final class TextAsTextGraphics extends VectorGraphics2D {

    /** A string in a font, upright or turned a quarter anticlockwise (XChart's y-axis titles). */
    private record TextRun(String text, Font font, boolean turned) {
    }

    private static final java.awt.geom.AffineTransform QUARTER_TURN = java.awt.geom.AffineTransform.getRotateInstance(-Math.PI / 2);

    private final Collection<String> texts;
    private final List<Font> fonts;
    private final Map<FontRenderContext, Map<String, TextRun>> outlinesByContext = new HashMap<>();
    /** How many of {@link #texts} each context's outlines hold: tick labels arrive while the chart paints. */
    private final Map<FontRenderContext, Integer> indexedByContext = new HashMap<>();

    TextAsTextGraphics(Collection<String> texts, List<Font> fonts) {
        this.texts = texts;
        this.fonts = fonts;
    }

    @Override
    public void fill(Shape shape) {
        TextRun run = outlines().get(signature(shape));
        if (run == null) {
            super.fill(shape);
            return;
        }
        Font font = getFont();
        java.awt.geom.AffineTransform transform = getTransform();
        setFont(run.font());
        if (run.turned()) {
            rotate(-Math.PI / 2);
        }
        drawString(run.text(), 0f, 0f); // the outline's origin is the text's baseline start, as drawString's is
        setTransform(transform);
        setFont(font);
    }

    /** The outlines of every known string in every font, by path, for the render context XChart lays text out in. */
    private Map<String, TextRun> outlines() {
        FontRenderContext context = getFontRenderContext();
        Map<String, TextRun> outlines = outlinesByContext.computeIfAbsent(context, c -> new HashMap<>());
        int indexed = indexedByContext.getOrDefault(context, 0);
        if (indexed < texts.size()) {
            texts.stream().skip(indexed).filter(text -> text != null && !text.isBlank()) // blank: no outline
                    .forEach(text -> fonts.forEach(font -> {
                        Shape outline = new TextLayout(text, font, context).getOutline(null);
                        outlines.putIfAbsent(signature(outline), new TextRun(text, font, false));
                        outlines.putIfAbsent(signature(QUARTER_TURN.createTransformedShape(outline)),
                                new TextRun(text, font, true));
                    }));
            indexedByContext.put(context, texts.size());
        }
        return outlines;
    }

    /** The path of a shape as text: segment types and coordinates, exact, so equal outlines give equal keys. */
    static String signature(Shape shape) {
        StringBuilder key = new StringBuilder();
        float[] coords = new float[6];
        for (PathIterator path = shape.getPathIterator(null); !path.isDone(); path.next()) {
            int type = path.currentSegment(coords);
            int points = switch (type) {
                case PathIterator.SEG_MOVETO, PathIterator.SEG_LINETO -> 1;
                case PathIterator.SEG_QUADTO -> 2;
                case PathIterator.SEG_CUBICTO -> 3;
                default -> 0;
            };
            key.append(type);
            for (int i = 0; i < 2 * points; i++) {
                key.append(',').append(Float.floatToIntBits(coords[i]));
            }
            key.append(';');
        }
        return key.toString();
    }
}
