package io.reactorbench.results.gate;

/** The gate's answer as a whole, with its exit code. */
public enum GateOutcome {
    /** Every check passed (inconclusive checks, if any, are listed as warnings). */
    PASS(0),
    /** A regression or a broken budget (or, with {@code --strict}, an inconclusive check). */
    FAIL(1),
    /** The inputs cannot be judged: missing cells, unreadable files, an incomplete run. */
    CANNOT_JUDGE(2);

    private final int exitCode;

    GateOutcome(int exitCode) {
        this.exitCode = exitCode;
    }

    public int exitCode() {
        return exitCode;
    }
}
