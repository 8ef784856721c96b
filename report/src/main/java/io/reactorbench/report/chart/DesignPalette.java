package io.reactorbench.report.chart;

import java.awt.Color;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.knowm.xchart.style.markers.Marker;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * One colour per design, the same in every chart of a report and across reports: the designs reactorbench
 * ships have fixed colours; others (e.g. {@code external:…}) take the spare colours in sorted order.
 * The colours are mostly the Okabe–Ito set (told apart also by colour-blind readers), chosen so that no two
 * designs of a suite share a hue: engine-nio and engine-epoll used to be blue and sky blue, one hue at two
 * lightnesses, hard to tell apart as thin lines. Okabe–Ito's yellow is too pale on white and its sky blue
 * repeats the blue's hue, so an olive and a purple stand in. Line charts also mark each family with its own
 * marker.
 */
public final class DesignPalette {

    static final Map<String, Color> FIXED = fixed();
    static final List<Color> SPARE = List.of(new Color(0x8C564B), new Color(0x999999), new Color(0x17BECF),
            new Color(0x7F7F7F), new Color(0xBCBD22), new Color(0x1F77B4));

    private final Map<String, Color> colours = new LinkedHashMap<>();

    /** A palette for these designs; spare colours go to unknown designs in sorted order, so runs agree. */
    public DesignPalette(Collection<String> designs) {
        int spare = 0;
        for (String design : designs.stream().distinct().sorted().toList()) {
            Color colour = FIXED.get(design);
            if (colour == null) {
                colour = SPARE.get(spare++ % SPARE.size());
            }
            colours.put(design, colour);
        }
    }

    public Color colourOf(String design) {
        return colours.getOrDefault(design, FIXED.getOrDefault(design, Color.DARK_GRAY));
    }

    /** The family's marker (engine circle, threads square, netty triangle, others diamond): a second cue. */
    public static Marker markerOf(String design) {
        if (design.startsWith("engine")) {
            return SeriesMarkers.CIRCLE;
        }
        if (design.equals("threads") || design.equals("vthreads")) {
            return SeriesMarkers.SQUARE;
        }
        if (design.startsWith("netty")) {
            return SeriesMarkers.TRIANGLE_UP;
        }
        return SeriesMarkers.DIAMOND;
    }

    public List<String> designs() {
        return List.copyOf(colours.keySet());
    }

    private static Map<String, Color> fixed() {
        Map<String, Color> fixed = new LinkedHashMap<>();
        fixed.put("engine-epoll", new Color(0x0072B2));  // blue
        fixed.put("engine-nio", new Color(0xD55E00));    // vermillion
        fixed.put("threads", new Color(0x999900));       // olive
        fixed.put("vthreads", new Color(0x6A3D9A));      // purple
        fixed.put("netty-nio", new Color(0x009E73));     // bluish green
        fixed.put("netty-epoll", new Color(0x000000));   // black
        fixed.put("netty-iouring", new Color(0xCC79A7)); // reddish purple
        // "engine" picks its poller (uring, epoll or nio) at start-up, so it rarely runs beside them; orange is left
        // for it.
        fixed.put("engine", new Color(0xE69F00));
        return Map.copyOf(fixed);
    }
}
