package io.reactorbench.report.model;

import io.reactorbench.results.CellKey;
import io.reactorbench.results.ErrorCounts;
import io.reactorbench.results.LatencySummary;
import java.nio.file.Path;

/**
 * The numbers of one trial of one cell (one summary.json). {@code corrected} is null for closed-loop
 * runs, {@code memory} is null unless the scenario is idle, {@code dir} holds latency.hlog.
 * {@code loadGeneratorUtilisation}: the share (0–1) of the CPUs the load generator could use that it used in
 * the window, NaN when load.json did not say.
 */
public record TrialResult(CellKey cell, int trial, boolean ok, String reason, ScenarioParams params,
                          double windowSeconds, long requests, double throughput, ErrorCounts errors,
                          LatencySummary corrected, LatencySummary uncorrected, ServerCost server,
                          MemoryFootprint memory, double connectionsPerSecond, Path dir,
                          double loadGeneratorUtilisation) {

    /** The latency the report shows: corrected for coordinated omission when the run measured it. */
    public LatencySummary latency() {
        return corrected != null ? corrected : uncorrected;
    }

    public boolean latencyIsCorrected() {
        return corrected != null;
    }
}
