package io.reactorbench.report.model;

import io.reactorbench.results.AllocationCalibration;
import io.reactorbench.results.CellKey;
import io.reactorbench.results.ErrorCounts;
import io.reactorbench.results.GeneratorSchedule;
import io.reactorbench.results.LatencySummary;
import io.reactorbench.results.LoadPlacement;
import io.reactorbench.results.ceiling.CeilingResult;
import io.reactorbench.results.sweep.SweepResult;
import java.nio.file.Path;

/**
 * The numbers of one trial of one cell (one summary.json). {@code corrected} is null for closed-loop
 * runs, {@code memory} is null unless the scenario is idle, {@code dir} holds latency.hlog.
 * {@code loadGeneratorUtilisation}: the share (0–1) of the CPUs the load generator could use that it used in
 * the window, NaN when load.json did not say. {@code ceiling}: a connection-ceiling cell's ramp (its steps and why it
 * stopped), null for every other model; {@code loadPlacement}: the load's agents and source addresses, null when it ran
 * as one process. {@code errorRate}: the share (0–1) of the window's requests that failed, which the latency holds;
 * NaN when summary.json predates it. {@code generatorSchedule}: how late the load generator sent against its schedule
 * and whether it fell behind (its latency is then partly the generator's), null for models without a schedule;
 * {@code allocationCalibration}: how allocation per request was corrected for the probe's own, null without an inside
 * probe. {@code sweep}: a rate-sweep cell's steps and what its search found, null for every other model.
 */
public record TrialResult(CellKey cell, int trial, boolean ok, String reason, ScenarioParams params,
                          double windowSeconds, long requests, double throughput, ErrorCounts errors,
                          LatencySummary corrected, LatencySummary uncorrected, ServerCost server,
                          MemoryFootprint memory, double connectionsPerSecond, Path dir,
                          double loadGeneratorUtilisation, CeilingResult ceiling, LoadPlacement loadPlacement,
                          double errorRate, GeneratorSchedule generatorSchedule,
                          AllocationCalibration allocationCalibration, SweepResult sweep) {

    /** A trial of one load process that ramped nothing (as every cell was before issue 18). */
    public TrialResult(CellKey cell, int trial, boolean ok, String reason, ScenarioParams params,
                       double windowSeconds, long requests, double throughput, ErrorCounts errors,
                       LatencySummary corrected, LatencySummary uncorrected, ServerCost server,
                       MemoryFootprint memory, double connectionsPerSecond, Path dir,
                       double loadGeneratorUtilisation) {
        this(cell, trial, ok, reason, params, windowSeconds, requests, throughput, errors, corrected, uncorrected,
                server, memory, connectionsPerSecond, dir, loadGeneratorUtilisation, null, null, Double.NaN, null,
                null, null);
    }

    /** Whether the trial's load generator fell behind its send schedule (see {@link GeneratorSchedule}). */
    public boolean generatorBehind() {
        return generatorSchedule != null && generatorSchedule.behind();
    }

    /** The latency the report shows: corrected for coordinated omission when the run measured it. */
    public LatencySummary latency() {
        return corrected != null ? corrected : uncorrected;
    }

    public boolean latencyIsCorrected() {
        return corrected != null;
    }

    /** A rate-sweep trial (issue 19 B): its scenario offers rates in steps (even when it failed before any). */
    public boolean isSweep() {
        return sweep != null || params.isSweep();
    }

    /** A connection-ceiling trial: its scenario ramps connections in steps (even when it failed before any). */
    public boolean isCeiling() {
        return ceiling != null || params.isCeiling();
    }
}
