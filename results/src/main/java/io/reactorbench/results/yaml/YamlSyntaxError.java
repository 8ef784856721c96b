package io.reactorbench.results.yaml;

/**
 * Text that is not the YAML {@link YamlReader} accepts, at a line of the document. The reader knows no file name:
 * the caller turns this into its own {@code file:line: reason} error (a suite's, a policy's).
 */
public final class YamlSyntaxError extends RuntimeException {

    private final int line;

    public YamlSyntaxError(int line, String reason) {
        super(reason, null, false, false);
        this.line = line;
    }

    /** 1-based line of the offending character. */
    public int line() {
        return line;
    }

    /** Why, in a sentence, without a location. */
    public String reason() {
        return getMessage();
    }
}
