package io.reactorbench.results;

/** Errors seen by the load generator in the measured window, by kind. */
public record ErrorCounts(long connect, long timeout, long reset, long protocol, long total) {

    public static final ErrorCounts NONE = new ErrorCounts(0, 0, 0, 0, 0);
}
