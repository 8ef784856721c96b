package io.reactorbench.cli;

/** An error caused by the user's input: printed as one line, exit code 2, no stack trace. */
public final class UserError extends RuntimeException {

    private final int exitCode;

    public UserError(String message) {
        this(message, Main.EXIT_USAGE);
    }

    public UserError(String message, int exitCode) {
        super(message, null, false, false);
        this.exitCode = exitCode;
    }

    public int exitCode() {
        return exitCode;
    }
}
