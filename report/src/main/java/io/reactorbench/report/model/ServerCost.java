package io.reactorbench.report.model;

import io.reactorbench.results.GcPauses;

/** What serving cost the server process in the window; NaN where the probe had no value. */
public record ServerCost(double cpuUsPerRequest, double allocatedBytesPerRequest, GcPauses gc,
                         double rssBytes, double heapUsedBytes, double threads) {

    public static final ServerCost UNKNOWN =
            new ServerCost(Double.NaN, Double.NaN, GcPauses.NONE, Double.NaN, Double.NaN, Double.NaN);
}
