package io.reactorbench.results;

import java.nio.file.Path;

/** File names inside a run directory, in one place (see {@code docs/results-schema.md}). */
public final class ResultsLayout {

    public static final String RUN_FILE = "run.json";
    public static final String SUMMARY_FILE = "summary.json";
    public static final String LATENCY_LOG_FILE = "latency.hlog";
    public static final String PROBE_FILE = "server.jsonl";
    public static final String REPORT_DIR = "report";

    private ResultsLayout() {
    }

    /** Relative directory of a cell: {@code <scenario>[@<variant>]/<design>/trial-<k>}. */
    public static String cellDir(String scenarioKey, String design, int trial) {
        return safe(scenarioKey) + "/" + safe(design) + "/trial-" + trial;
    }

    public static Path cellPath(Path runDir, CellRef cell) {
        return runDir.resolve(cell.dir());
    }

    /** Keeps directory names portable: an {@code external:} design's command may hold any character. */
    static String safe(String name) {
        String cleaned = name.replaceAll("[^A-Za-z0-9@=._,+-]", "_");
        return cleaned.length() > 80 ? cleaned.substring(0, 80) : cleaned;
    }
}
