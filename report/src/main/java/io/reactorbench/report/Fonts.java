package io.reactorbench.report;

import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.GraphicsEnvironment;
import java.awt.image.BufferedImage;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Fonts for charts. Charts use DejaVu Sans where the machine has it, so that reports rendered on different
 * machines look alike; without it they fall back to the JDK's logical "SansSerif". {@link #check()} is for
 * {@code reactorbench doctor}: it says which font family is missing and which package brings it.
 */
public final class Fonts {

    public static final String PREFERRED_FAMILY = "DejaVu Sans";
    public static final String FALLBACK_FAMILY = Font.SANS_SERIF;
    public static final String DEBIAN_PACKAGE = "fonts-dejavu-core";

    private static volatile String chartFamily;

    private Fonts() {
    }

    /** The outcome of {@link #check()}: {@code usable} is false when no text can be drawn at all. */
    public record Check(boolean usable, boolean preferredPresent, String message) {
    }

    /**
     * Checks that headless text rendering works and that {@value #PREFERRED_FAMILY} is installed. Never
     * throws: a JDK without any font (no fontconfig fonts) fails inside AWT, and that failure is the answer.
     */
    public static Check check() {
        System.setProperty("java.awt.headless", "true");
        Set<String> families;
        try {
            families = installedFamilies();
            drawSample();
        } catch (Throwable e) { // AWT fails with Errors (e.g. "Fontconfig head is null") when no font exists
            return new Check(false, false, "no usable font for charts (" + e.getClass().getSimpleName() + ": "
                    + e.getMessage() + "); install the Debian packages fontconfig and " + DEBIAN_PACKAGE);
        }
        if (!families.contains(PREFERRED_FAMILY)) {
            return new Check(true, false, "font family '" + PREFERRED_FAMILY + "' is missing: charts fall back to "
                    + FALLBACK_FAMILY + " and will look different from other machines; install " + DEBIAN_PACKAGE);
        }
        return new Check(true, true, "font family '" + PREFERRED_FAMILY + "' present");
    }

    /** The family charts use: the preferred one when installed, else the logical sans-serif font. */
    public static String chartFamily() {
        String family = chartFamily;
        if (family == null) {
            family = check().preferredPresent() ? PREFERRED_FAMILY : FALLBACK_FAMILY;
            chartFamily = family;
        }
        return family;
    }

    private static Set<String> installedFamilies() {
        return Arrays.stream(GraphicsEnvironment.getLocalGraphicsEnvironment().getAvailableFontFamilyNames())
                .collect(Collectors.toSet());
    }

    private static void drawSample() {
        BufferedImage image = new BufferedImage(64, 16, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setFont(new Font(FALLBACK_FAMILY, Font.PLAIN, 11));
            g.drawString("99.9%", 1, 12);
        } finally {
            g.dispose();
        }
    }
}
