package io.reactorbench.report.chart;

import java.util.List;
import org.knowm.xchart.internal.chartpart.Chart;

/**
 * Several panels drawn into one image under one title, each on its own y scale: scenarios whose values
 * differ by 40× (1.3M req/s against 30k req/s) each stay readable, where one shared axis flattens the
 * smaller ones to nothing. Panels fill rows of {@link #COLUMNS}, full chart width in all.
 */
public record SmallMultiples(String title, List<Chart<?, ?>> panels) {

    public static final int COLUMNS = 2;
    public static final int TITLE_BAND_PX = 34;
    public static final int PANEL_HEIGHT_PX = 360;

    public SmallMultiples {
        if (panels.isEmpty()) {
            throw new IllegalArgumentException("small multiples need at least one panel: " + title);
        }
        panels = List.copyOf(panels);
    }

    public int columns() {
        return Math.min(COLUMNS, panels.size());
    }

    public static int panelWidthPx(int panelCount) {
        return ChartSize.WIDTH_PX / Math.max(1, Math.min(COLUMNS, panelCount));
    }

    public int widthPx() {
        return panelWidthPx(panels.size()) * columns();
    }

    public int heightPx() {
        int rows = (panels.size() + COLUMNS - 1) / COLUMNS;
        return TITLE_BAND_PX + rows * PANEL_HEIGHT_PX;
    }
}
