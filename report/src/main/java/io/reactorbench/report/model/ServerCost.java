package io.reactorbench.report.model;

/** What serving cost the server process in the window; NaN where the probe had no value. */
public record ServerCost(double cpuUsPerRequest, double allocatedBytesPerRequest, GcStats gc,
                         double rssBytes, double heapUsedBytes, double threads) {

    public static final ServerCost UNKNOWN =
            new ServerCost(Double.NaN, Double.NaN, GcStats.NONE, Double.NaN, Double.NaN, Double.NaN);
}
