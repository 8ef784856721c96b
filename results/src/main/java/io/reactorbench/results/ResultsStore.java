package io.reactorbench.results;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

/**
 * Writes a run directory. Whole files ({@code run.json}, {@code summary.json}) are written atomically;
 * {@code server.jsonl} is appended line by line while a cell runs (a torn last line can only happen on a
 * crash, and readers report it with its line number).
 */
public final class ResultsStore {

    private static final DateTimeFormatter DIR_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private final Path runDir;

    private ResultsStore(Path runDir) {
        this.runDir = runDir;
    }

    /** Creates {@code <parent>/<UTC yyyyMMdd-HHmmss>-<suite>/}, adding a counter if that name is taken. */
    public static ResultsStore create(Path parent, String suite, ZonedDateTime startedAt) {
        String base = DIR_TIME.format(startedAt.withZoneSameInstant(ZoneOffset.UTC)) + "-" + ResultsLayout.safe(suite);
        try {
            Files.createDirectories(parent);
            for (int attempt = 0; ; attempt++) {
                Path dir = parent.resolve(attempt == 0 ? base : base + "-" + (attempt + 1));
                try {
                    Files.createDirectory(dir);
                    return new ResultsStore(dir);
                } catch (java.nio.file.FileAlreadyExistsException taken) {
                    // another run started in the same second: try the next name
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a run directory under " + parent + ": " + e.getMessage(), e);
        }
    }

    /** Opens an existing run directory for writing (e.g. tests, or re-writing a manifest). */
    public static ResultsStore open(Path runDir) {
        return new ResultsStore(runDir);
    }

    public Path runDir() {
        return runDir;
    }

    public String id() {
        return runDir.getFileName().toString();
    }

    public Path cellDir(CellRef cell) {
        return ResultsLayout.cellPath(runDir, cell);
    }

    public void writeRun(RunManifest manifest) {
        AtomicFiles.writeString(runDir.resolve(ResultsLayout.RUN_FILE), ResultsJson.mapper().writeValueAsString(manifest) + "\n");
    }

    public void writeSummary(Path cellDir, CellSummary summary) {
        AtomicFiles.writeString(cellDir.resolve(ResultsLayout.SUMMARY_FILE), ResultsJson.mapper().writeValueAsString(summary) + "\n");
    }

    /** Appends one line to a cell's {@code server.jsonl}. */
    public void appendProbeSample(Path cellDir, ProbeSample sample) {
        String line = ResultsJson.compact().writeValueAsString(sample) + "\n";
        try {
            Files.createDirectories(cellDir);
            Files.writeString(cellDir.resolve(ResultsLayout.PROBE_FILE), line, StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append to " + cellDir.resolve(ResultsLayout.PROBE_FILE) + ": "
                    + e.getMessage(), e);
        }
    }
}
