package io.reactorbench.report.chart;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.util.List;
import org.junit.jupiter.api.Test;

class DesignPaletteTest {

    /** The concrete designs a suite runs side by side ("engine" is uring, epoll or nio, chosen at start-up). */
    static final List<String> SHIPPED = List.of("engine-nio", "engine-epoll", "threads", "vthreads",
            "netty-nio", "netty-epoll", "netty-iouring");
    /** Hues closer than this read as one colour in thin lines (blue and sky blue are 0° apart). */
    static final double MIN_HUE_DEGREES = 25;
    /** A colour with no clear hue (black, grey) must differ this much in brightness instead. */
    static final double MIN_BRIGHTNESS_STEP = 0.3;

    @Test
    void shouldGiveEveryShippedDesignAClearlyDifferentHue() {
        DesignPalette palette = new DesignPalette(SHIPPED);
        for (int i = 0; i < SHIPPED.size(); i++) {
            for (int j = i + 1; j < SHIPPED.size(); j++) {
                float[] a = hsb(palette.colourOf(SHIPPED.get(i)));
                float[] b = hsb(palette.colourOf(SHIPPED.get(j)));
                String pair = SHIPPED.get(i) + " against " + SHIPPED.get(j);
                if (hasHue(a) && hasHue(b)) {
                    double degrees = Math.abs(a[0] - b[0]) * 360;
                    assertThat(Math.min(degrees, 360 - degrees)).as(pair).isGreaterThanOrEqualTo(MIN_HUE_DEGREES);
                } else {
                    assertThat((double) Math.abs(a[2] - b[2])).as(pair).isGreaterThanOrEqualTo(MIN_BRIGHTNESS_STEP);
                }
            }
        }
    }

    private static float[] hsb(Color c) {
        return Color.RGBtoHSB(c.getRed(), c.getGreen(), c.getBlue(), null);
    }

    private static boolean hasHue(float[] hsb) {
        return hsb[1] >= 0.25f && hsb[2] >= 0.2f;
    }

    @Test
    void shouldGiveExternalDesignsSpareColoursThatNoShippedDesignUses() {
        DesignPalette palette = new DesignPalette(List.of("engine-nio", "external:go", "external:rust"));
        assertThat(palette.colourOf("external:go")).isNotEqualTo(palette.colourOf("external:rust"));
        assertThat(DesignPalette.FIXED.values()).doesNotContain(palette.colourOf("external:go"),
                palette.colourOf("external:rust"));
    }

    @Test
    void shouldMarkEachFamilyWithItsOwnMarker() {
        assertThat(DesignPalette.markerOf("engine-nio")).isEqualTo(DesignPalette.markerOf("engine-epoll"))
                .isNotEqualTo(DesignPalette.markerOf("netty-nio"))
                .isNotEqualTo(DesignPalette.markerOf("threads"));
    }
}
