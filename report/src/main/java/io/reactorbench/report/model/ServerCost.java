package io.reactorbench.report.model;

import io.reactorbench.results.GcPauses;
import io.reactorbench.results.ServerSyscalls;

/**
 * What serving cost the server process in the window; NaN where the probe had no value. {@code syscalls}: its system
 * calls per request by name, null unless the run counted them.
 */
public record ServerCost(double cpuUsPerRequest, double allocatedBytesPerRequest, GcPauses gc,
                         double rssBytes, double heapUsedBytes, double threads, ServerSyscalls syscalls) {

    public static final ServerCost UNKNOWN =
            new ServerCost(Double.NaN, Double.NaN, GcPauses.NONE, Double.NaN, Double.NaN, Double.NaN, null);
}
