package io.reactorbench.results.gate;

import io.reactorbench.results.ResultsFormatException;
import io.reactorbench.results.ResultsLayout;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads what the gate is given: a run directory, its {@code run.json}, or a baseline file. */
public final class MeasurementSource {

    private MeasurementSource() {
    }

    public static Measurements load(Path path) {
        if (Files.isDirectory(path)) {
            return RunDirectoryReader.read(path);
        }
        if (!Files.exists(path)) {
            throw new ResultsFormatException(path, "no such file or directory");
        }
        if (path.getFileName().toString().equals(ResultsLayout.RUN_FILE)) {
            return RunDirectoryReader.read(path.toAbsolutePath().getParent());
        }
        return BaselineFile.read(path);
    }
}
