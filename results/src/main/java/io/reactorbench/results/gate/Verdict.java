package io.reactorbench.results.gate;

/** The verdict of one check on one cell. */
public enum Verdict {
    PASS("pass", false),
    /** A regression rule: the candidate is worse than its baseline beyond the threshold and the trials' spread. */
    REGRESSION("REGRESSION", true),
    /** A budget rule with a ceiling ({@code <}, {@code <=}): the candidate's median is above it. */
    OVER_BUDGET("OVER BUDGET", true),
    /** A budget rule with a floor ({@code >}, {@code >=}): the candidate's median is below it. */
    BELOW_FLOOR("BELOW FLOOR", true),
    /** A budget rule {@code !=}: the candidate's median is the one value it may not be. */
    FORBIDDEN_VALUE("FORBIDDEN VALUE", true),
    /**
     * Too few trials to tell, or a latency measured by a load generator that fell behind its schedule; not a pass.
     * Fails the gate only with {@code --strict}.
     */
    INCONCLUSIVE("inconclusive", false);

    private final String label;
    private final boolean fails;

    Verdict(String label, boolean fails) {
        this.label = label;
        this.fails = fails;
    }

    /** As printed; failing verdicts in capitals so they stand out in a long table. */
    public String label() {
        return label;
    }

    /** Whether this verdict fails the gate on its own. */
    public boolean fails() {
        return fails;
    }
}
