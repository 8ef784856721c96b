package io.reactorbench.report;

import io.reactorbench.results.CellParams;
import io.reactorbench.results.CellRef;
import io.reactorbench.results.CellStatus;
import io.reactorbench.results.CellSummary;
import io.reactorbench.results.ErrorCounts;
import io.reactorbench.results.GcPauses;
import io.reactorbench.results.LatencySummary;
import io.reactorbench.results.LatencyViews;
import io.reactorbench.results.LoadPlacement;
import io.reactorbench.results.Results;
import io.reactorbench.results.ResultsJson;
import io.reactorbench.results.RunManifest;
import io.reactorbench.results.RunStatus;
import io.reactorbench.results.SchemaVersions;
import io.reactorbench.results.ServerMetrics;
import io.reactorbench.results.ceiling.CeilingResult;
import io.reactorbench.results.ceiling.CeilingStepResult;
import io.reactorbench.results.load.CeilingStep;
import io.reactorbench.results.load.CeilingStop;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The committed ceiling fixture run in src/test/resources/ceiling-run: one connection-ceiling scenario ({@code ramp},
 * steps 10,000 / 50,000 / 100,000) over two designs, one trial each. engine-epoll completes every step; netty-epoll
 * is stopped by the memory guard at the third step (the step has no memory sample: the ramp ended before it held).
 * Both loads ran as 3 agents over 2 source addresses. Written from the results records, so it is what the runner
 * writes; regenerate only to change it:
 * {@code mvn -B -o -pl report test -Dtest=CeilingFixture -DregenerateFixture=true}.
 */
class CeilingFixture {

    static final Path SOURCE = Path.of("src/test/resources/ceiling-run");
    static final String SCENARIO = "ramp";
    static final String STOPPED_BECAUSE = "MemAvailable 1.9 GiB fell below the memory guard's floor of 2.0 GiB";
    static final LoadPlacement PLACEMENT = new LoadPlacement(3, 2, "127.0.0.2-127.0.0.3", 40L, null);

    static Path copyTo(Path target) {
        return Fixture.copyTree(SOURCE, target);
    }

    @Test
    @EnabledIfSystemProperty(named = "regenerateFixture", matches = "true")
    void regenerate() throws IOException {
        RunManifest template = Results.readRun(Fixture.SOURCE);
        List<CellRef> cells = new ArrayList<>();
        for (String design : List.of("engine-epoll", "netty-epoll")) {
            CellRef cell = new CellRef(SCENARIO, "", design, 1, CellStatus.OK, null, SCENARIO + "/" + design + "/trial-1");
            cells.add(cell);
            Path dir = SOURCE.resolve(cell.dir());
            Files.createDirectories(dir);
            Files.writeString(dir.resolve("summary.json"),
                    ResultsJson.mapper().writeValueAsString(summary(design)) + "\n");
        }
        RunManifest run = new RunManifest(SchemaVersions.RUN, "20260102-000000-ceiling", "ceiling",
                RunStatus.COMPLETE, "2026-01-02T00:00:00Z", "2026-01-02T00:10:00Z", template.environment(), null,
                cells, List.of());
        Files.writeString(SOURCE.resolve("run.json"), ResultsJson.mapper().writeValueAsString(run) + "\n");
    }

    /** engine-epoll: ~60 B heap, ~400 B RSS, ~10 KB kernel per connection; netty-epoll about twice the heap. */
    private static CellSummary summary(String design) {
        boolean netty = design.equals("netty-epoll");
        List<CeilingStepResult> steps = List.of(
                step(0, 10_000, 10_000, netty, 1.0, null),
                step(1, 50_000, 50_000, netty, 1.5, null),
                netty ? step(2, 100_000, 71_234, true, 0, CeilingStop.MEMORY_GUARD)
                        : step(2, 100_000, 100_000, false, 2.0, null));
        CeilingResult ceiling = new CeilingResult(steps, netty ? 50_000 : 100_000,
                netty ? CeilingStop.MEMORY_GUARD : null, netty ? STOPPED_BECAUSE : null);
        CellParams params = new CellParams("echo", "ceiling", 100_000, 1_000, 64, 1, 0, 0, 0, 0, 0);
        LatencySummary whole = latency(1.5);
        return new CellSummary(SchemaVersions.SUMMARY, SCENARIO, "", design, 1, CellStatus.OK, null, params, 30,
                30_000, 1_000, ErrorCounts.NONE, new LatencyViews(whole, whole),
                new ServerMetrics(null, null, GcPauses.NONE, 900_000_000L, 40_000_000L, 4, null), null, null, null,
                null, new LoadPlacement(PLACEMENT.agents(), PLACEMENT.sourceAddresses(), PLACEMENT.sourceRange(),
                        netty ? 85L : PLACEMENT.agentStartSkewMs(), null), ceiling, null, null, null, null, null);
    }

    /**
     * A step; {@code latencyScale} grows the active requests' latency with the step; a stopped step has no memory
     * sample, no latency and connect errors.
     */
    private static CeilingStepResult step(int index, long target, long held, boolean netty, double latencyScale,
                                          CeilingStop stop) {
        boolean stopped = stop != null;
        double heap = (netty ? 120 : 56) + index * 2;
        double rss = (netty ? 900 : 400) - index * 10;
        double kernel = 10_240 + index * 16;
        long holdStartMs = 1_767_312_000_000L + index * 60_000L;
        CeilingStep load = new CeilingStep(index, (int) target, (int) held, 2.0, 5_000.0 - index * 500,
                stopped ? 0 : (int) held, stopped ? 0 : holdStartMs, stopped ? 0 : holdStartMs + 10_000,
                stopped ? 0 : 10_000, stopped ? new ErrorCounts(12, 0, 0, 0) : ErrorCounts.NONE,
                stopped ? LatencySummary.EMPTY : latency(latencyScale * (netty ? 2 : 1)), stop,
                stopped ? STOPPED_BECAUSE : null, null, null, null);
        return new CeilingStepResult(load,
                stopped ? null : 200_000_000L + (long) (rss * held), stopped ? null : 30_000_000L + (long) (heap * held),
                stopped ? null : 1_000_000_000L + (long) (kernel * held),
                stopped ? null : rss, stopped ? null : heap, stopped ? null : kernel,
                new GcPauses(index + 1, 4.0 * (index + 1), 2.0 + index, List.of()), null, null, null, null);
    }

    /** Percentiles from p50 = {@code scale} × 0.4 ms up to p99.9 = scale × 3 ms. */
    private static LatencySummary latency(double scale) {
        return new LatencySummary(10_000, scale * 500_000, (long) (scale * 400_000), (long) (scale * 600_000),
                (long) (scale * 800_000), (long) (scale * 1_500_000), (long) (scale * 3_000_000),
                (long) (scale * 5_000_000), (long) (scale * 8_000_000));
    }
}
