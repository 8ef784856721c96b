package io.reactorbench.results.gate;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.reactorbench.results.AtomicFiles;
import io.reactorbench.results.CellKey;
import io.reactorbench.results.CellParams;
import io.reactorbench.results.Environment;
import io.reactorbench.results.ResultsFormatException;
import io.reactorbench.results.ResultsJson;
import io.reactorbench.results.metric.Metric;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * A compact baseline ({@code reactorbench.baseline/1}): per cell its workload, the median of every metric and
 * every trial's values; no histograms. Small enough to commit next to the code it guards.
 */
public final class BaselineFile {

    public static final String SCHEMA = "reactorbench.baseline/1";

    /** The file as written: field order is the order people read it in. */
    record Document(String schema, String runId, String savedAt, Environment environment, List<Cell> cells) {
    }

    /** One cell: {@code median} is for people reading the file; the gate uses {@code trials}. */
    record Cell(String scenario, String variant, String design, CellParams params, Map<String, Double> median,
            List<Trial> trials) {
    }

    /** @param latencyUnjudgeableBecause as in {@link TrialValues}; absent when its latency may be judged */
    record Trial(int trial, Map<String, Double> values,
            @JsonInclude(JsonInclude.Include.NON_NULL) String latencyUnjudgeableBecause) {
    }

    private BaselineFile() {
    }

    /** Writes {@code measurements} (which must be judgeable: a baseline of a broken run would guard nothing). */
    public static void write(Measurements measurements, String savedAt, Path file) {
        if (!measurements.unjudgeable().isEmpty()) {
            throw new IllegalArgumentException("cannot save a baseline of " + measurements.source() + ": "
                    + measurements.unjudgeable().getFirst());
        }
        List<Cell> cells = new ArrayList<>();
        for (CellTrials cell : measurements.cells().values()) {
            Map<String, Double> median = new LinkedHashMap<>();
            for (Metric metric : Metric.inPolicies()) {
                double[] values = cell.values(metric);
                if (values.length > 0) {
                    median.put(metric.policyName(), Medians.of(values));
                }
            }
            List<Trial> trials = cell.trials().stream().map(t -> new Trial(t.trial(), byId(t.values()), t.latencyUnjudgeableBecause())).toList();
            CellKey key = cell.key();
            cells.add(new Cell(key.scenario(), key.variant(), key.design(), cell.params(), median, trials));
        }
        Document document = new Document(SCHEMA, measurements.runId(), savedAt, measurements.environment(), cells);
        AtomicFiles.writeString(file, ResultsJson.mapper().writeValueAsString(document) + "\n");
    }

    /** Reads a baseline file; a file of another schema is rejected with a one-line message naming it. */
    public static Measurements read(Path file) {
        Document document;
        try {
            JsonNode tree = ResultsJson.mapper().readTree(Files.readString(file));
            String schema = tree == null ? null : tree.path("schema").asString(null);
            if (!SCHEMA.equals(schema)) {
                throw new ResultsFormatException(file, "unknown schema " + (schema == null ? "(none)" : "'" + schema + "'")
                        + ", a baseline file is '" + SCHEMA + "'");
            }
            document = ResultsJson.mapper().treeToValue(tree, Document.class);
        } catch (NoSuchFileException e) {
            throw new ResultsFormatException(file, "no such file");
        } catch (IOException e) {
            throw new ResultsFormatException(file, "cannot read: " + e.getMessage());
        } catch (JacksonException e) {
            throw new ResultsFormatException(file, "not a baseline file: " + e.getOriginalMessage());
        }
        Map<CellKey, CellTrials> cells = new LinkedHashMap<>();
        for (Cell cell : document.cells() == null ? List.<Cell>of() : document.cells()) {
            CellKey key = new CellKey(cell.scenario(), cell.variant(), cell.design());
            List<TrialValues> trials = new ArrayList<>();
            for (Trial trial : cell.trials() == null ? List.<Trial>of() : cell.trials()) {
                trials.add(new TrialValues(trial.trial(), byMetric(trial.values(), file),
                        trial.latencyUnjudgeableBecause()));
            }
            cells.put(key, new CellTrials(key, cell.params(), trials));
        }
        return new Measurements(file.toString(), document.runId(), document.environment(), cells, List.of());
    }

    private static Map<String, Double> byId(Map<Metric, Double> values) {
        Map<String, Double> byId = new LinkedHashMap<>();
        values.forEach((metric, value) -> byId.put(metric.policyName(), value));
        return byId;
    }

    /** Unknown metric names are skipped: a newer reactorbench may write metrics this one does not know. */
    private static Map<Metric, Double> byMetric(Map<String, Double> values, Path file) {
        Map<Metric, Double> byMetric = new EnumMap<>(Metric.class);
        if (values == null) {
            throw new ResultsFormatException(file, "a trial has no values");
        }
        for (Map.Entry<String, Double> entry : values.entrySet()) {
            for (Metric metric : Metric.inPolicies()) {
                if (metric.policyName().equals(entry.getKey()) && entry.getValue() != null) {
                    byMetric.put(metric, entry.getValue());
                }
            }
        }
        return byMetric;
    }
}
