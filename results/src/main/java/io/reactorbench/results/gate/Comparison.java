package io.reactorbench.results.gate;

/** The comparison of a budget: the candidate's value must satisfy {@code value <op> limit}. */
public enum Comparison {
    LESS("<"),
    LESS_OR_EQUAL("<="),
    GREATER(">"),
    GREATER_OR_EQUAL(">="),
    EQUAL("=="),
    NOT_EQUAL("!=");

    private final String symbol;

    Comparison(String symbol) {
        this.symbol = symbol;
    }

    public String symbol() {
        return symbol;
    }

    public boolean holds(double value, double limit) {
        return switch (this) {
            case LESS -> value < limit;
            case LESS_OR_EQUAL -> value <= limit;
            case GREATER -> value > limit;
            case GREATER_OR_EQUAL -> value >= limit;
            case EQUAL -> value == limit;
            case NOT_EQUAL -> value != limit;
        };
    }

    /**
     * How a median that does not hold breaks this budget, in the reader's words: above a ceiling, below a floor
     * ({@code ==} is either, by the side the value is on), or on the value {@code !=} forbids.
     */
    public Verdict breach(double value, double limit) {
        return switch (this) {
            case LESS, LESS_OR_EQUAL -> Verdict.OVER_BUDGET;
            case GREATER, GREATER_OR_EQUAL -> Verdict.BELOW_FLOOR;
            case EQUAL -> value > limit ? Verdict.OVER_BUDGET : Verdict.BELOW_FLOOR;
            case NOT_EQUAL -> Verdict.FORBIDDEN_VALUE;
        };
    }

    /** The comparison spelled {@code symbol}, or null. */
    public static Comparison bySymbol(String symbol) {
        for (Comparison comparison : values()) {
            if (comparison.symbol.equals(symbol)) {
                return comparison;
            }
        }
        return null;
    }
}
