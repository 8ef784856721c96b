package io.reactorbench.report.model;

/** Failed requests of one trial by kind. */
public record ErrorCounts(long connect, long timeout, long reset, long protocol, long total) {

    public static final ErrorCounts NONE = new ErrorCounts(0, 0, 0, 0, 0);
}
