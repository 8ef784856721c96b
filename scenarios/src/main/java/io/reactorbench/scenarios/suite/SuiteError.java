package io.reactorbench.scenarios.suite;

/**
 * A suite file that cannot be run, reported as {@code file:line: sentence} before anything starts.
 * An {@link IllegalArgumentException}, so the CLI prints it as one line and exits 2.
 */
public final class SuiteError extends IllegalArgumentException {

    private final int line;
    private final String sentence;

    public SuiteError(String source, int line, String sentence) {
        super(source + ":" + line + ": " + sentence);
        this.line = line;
        this.sentence = sentence;
    }

    /** Where in the file; negative for a value that came from a {@code --set} override (see {@link SuiteOverrides}). */
    public int line() {
        return line;
    }

    /** The message without its {@code file:line:} prefix. */
    public String sentence() {
        return sentence;
    }
}
