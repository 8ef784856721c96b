package io.reactorbench.report.chart;

/** Every chart's pixel size; one size keeps a report's page even and the tests' expectations simple. */
public final class ChartSize {

    public static final int WIDTH_PX = 960;
    public static final int HEIGHT_PX = 520;

    private ChartSize() {
    }
}
