package io.reactorbench.results.gate;

import io.reactorbench.results.Results;
import io.reactorbench.results.ResultsFormatException;
import io.reactorbench.results.ResultsLayout;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads what the gate is given: a run directory, its {@code run.json}, a baseline file, or a directory of runs
 * such as {@code runs/}, which means its newest run (run directory names start with their UTC start time).
 */
public final class MeasurementSource {

    private MeasurementSource() {
    }

    public static Measurements load(Path path) {
        if (Files.isDirectory(path)) {
            return RunDirectoryReader.read(runDirectory(path));
        }
        if (!Files.exists(path)) {
            throw new ResultsFormatException(path, "no such file or directory");
        }
        if (path.getFileName().toString().equals(ResultsLayout.RUN_FILE)) {
            return RunDirectoryReader.read(path.toAbsolutePath().getParent());
        }
        return BaselineFile.read(path);
    }

    /** {@code path} itself when it holds a {@code run.json}, else the newest run directory inside it. */
    public static Path runDirectory(Path path) {
        if (Files.exists(path.resolve(ResultsLayout.RUN_FILE))) {
            return path;
        }
        List<Path> runs = Results.listRuns(path);
        if (runs.isEmpty()) {
            throw new ResultsFormatException(path, "neither a run directory (no run.json) nor a directory of runs");
        }
        return runs.getLast();
    }
}
