package io.reactorbench.cli;

import io.reactorbench.results.AtomicFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** Writing the gate's Markdown where CI wants it. */
final class GateOutputFiles {

    private GateOutputFiles() {
    }

    /**
     * Appends when {@code file} is GitHub's job summary ({@code $GITHUB_STEP_SUMMARY}, which other commands of the
     * same step may have written to, and which GitHub's own convention appends to); replaces any other file, so
     * that running the gate twice does not leave two tables in it.
     */
    static void writeMarkdown(Path file, String text, String stepSummaryPath) {
        boolean stepSummary = stepSummaryPath != null && !stepSummaryPath.isBlank()
                && Path.of(stepSummaryPath).toAbsolutePath().normalize().equals(file.toAbsolutePath().normalize());
        if (!stepSummary) {
            AtomicFiles.writeString(file, text);
            return;
        }
        try {
            Files.writeString(file, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}
