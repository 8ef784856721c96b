package io.reactorbench.results.gate;

import io.reactorbench.results.CellKey;
import io.reactorbench.results.CellRef;
import io.reactorbench.results.CellSummary;
import io.reactorbench.results.Results;
import io.reactorbench.results.RunManifest;
import io.reactorbench.results.RunStatus;
import io.reactorbench.results.metric.Metric;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads a results directory into {@link Measurements}: the ok trials, and why the rest cannot be judged. */
public final class RunDirectoryReader {

    private RunDirectoryReader() {
    }

    /** @throws io.reactorbench.results.ResultsFormatException when run.json or a summary is unreadable */
    public static Measurements read(Path runDir) {
        RunManifest run = Results.readRun(runDir);
        List<String> unjudgeable = new ArrayList<>();
        if (run.status() != RunStatus.COMPLETE) {
            unjudgeable.add("run " + run.id() + " is " + (run.status() == null ? "of unknown status" : run.status().id())
                    + ", not complete");
        }
        Map<CellKey, List<TrialValues>> trials = new LinkedHashMap<>();
        Map<CellKey, CellSummary> firstSummary = new LinkedHashMap<>();
        for (CellRef cell : run.cells()) {
            CellKey key = cell.cellKey();
            String where = key + " trial " + cell.trial();
            if (!cell.ok()) {
                unjudgeable.add(where + " failed in run " + run.id() + ": " + cell.reason());
                continue;
            }
            Optional<CellSummary> summary = Results.readSummary(runDir, cell);
            if (summary.isEmpty()) {
                unjudgeable.add(where + " has no summary.json in run " + run.id());
                continue;
            }
            if (!summary.get().ok()) {
                unjudgeable.add(where + " failed in run " + run.id() + ": " + summary.get().reason());
                continue;
            }
            trials.computeIfAbsent(key, k -> new ArrayList<>()).add(valuesOf(summary.get()));
            firstSummary.putIfAbsent(key, summary.get());
        }
        Map<CellKey, CellTrials> cells = new LinkedHashMap<>();
        trials.forEach((key, list) -> cells.put(key, new CellTrials(key, firstSummary.get(key).params(), list)));
        return new Measurements(runDir.toString(), run.id(), run.environment(), cells, unjudgeable);
    }

    static TrialValues valuesOf(CellSummary summary) {
        Map<Metric, Double> values = new EnumMap<>(Metric.class);
        for (Metric metric : Metric.inPolicies()) {
            Double value = metric.valueIn(summary);
            if (value != null) {
                values.put(metric, value);
            }
        }
        if (summary.sweep() != null) {
            // A sweep's steps past its knee fail requests on purpose; its error budget is judged on the step that
            // speaks for it (the sustained one, else the lowest rate), not on every step's errors added together.
            summary.sweep().representativeStep().filter(step -> step.errors() != null).ifPresent(step -> {
                values.put(Metric.ERRORS, (double) step.errors().total());
                values.put(Metric.ERROR_RATE, step.errorRate());
            });
        }
        return new TrialValues(summary.trial(), values,
                summary.generatorBehind() ? summary.generatorSchedule().reason() : null);
    }
}
