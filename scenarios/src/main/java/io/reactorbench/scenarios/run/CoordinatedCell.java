package io.reactorbench.scenarios.run;

import io.reactorbench.results.CellRef;
import io.reactorbench.results.CellSummary;
import io.reactorbench.results.LoadPlacement;
import io.reactorbench.results.Pinning;
import io.reactorbench.results.Results;
import io.reactorbench.results.ResultsJson;
import io.reactorbench.results.ResultsLayout;
import io.reactorbench.results.ResultsStore;
import io.reactorbench.results.RunManifest;
import io.reactorbench.results.RunStatus;
import io.reactorbench.results.SchemaVersions;
import io.reactorbench.results.load.LoadJson;
import io.reactorbench.results.load.LoadResult;
import io.reactorbench.scenarios.suite.Scenario;
import io.reactorbench.wire.spi.Transport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * The results directory of a coordinated load ({@code reactorbench coordinate}, issue 20) in the shape a suite run
 * gives an {@code external:} design, so that {@code report}, {@code compare}, {@code baseline save} and {@code gate}
 * read it as they read any run: {@code run.json} with one cell, and in the cell {@code summary.json} (from the same
 * {@link CellMeasurements} a suite cell's comes from; no server probe, so no server figures), {@code load.json}, the
 * merged {@code latency.hlog} and {@code agents/} (the last two the coordinator wrote). A run with agents missing is
 * {@code incomplete} in run.json, which the gate refuses to judge.
 */
public final class CoordinatedCell {

    /** The suite name of a coordinated run, in run.json and the report. */
    public static final String SUITE = "coordinate";
    /** The error share above which the cell is failed, as a suite's default {@code maxErrorRatio}. */
    static final double MAX_ERROR_RATIO = 0.01;

    /**
     * What one coordinated run was.
     *
     * @param runId      the run directory's final name (run.json's id)
     * @param scenario   the scenario name the cell is filed under (e.g. {@code echo-open})
     * @param design     the target as a design name (e.g. {@code external:10.0.0.5:8080})
     * @param agents     K
     * @param startedAt  ISO-8601 UTC
     * @param finishedAt ISO-8601 UTC
     * @param loadArgs   the load options as given, for run.json's {@code suiteResolved}
     */
    public record Run(String runId, String scenario, String design, int agents, String startedAt, String finishedAt,
                      List<String> loadArgs) {
    }

    private CoordinatedCell() {
    }

    /** Where the cell of {@code run} lies inside its run directory. */
    public static Path cellDir(Path runDir, Run run) {
        return runDir.resolve(ResultsLayout.cellDir(run.scenario(), run.design(), 1));
    }

    /**
     * Writes run.json, and the cell's summary.json and load.json beside the coordinator's latency.hlog and agents/,
     * into {@code runDir}; returns the summary.
     */
    public static CellSummary write(Path runDir, Run run, LoadResult merged) throws IOException {
        Path cellDir = cellDir(runDir, run);
        Files.createDirectories(cellDir);
        LoadJson.write(merged, cellDir.resolve(CellRunner.LOAD_JSON_FILE));
        LoadPlacement placement = new LoadPlacement(run.agents(), 0, null, merged.agentStartSkewMs(),
                merged.coordination());
        CellSummary summary = CellMeasurements.summarize(new CellMeasurements.Recorded(scenario(run, merged),
                run.design(), 1, merged, List.of(), window(merged, cellDir.resolve(ResultsLayout.LATENCY_LOG_FILE)), 0,
                null, null, List.of(), null, placement, null, null));
        // an external server: one process, not a JVM the run started
        summary = summary.withParams(summary.params().withServer(1, null));
        ResultsStore store = ResultsStore.open(runDir);
        store.writeSummary(cellDir, summary);
        boolean incomplete = merged.coordination() != null && merged.coordination().incomplete();
        Map<String, Object> resolved = new LinkedHashMap<>();
        resolved.put("agents", run.agents());
        resolved.put("load", run.loadArgs());
        List<String> notes = List.of("load from " + run.agents() + " agents coordinated over the network"
                + (incomplete ? "; incomplete: agents " + merged.coordination().missingAgents()
                + " are missing from the result" : ""));
        store.writeRun(new RunManifest(SchemaVersions.RUN, run.runId(), SUITE,
                incomplete ? RunStatus.INCOMPLETE : RunStatus.COMPLETE, run.startedAt(), run.finishedAt(),
                EnvironmentProbe.describe(List.of(), new Pinning(null, null, false, "the agents ran elsewhere")),
                ResultsJson.mapper().valueToTree(resolved),
                List.of(new CellRef(run.scenario(), "", run.design(), 1, summary.status(), summary.reason(),
                        ResultsLayout.cellDir(run.scenario(), run.design(), 1))),
                notes));
        return summary;
    }

    /** The cell's workload as a suite scenario would have stated it, read off the merged result's params. */
    private static Scenario scenario(Run run, LoadResult merged) {
        LoadResult.Params p = merged.params();
        return new Scenario(run.scenario(), "", p.app(), p.model(), p.connections(), p.rate() == null ? 0 : p.rate(),
                p.depth(), p.size(), p.responseSize(), p.cpuSpinNs(), p.blockUs(), 0, 0, 0, p.warmupSeconds(),
                p.durationSeconds(), MAX_ERROR_RATIO, 0, p.readRateBytesPerSec() == null ? 0 : p.readRateBytesPerSec(), 0,
                Transport.parse(p.transport()));
    }

    /** The measured window on the coordinator's clock: the merged log's first interval start to its last end. */
    private static MeasuredWindow window(LoadResult merged, Path hlog) {
        if (Files.isRegularFile(hlog)) {
            List<Histogram> intervals = Results.readLatencyIntervals(hlog, null);
            long startMs = intervals.stream().mapToLong(Histogram::getStartTimeStamp).min().orElse(0);
            long endMs = intervals.stream().mapToLong(Histogram::getEndTimeStamp).max().orElse(0);
            if (startMs > 0 && endMs > startMs) {
                return new MeasuredWindow(startMs, endMs);
            }
        }
        return new MeasuredWindow(0, (long) (merged.windowSeconds() * 1000));
    }
}
