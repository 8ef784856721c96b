package io.reactorbench.report.render;

/** The units of the report's metrics, as tables and axis titles write them. */
public enum Unit {
    REQUESTS_PER_SECOND("req/s"),
    MILLISECONDS("ms"),
    MICROSECONDS("µs"),
    BYTES("B"),
    COUNT(""),
    PERCENT("%"),
    CONNECTIONS_PER_SECOND("conn/s");

    private final String symbol;

    Unit(String symbol) {
        this.symbol = symbol;
    }

    public String symbol() {
        return symbol;
    }
}
