package io.reactorbench.results;

import java.nio.file.Path;

/**
 * A results file that cannot be understood: missing, unparseable, or of an unknown schema version. The
 * message is one line that names the file, fit to print as a user error (exit 2 in the CLI, "cannot be
 * judged" in the gate). Extends {@link IllegalArgumentException} so the CLI reports it without a stack trace.
 */
public final class ResultsFormatException extends IllegalArgumentException {

    private final Path file;

    public ResultsFormatException(Path file, String problem) {
        super(file + ": " + problem);
        this.file = file;
    }

    /** The file that could not be read. */
    public Path file() {
        return file;
    }
}
