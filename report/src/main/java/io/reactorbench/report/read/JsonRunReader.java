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
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a results directory (docs/results-schema.md, version 1) into the report's {@link RunView}. The one
 * place that knows the JSON field names: when the {@code results} module's readers settle, this adapter is
 * what changes, and nothing that draws or tabulates.
 */
public final class JsonRunReader {

    static final String RUN_SCHEMA = "reactorbench.run/1";
    static final String SUMMARY_SCHEMA = "reactorbench.summary/1";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private JsonRunReader() {
    }

    /** Reads {@code runDir}; throws {@link NotAResultsDirectory} with a one-line message when it is not one. */
    public static RunView read(Path runDir) {
        Path runJson = runDir.resolve("run.json");
        if (!Files.isRegularFile(runJson)) {
            throw new NotAResultsDirectory("not a results directory (no run.json): " + runDir);
        }
        JsonNode run = readJson(runJson);
        requireSchema(run, RUN_SCHEMA, runJson);
        List<CellStatus> cells = new ArrayList<>();
        for (JsonNode cell : run.path("cells").values()) {
            cells.add(new CellStatus(
                    new CellKey(text(cell, "scenario"), text(cell, "variant"), text(cell, "design")),
                    cell.path("trial").asInt(0), "ok".equals(text(cell, "status")), text(cell, "reason"),
                    text(cell, "dir")));
        }
        List<TrialResult> trials = new ArrayList<>();
        for (Path summary : summaryFiles(runDir)) {
            trials.add(readSummary(summary));
        }
        trials.sort(Comparator.comparing((TrialResult t) -> t.cell().scenarioLabel())
                .thenComparing(t -> t.cell().design()).thenComparingInt(TrialResult::trial));
        return new RunView(runDir, text(run, "id"), text(run, "suite"), text(run, "status"),
                text(run, "startedAt"), text(run, "finishedAt"), environment(run.path("environment")),
                cells, trials);
    }

    /** Every summary.json below the run, outside the report's own output directories. */
    private static List<Path> summaryFiles(Path runDir) {
        try (Stream<Path> files = Files.walk(runDir, 5)) {
            return files.filter(p -> p.getFileName().toString().equals("summary.json"))
                    .filter(p -> p.getParent().getFileName().toString().startsWith("trial-"))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static TrialResult readSummary(Path file) {
        JsonNode s = readJson(file);
        requireSchema(s, SUMMARY_SCHEMA, file);
        CellKey cell = new CellKey(text(s, "scenario"), text(s, "variant"), text(s, "design"));
        JsonNode params = s.path("params");
        JsonNode latency = s.path("latencyNs");
        JsonNode memory = s.path("memory");
        return new TrialResult(cell, s.path("trial").asInt(0), "ok".equals(text(s, "status")), text(s, "reason"),
                new ScenarioParams(text(params, "app"), text(params, "model"), params.path("connections").asInt(0),
                        number(params, "rate")),
                number(s, "windowSeconds"), s.path("requests").asLong(0), number(s, "throughput"),
                errors(s.path("errors")), latency(latency.path("corrected")), latency(latency.path("uncorrected")),
                server(s.path("server")),
                isAbsent(memory) ? null : new MemoryFootprint(memory.path("connections").asInt(0),
                        number(memory, "rssPerConnectionBytes"), number(memory, "heapPerConnectionBytes")),
                number(s, "connectionsPerSecond"), file.getParent());
    }

    private static ErrorCounts errors(JsonNode e) {
        if (isAbsent(e)) {
            return ErrorCounts.NONE;
        }
        return new ErrorCounts(e.path("connect").asLong(0), e.path("timeout").asLong(0), e.path("reset").asLong(0),
                e.path("protocol").asLong(0), e.path("total").asLong(0));
    }

    private static LatencySummary latency(JsonNode l) {
        if (isAbsent(l)) {
            return null;
        }
        return new LatencySummary(l.path("count").asLong(0), number(l, "mean"), number(l, "p50"), number(l, "p75"),
                number(l, "p90"), number(l, "p99"), number(l, "p999"), number(l, "p9999"), number(l, "max"));
    }

    private static ServerCost server(JsonNode s) {
        if (isAbsent(s)) {
            return ServerCost.UNKNOWN;
        }
        JsonNode gc = s.path("gc");
        List<GcPause> pauses = new ArrayList<>();
        for (JsonNode p : gc.path("pauses").values()) {
            pauses.add(new GcPause(number(p, "atMs"), number(p, "durationMs")));
        }
        GcStats gcStats = isAbsent(gc) ? GcStats.NONE
                : new GcStats(gc.path("count").asLong(0), number(gc, "totalMs"), number(gc, "maxMs"), pauses);
        return new ServerCost(number(s, "cpuUsPerRequest"), number(s, "allocatedBytesPerRequest"), gcStats,
                number(s, "rssBytes"), number(s, "heapUsedBytes"), number(s, "threads"));
    }

    private static Environment environment(JsonNode e) {
        JsonNode pinning = e.path("pinning");
        return new Environment(text(e, "cpuModel"), e.path("cores").asInt(0), text(e, "kernel"), text(e, "os"),
                text(e, "jdk"), jvmOptions(e.path("jvmOptions")), e.path("fdLimit").asLong(0), text(e, "hostname"),
                text(e, "gitCommit"), text(pinning, "server"), text(pinning, "load"),
                pinning.path("applied").asBoolean(false), text(pinning, "note"));
    }

    /** The schema does not say whether jvmOptions is a string or a list; accept both. */
    private static String jvmOptions(JsonNode options) {
        if (options.isArray()) {
            return String.join(" ", options.values().stream().map(JsonNode::asString).toList());
        }
        return isAbsent(options) ? "" : options.asString("");
    }

    static JsonNode readJson(Path file) {
        try {
            return JSON.readTree(file.toFile());
        } catch (JacksonException e) {
            throw new NotAResultsDirectory("cannot read " + file + ": " + e.getOriginalMessage());
        }
    }

    private static void requireSchema(JsonNode node, String expected, Path file) {
        String schema = text(node, "schema");
        if (!expected.equals(schema)) {
            throw new NotAResultsDirectory(file + ": unknown schema '" + schema + "' (expected " + expected + ")");
        }
    }

    private static boolean isAbsent(JsonNode node) {
        return node == null || node.isMissingNode() || node.isNull();
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return isAbsent(value) ? "" : value.asString("");
    }

    private static double number(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return isAbsent(value) || !value.isNumber() ? Double.NaN : value.asDouble();
    }
}
