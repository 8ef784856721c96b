package io.reactorbench.report.read;

import io.reactorbench.report.model.MemoryFootprint;
import io.reactorbench.report.model.RunView;
import io.reactorbench.report.model.ScenarioParams;
import io.reactorbench.report.model.ServerCost;
import io.reactorbench.report.model.TrialResult;
import io.reactorbench.results.CellParams;
import io.reactorbench.results.CellRef;
import io.reactorbench.results.CellSummary;
import io.reactorbench.results.Environment;
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
 * to the report's {@link RunView}. The view carries the results records where they serve as they are (cell keys,
 * the cell index, errors, latency, GC pauses, the environment) and the report's own where a missing number must
 * read as NaN (server cost, memory, scenario parameters); this is the one place that builds the latter.
 */
public final class RunReader {

    private static final Pinning NOT_PINNED = new Pinning("", "", false, "");

    private RunReader() {
    }

    /** Reads {@code runDir}; throws {@link NotAResultsDirectory} (one line) when it is not one. */
    public static RunView read(Path runDir) {
        if (!Files.isRegularFile(runDir.resolve(ResultsLayout.RUN_FILE))) {
            throw new NotAResultsDirectory("not a results directory (no run.json): " + runDir);
        }
        RunManifest run = Results.readRun(runDir);
        List<CellRef> cells = new ArrayList<>();
        List<TrialResult> trials = new ArrayList<>();
        for (CellRef ref : run.cells()) {
            cells.add(new CellRef(ref.scenario(), ref.variant(), ref.design(), ref.trial(), ref.status(),
                    text(ref.reason()), text(ref.dir())));
            Optional<CellSummary> summary = Results.readSummary(runDir, ref);
            summary.ifPresent(s -> trials.add(trial(s, ResultsLayout.cellPath(runDir, ref))));
        }
        trials.sort(Comparator.comparing((TrialResult t) -> t.cell().scenarioKey())
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
        return new TrialResult(s.cellKey(), s.trial(), s.ok(), text(s.reason()),
                params, s.windowSeconds(), s.requests(), s.throughput(), s.errors(),
                s.latencyNs().corrected(), s.latencyNs().uncorrected(), server(s.server()),
                m == null ? null : new MemoryFootprint(m.connections(), number(m.rssPerConnectionBytes()),
                        number(m.heapPerConnectionBytes()), Boolean.TRUE.equals(m.rssWithinResolution()),
                        number(MemoryPerConnection.rssUpperBoundBytesPerConnection(m))),
                connectionsPerSecond == null ? Double.NaN : connectionsPerSecond, dir,
                s.loadGenerator() == null ? Double.NaN : s.loadGenerator().utilisation(), s.ceiling(),
                s.loadPlacement(), s.errorRate() == null ? Double.NaN : s.errorRate(), s.generatorSchedule(),
                s.allocationCalibration(), s.sweep());
    }

    private static ServerCost server(ServerMetrics s) {
        GcPauses gc = s.gc() == null ? GcPauses.NONE : s.gc();
        return new ServerCost(number(s.cpuUsPerRequest()), number(s.allocatedBytesPerRequest()), gc,
                number(s.rssBytes()), number(s.heapUsedBytes()), number(s.threads()), s.syscalls());
    }

    /** The environment with every text the run did not record read as empty (and no pinning as none asked). */
    private static Environment environment(Environment e) {
        if (e == null) {
            return new Environment("", 0, "", "", "", List.of(), 0L, "", "", NOT_PINNED);
        }
        Pinning p = e.pinning() == null ? NOT_PINNED : e.pinning();
        return new Environment(text(e.cpuModel()), e.cores(), text(e.kernel()), text(e.os()), text(e.jdk()),
                e.jvmOptions(), e.fdLimit() == null ? 0L : e.fdLimit(), text(e.hostname()), text(e.gitCommit()),
                new Pinning(text(p.server()), text(p.load()), p.applied(), text(p.note())));
    }

    private static double number(Number value) {
        return value == null ? Double.NaN : value.doubleValue();
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }
}
