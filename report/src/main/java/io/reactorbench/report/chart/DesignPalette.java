package io.reactorbench.report.chart;

import java.awt.Color;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One colour per design, the same in every chart of a report and across reports: the designs reactorbench
 * ships have fixed colours; others (e.g. {@code external:…}) take the spare colours in sorted order.
 * The colours are the Okabe–Ito set, told apart also by colour-blind readers.
 */
public final class DesignPalette {

    static final Map<String, Color> FIXED = fixed();
    static final List<Color> SPARE = List.of(new Color(0x999999), new Color(0x8C564B), new Color(0x17BECF),
            new Color(0xBCBD22), new Color(0x7F7F7F), new Color(0x1F77B4));

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

    /** The same hue, lighter: the second run of a comparison where a chart needs two fills per design. */
    public Color lighterOf(String design) {
        Color c = colourOf(design);
        return new Color((c.getRed() + 255 * 2) / 3, (c.getGreen() + 255 * 2) / 3, (c.getBlue() + 255 * 2) / 3);
    }

    public List<String> designs() {
        return List.copyOf(colours.keySet());
    }

    private static Map<String, Color> fixed() {
        Map<String, Color> fixed = new LinkedHashMap<>();
        fixed.put("engine-nio", new Color(0x0072B2));
        fixed.put("engine-epoll", new Color(0x56B4E9));
        fixed.put("threads", new Color(0xE69F00));
        fixed.put("vthreads", new Color(0xD55E00));
        fixed.put("netty-nio", new Color(0x009E73));
        fixed.put("netty-epoll", new Color(0xCC79A7));
        fixed.put("netty-iouring", new Color(0x000000));
        return Map.copyOf(fixed);
    }
}
