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
