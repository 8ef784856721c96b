package io.reactorbench.report.read;

/** The path given is not a results directory (or a file in it is not one the report can read). */
public final class NotAResultsDirectory extends IllegalArgumentException {

    public NotAResultsDirectory(String message) {
        super(message);
    }
}
