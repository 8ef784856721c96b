package io.reactorbench.results.gate;

/** The gate's answer as a whole, with its exit code. */
public enum GateOutcome {
    /** Every check passed. */
    PASS(0),
    /**
     * Nothing failed, but some checks had too few trials to decide. Exit 0, because a one-trial run cannot show a
     * small regression either way and CI must not fail on that (gross changes fail it regardless); never printed
     * as a pass. {@code --strict} turns it into {@link #FAIL}.
     */
    INCONCLUSIVE(0),
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
