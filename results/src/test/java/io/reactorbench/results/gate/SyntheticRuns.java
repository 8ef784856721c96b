package io.reactorbench.results.gate;

import io.reactorbench.results.AtomicFiles;
import io.reactorbench.results.CellKey;
import io.reactorbench.results.CellParams;
import io.reactorbench.results.CellRef;
import io.reactorbench.results.CellStatus;
import io.reactorbench.results.CellSummary;
import io.reactorbench.results.Environment;
import io.reactorbench.results.ErrorCounts;
import io.reactorbench.results.GcPauses;
import io.reactorbench.results.LatencySummary;
import io.reactorbench.results.LatencyViews;
import io.reactorbench.results.ResultsJson;
import io.reactorbench.results.ResultsLayout;
import io.reactorbench.results.RunManifest;
import io.reactorbench.results.RunStatus;
import io.reactorbench.results.SchemaVersions;
import io.reactorbench.results.ServerMetrics;
import io.reactorbench.results.metric.Metric;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds measurements and run directories from made-up trial values, for tests. */
final class SyntheticRuns {

    static final CellParams RPC = new CellParams("rpc", "closed", 4, 0, 64, 1, 64, 0, 0, 1, 1);
    static final Environment ENV = new Environment("Test CPU", 2, "6.18", "Linux", "25", List.of(), 20000L, "host",
            null, null);

    private final Map<CellKey, List<TrialValues>> cells = new LinkedHashMap<>();

    /** Adds one trial per value of {@code metric} to the cell (trials numbered in order from 1). */
    SyntheticRuns cell(String scenario, String design, Metric metric, double... values) {
        CellKey key = new CellKey(scenario, "", design);
        List<TrialValues> trials = cells.computeIfAbsent(key, k -> new ArrayList<>());
        for (int i = 0; i < values.length; i++) {
            if (trials.size() <= i) {
                trials.add(new TrialValues(i + 1, Map.of(), null));
            }
            Map<Metric, Double> merged = new EnumMap<>(Metric.class);
            merged.putAll(trials.get(i).values());
            merged.put(metric, values[i]);
            trials.set(i, new TrialValues(i + 1, merged, trials.get(i).latencyUnjudgeableBecause()));
        }
        return this;
    }

    /** Marks trial {@code trial} (from 1) of the cell as measured by a load generator behind its schedule. */
    SyntheticRuns generatorBehind(String scenario, String design, int trial, String reason) {
        List<TrialValues> trials = cells.get(new CellKey(scenario, "", design));
        TrialValues t = trials.get(trial - 1);
        trials.set(trial - 1, new TrialValues(t.trial(), t.values(), reason));
        return this;
    }

    Measurements measurements(String source) {
        Map<CellKey, CellTrials> built = new LinkedHashMap<>();
        cells.forEach((key, trials) -> built.put(key, new CellTrials(key, RPC, trials)));
        return new Measurements(source, source, ENV, built, List.of());
    }

    /** Writes a run directory: one summary per trial with throughput, cpu, allocation, p99 and errors. */
    static void writeRun(Path runDir, RunStatus status, List<CellSummary> summaries) {
        List<CellRef> refs = new ArrayList<>();
        for (CellSummary s : summaries) {
            String dir = ResultsLayout.cellDir(s.scenarioKey(), s.design(), s.trial());
            refs.add(new CellRef(s.scenario(), s.variant(), s.design(), s.trial(), s.status(), s.reason(), dir));
            AtomicFiles.writeString(runDir.resolve(dir).resolve(ResultsLayout.SUMMARY_FILE),
                    ResultsJson.mapper().writeValueAsString(s));
        }
        RunManifest run = new RunManifest(SchemaVersions.RUN, runDir.getFileName().toString(), "test", status,
                "2026-11-26T00:00:00Z", "2026-11-26T00:01:00Z", ENV, null, refs);
        AtomicFiles.writeString(runDir.resolve(ResultsLayout.RUN_FILE), ResultsJson.mapper().writeValueAsString(run));
    }

    static CellSummary summary(String scenario, String design, int trial, double throughput, double cpuUs,
            double allocatedBytes, long p99Ns, long errors) {
        LatencySummary latency = new LatencySummary(1000, p99Ns / 2.0, p99Ns / 2, p99Ns / 2, p99Ns / 2, p99Ns, p99Ns,
                p99Ns, p99Ns);
        return new CellSummary(SchemaVersions.SUMMARY, scenario, "", design, trial, CellStatus.OK, null, RPC, 1,
                (long) throughput, throughput, new ErrorCounts(errors, 0, 0, 0, errors),
                new LatencyViews(null, latency),
                new ServerMetrics(cpuUs, allocatedBytes, GcPauses.NONE, 100_000_000L, 10_000_000L, 10), null, null);
    }
}
