package io.reactorbench.cli;

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
     * Appends to an existing file (GitHub's {@code $GITHUB_STEP_SUMMARY} is one file shared by every step of a
     * job, and replacing it would erase the other steps' summaries), else creates it.
     */
    static void appendOrWrite(Path file, String text) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.writeString(file, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}
