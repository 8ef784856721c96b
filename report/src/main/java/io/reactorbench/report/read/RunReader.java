package io.reactorbench.report.read;

import io.reactorbench.report.model.CellKey;
import io.reactorbench.report.model.CellStatus;
import io.reactorbench.report.model.Environment;
import io.reactorbench.report.model.ErrorCounts;
import io.reactorbench.report.model.GcPause;
import io.reactorbench.report.model.GcStats;
import io.reactorbench.report.model.LatencySummary;
import io.reactorbench.report.model.MemoryFootprint;
import io.reactorbench.report.model.RunView;
import io.reactorbench.report.model.ScenarioParams;
import io.reactorbench.report.model.ServerCost;
import io.reactorbench.report.model.TrialResult;
import io.reactorbench.results.CellParams;
import io.reactorbench.results.CellRef;
import io.reactorbench.results.CellSummary;
import io.reactorbench.results.GcPauses;
import io.reactorbench.results.MemoryPerConnection;
import io.reactorbench.results.Pinning;
import io.reactorbench.results.Results;
import io.reactorbench.results.ResultsLayout;
import io.reactorbench.results.RunManifest;
import io.reactorbench.results.ServerMetrics;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Reads a results directory with the {@code results} module's readers (docs/results-schema.md) and adapts it
 * to the report's {@link RunView}. The one place that knows the results records: the charts and tables
 * only see the view, in which a missing number is NaN.
 */
public final class RunReader {

    private RunReader() {
    }

    /** Reads {@code runDir}; throws {@link NotAResultsDirectory} (one line) when it is not one. */
    public static RunView read(Path runDir) {
        if (!Files.isRegularFile(runDir.resolve(ResultsLayout.RUN_FILE))) {
            throw new NotAResultsDirectory("not a results directory (no run.json): " + runDir);
        }
        RunManifest run = Results.readRun(runDir);
        List<CellStatus> cells = new ArrayList<>();
        List<TrialResult> trials = new ArrayList<>();
        for (CellRef ref : run.cells()) {
            cells.add(new CellStatus(new CellKey(ref.scenario(), ref.variant(), ref.design()), ref.trial(), ref.ok(),
                    text(ref.reason()), text(ref.dir())));
            Optional<CellSummary> summary = Results.readSummary(runDir, ref);
            summary.ifPresent(s -> trials.add(trial(s, ResultsLayout.cellPath(runDir, ref))));
        }
        trials.sort(Comparator.comparing((TrialResult t) -> t.cell().scenarioLabel())
                .thenComparing(t -> t.cell().design()).thenComparingInt(TrialResult::trial));
        return new RunView(runDir, text(run.id()), text(run.suite()),
                run.status() == null ? "" : run.status().id(), text(run.startedAt()), text(run.finishedAt()),
                environment(run.environment()), cells, trials, run.notes());
    }

    static TrialResult trial(CellSummary s, Path dir) {
        CellParams p = s.params();
        ScenarioParams params = p == null ? ScenarioParams.UNKNOWN
                // rate 0 (or absent) means "as fast as the connections go"
                : new ScenarioParams(text(p.app()), text(p.model()), p.connections(), p.rate() > 0 ? p.rate() : Double.NaN,
                        p.serverCpuQuotaPercent() != null ? p.serverCpuQuotaPercent() : Double.NaN, p.transport());
        MemoryPerConnection m = s.memory();
        Double connectionsPerSecond = s.connectionsPerSecond();
        return new TrialResult(new CellKey(s.scenario(), s.variant(), s.design()), s.trial(), s.ok(), text(s.reason()),
                params, s.windowSeconds(), s.requests(), s.throughput(), errors(s.errors()),
                latency(s.latencyNs().corrected()), latency(s.latencyNs().uncorrected()), server(s.server()),
                m == null ? null : new MemoryFootprint(m.connections(), number(m.rssPerConnectionBytes()),
                        number(m.heapPerConnectionBytes()), Boolean.TRUE.equals(m.rssWithinResolution()),
                        number(MemoryPerConnection.rssUpperBoundBytesPerConnection(m))),
                connectionsPerSecond == null ? Double.NaN : connectionsPerSecond, dir,
                s.loadGenerator() == null ? Double.NaN : s.loadGenerator().utilisation());
    }

    private static ErrorCounts errors(io.reactorbench.results.ErrorCounts e) {
        return e == null ? ErrorCounts.NONE : new ErrorCounts(e.connect(), e.timeout(), e.reset(), e.protocol(), e.total());
    }

    private static LatencySummary latency(io.reactorbench.results.LatencySummary l) {
        return l == null ? null : new LatencySummary(l.count(), l.mean(), l.p50(), l.p75(), l.p90(), l.p99(), l.p999(),
                l.p9999(), l.max());
    }

    private static ServerCost server(ServerMetrics s) {
        GcPauses gc = s.gc();
        GcStats gcStats = gc == null ? GcStats.NONE : new GcStats(gc.count(), gc.totalMs(), gc.maxMs(),
                gc.pauses().stream().map(p -> new GcPause(p.atMs(), p.durationMs())).toList());
        return new ServerCost(number(s.cpuUsPerRequest()), number(s.allocatedBytesPerRequest()), gcStats,
                number(s.rssBytes()), number(s.heapUsedBytes()), number(s.threads()));
    }

    private static Environment environment(io.reactorbench.results.Environment e) {
        if (e == null) {
            return new Environment("", 0, "", "", "", "", 0, "", "", "", "", false, "");
        }
        Pinning pinning = e.pinning() == null ? new Pinning("", "", false, "") : e.pinning();
        return new Environment(text(e.cpuModel()), e.cores(), text(e.kernel()), text(e.os()), text(e.jdk()),
                String.join(" ", e.jvmOptions()), e.fdLimit() == null ? 0 : e.fdLimit(), text(e.hostname()),
                text(e.gitCommit()), text(pinning.server()), text(pinning.load()), pinning.applied(),
                text(pinning.note()));
    }

    private static double number(Number value) {
        return value == null ? Double.NaN : value.doubleValue();
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }
}
