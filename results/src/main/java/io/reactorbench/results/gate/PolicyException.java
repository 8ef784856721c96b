package io.reactorbench.results.gate;

/** A policy file that cannot be used: one line, {@code file:line: reason}, fit to print as a user error. */
public final class PolicyException extends IllegalArgumentException {

    public PolicyException(String source, int line, String reason) {
        super(source + (line > 0 ? ":" + line : "") + ": " + reason);
    }
}
