package io.reactorbench.report;

import io.reactorbench.results.CellParams;
import io.reactorbench.results.CellRef;
import io.reactorbench.results.CellStatus;
import io.reactorbench.results.CellSummary;
import io.reactorbench.results.ErrorCounts;
import io.reactorbench.results.LatencySummary;
import io.reactorbench.results.LatencyViews;
import io.reactorbench.results.Results;
import io.reactorbench.results.ResultsJson;
import io.reactorbench.results.RunManifest;
import io.reactorbench.results.RunStatus;
import io.reactorbench.results.SchemaVersions;
import io.reactorbench.results.sweep.SweepObjective;
import io.reactorbench.results.sweep.SweepResult;
import io.reactorbench.results.sweep.SweepStep;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A run with one find-max-rate scenario ({@code knee}) over two designs, one trial each, written from the results
 * records as the runner writes them: engine-epoll sustains 40k/s, 60k/s breaks the objective (a knee found);
 * threads meets it at every rate it tried (no knee, and none may be claimed).
 */
public final class SweepFixture {

    public static final String SCENARIO = "knee";
    static final SweepObjective OBJECTIVE = SweepObjective.parse("p99=5ms,errors=0.1%");

    private SweepFixture() {
    }

    /** The fixture's summaries, engine-epoll's first. */
    public static List<CellSummary> summaries() {
        return List.of(summary("engine-epoll"), summary("threads"));
    }

    /** Writes the fixture run into {@code run} (run.json and a summary.json per cell); returns it. */
    static Path writeRun(Path run) throws IOException {
        RunManifest template = Results.readRun(Fixture.SOURCE);
        List<CellRef> cells = new ArrayList<>();
        for (CellSummary summary : summaries()) {
            CellRef cell = new CellRef(SCENARIO, "", summary.design(), 1, CellStatus.OK, null,
                    SCENARIO + "/" + summary.design() + "/trial-1");
            cells.add(cell);
            Path dir = run.resolve(cell.dir());
            Files.createDirectories(dir);
            Files.writeString(dir.resolve("summary.json"), ResultsJson.mapper().writeValueAsString(summary));
        }
        Files.writeString(run.resolve("run.json"), ResultsJson.mapper().writeValueAsString(new RunManifest(
                SchemaVersions.RUN, "20260102-000000-knee", "knee", RunStatus.COMPLETE, "2026-01-02T00:00:00Z",
                "2026-01-02T00:10:00Z", template.environment(), null, cells, List.of())));
        return run;
    }

    static CellSummary summary(String design) {
        boolean engine = design.equals("engine-epoll");
        List<SweepStep> steps = engine
                ? List.of(step(0, 10_000, 1, true), step(1, 20_000, 1.2, true), step(2, 40_000, 2, true),
                        step(3, 80_000, 40, false), step(4, 60_000, 12, false))
                : List.of(step(0, 10_000, 1, true), step(1, 20_000, 1.1, true));
        SweepResult sweep = engine
                ? new SweepResult(SweepResult.FIND_MAX_RATE, OBJECTIVE, steps, 40_000.0, 4, true,
                        "sustained 40000/s within the objective; 60000/s broke it (the step bound (5) was reached)")
                : new SweepResult(SweepResult.FIND_MAX_RATE, OBJECTIVE, steps, 20_000.0, null, false,
                        "no step broke the objective, up to 20000/s: the knee lies above (the time bound was reached)");
        CellParams params = new CellParams("echo", "sweep", 50, 0, 64, 1, 0, 0, 0, 0, 0);
        LatencySummary whole = latency(2);
        return new CellSummary(SchemaVersions.SUMMARY, SCENARIO, "", design, 1, CellStatus.OK, null, params, 10,
                100_000, 10_000, ErrorCounts.NONE, new LatencyViews(whole, whole), null, null, null, null, null, null,
                null, ErrorCounts.NONE, 0.0, null, null, sweep);
    }

    private static SweepStep step(int index, double rate, double scale, boolean met) {
        return new SweepStep(index, rate, met ? rate : rate * 0.8, (long) rate * 2, ErrorCounts.NONE,
                ErrorCounts.NONE, 0, latency(scale), 1_000L * index, 1_000L * index + 2_000, met,
                met ? null : "p99 " + scale * 1.5 + " ms > 5.00 ms", null);
    }

    /** p50 = scale × 0.4 ms, p99 = scale × 1.5 ms, p99.9 = scale × 3 ms. */
    private static LatencySummary latency(double scale) {
        return new LatencySummary(10_000, scale * 500_000, (long) (scale * 400_000), (long) (scale * 600_000),
                (long) (scale * 800_000), (long) (scale * 1_500_000), (long) (scale * 3_000_000),
                (long) (scale * 5_000_000), (long) (scale * 8_000_000));
    }

}
