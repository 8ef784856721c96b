package io.reactorbench.scenarios.suite;

/**
 * A suite file that cannot be run, reported as {@code file:line: sentence} before anything starts.
 * An {@link IllegalArgumentException}, so the CLI prints it as one line and exits 2.
 */
public final class SuiteError extends IllegalArgumentException {

    public SuiteError(String source, int line, String sentence) {
        super(source + ":" + line + ": " + sentence);
    }
}
