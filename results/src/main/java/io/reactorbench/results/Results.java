package io.reactorbench.results;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.HdrHistogram.EncodableHistogram;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogReader;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Readers of a results directory: what the report, {@code compare}, {@code baseline save} and the gate use.
 * Every reader fails with a {@link ResultsFormatException} (one line naming the file) when a file is missing,
 * unparseable or of an unknown schema. Incomplete runs load like complete ones: look at
 * {@link RunManifest#status()}.
 */
public final class Results {

    private Results() {
    }

    /** Reads {@code run.json}; {@code path} is the run directory or the file itself. */
    public static RunManifest readRun(Path path) {
        Path file = Files.isDirectory(path) ? path.resolve(ResultsLayout.RUN_FILE) : path;
        return read(file, List.of(SchemaVersions.RUN), RunManifest.class);
    }

    /** Reads one cell's {@code summary.json}; {@code path} is the cell directory or the file itself. */
    public static CellSummary readSummary(Path path) {
        Path file = Files.isDirectory(path) ? path.resolve(ResultsLayout.SUMMARY_FILE) : path;
        return read(file, SchemaVersions.SUMMARY_READABLE, CellSummary.class);
    }

    /** The cells of a run, in run order, as listed in its {@code run.json}. */
    public static List<CellRef> listCells(Path runDir) {
        return readRun(runDir).cells();
    }

    /** The summary of a cell of a run, or empty when the cell has none (stopped before it was written). */
    public static Optional<CellSummary> readSummary(Path runDir, CellRef cell) {
        Path file = ResultsLayout.cellPath(runDir, cell).resolve(ResultsLayout.SUMMARY_FILE);
        return Files.exists(file) ? Optional.of(readSummary(file)) : Optional.empty();
    }

    /** Every summary of a run that exists, failed cells included, in run order. */
    public static List<CellSummary> readSummaries(Path runDir) {
        List<CellSummary> summaries = new ArrayList<>();
        for (CellRef cell : listCells(runDir)) {
            readSummary(runDir, cell).ifPresent(summaries::add);
        }
        return summaries;
    }

    /** Path of a cell's HdrHistogram interval log (may not exist for failed or idle cells). */
    public static Path latencyLog(Path runDir, CellRef cell) {
        return ResultsLayout.cellPath(runDir, cell).resolve(ResultsLayout.LATENCY_LOG_FILE);
    }

    /** Path of a cell's probe samples. */
    public static Path probeLog(Path runDir, CellRef cell) {
        return ResultsLayout.cellPath(runDir, cell).resolve(ResultsLayout.PROBE_FILE);
    }

    /**
     * The intervals of an HdrHistogram log, in order (values in ns). With a {@code tag}, only intervals carrying
     * that tag; with null, every interval.
     */
    public static List<Histogram> readLatencyIntervals(Path hlog, String tag) {
        List<Histogram> intervals = new ArrayList<>();
        try {
            HistogramLogReader reader = new HistogramLogReader(hlog.toFile());
            EncodableHistogram next;
            while ((next = reader.nextIntervalHistogram()) != null) {
                if (next instanceof Histogram histogram && (tag == null || tag.equals(histogram.getTag()))) {
                    intervals.add(histogram);
                }
            }
        } catch (IOException | RuntimeException e) {
            throw new ResultsFormatException(hlog, "cannot read histogram log: " + e.getMessage());
        }
        return intervals;
    }

    /** All intervals of a log added into one histogram (ns), or an empty histogram when the log has none. */
    public static Histogram readLatencyHistogram(Path hlog, String tag) {
        Histogram total = new Histogram(3);
        readLatencyIntervals(hlog, tag).forEach(total::add);
        return total;
    }

    /** Reads {@code server.jsonl}; blank lines are skipped. */
    public static List<ProbeSample> readProbeSamples(Path jsonl) {
        List<ProbeSample> samples = new ArrayList<>();
        try (BufferedReader reader = Files.newBufferedReader(jsonl, StandardCharsets.UTF_8)) {
            String line;
            int number = 0;
            while ((line = reader.readLine()) != null) {
                number++;
                if (line.isBlank()) {
                    continue;
                }
                try {
                    samples.add(ResultsJson.mapper().readValue(line, ProbeSample.class));
                } catch (JacksonException e) {
                    throw new ResultsFormatException(jsonl, "line " + number + " is not a probe sample: "
                            + e.getOriginalMessage());
                }
            }
        } catch (NoSuchFileException e) {
            throw new ResultsFormatException(jsonl, "no such file");
        } catch (IOException e) {
            throw new ResultsFormatException(jsonl, "cannot read: " + e.getMessage());
        }
        return samples;
    }

    /** Run directories under a parent such as {@code runs/}, oldest first (their names start with the UTC time). */
    public static List<Path> listRuns(Path parent) {
        if (!Files.isDirectory(parent)) {
            return List.of();
        }
        try (Stream<Path> children = Files.list(parent)) {
            return children.filter(p -> Files.isRegularFile(p.resolve(ResultsLayout.RUN_FILE))).sorted().toList();
        } catch (IOException e) {
            throw new ResultsFormatException(parent, "cannot list: " + e.getMessage());
        }
    }

    private static <T> T read(Path file, List<String> readableSchemas, Class<T> type) {
        JsonNode tree;
        try {
            tree = ResultsJson.mapper().readTree(Files.readString(file));
        } catch (NoSuchFileException e) {
            throw new ResultsFormatException(file, "no such file");
        } catch (IOException e) {
            throw new ResultsFormatException(file, "cannot read: " + e.getMessage());
        } catch (JacksonException e) {
            throw new ResultsFormatException(file, "not valid JSON: " + JsonProblems.describe(e));
        }
        if (tree == null || !tree.isObject()) {
            throw new ResultsFormatException(file, "not a JSON object");
        }
        String schema = tree.path("schema").asString(null);
        if (!readableSchemas.contains(schema)) {
            throw new ResultsFormatException(file, "unknown schema " + (schema == null ? "(none)" : "'" + schema + "'")
                    + ", this reader understands " + String.join(", ", readableSchemas.stream()
                    .map(v -> "'" + v + "'").toList()));
        }
        try {
            return ResultsJson.mapper().treeToValue(tree, type);
        } catch (JacksonException e) {
            throw new ResultsFormatException(file, "does not match schema " + schema + ": "
                    + JsonProblems.describe(e));
        }
    }
}
