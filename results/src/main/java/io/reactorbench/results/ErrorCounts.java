package io.reactorbench.results;

/**
 * Counts in the measured window by the kind of error: of the errors the load generator saw ({@code errors}), or of
 * the requests those errors lost ({@code failedRequests}: every request in flight on a connection that failed, so
 * {@code connect} stays 0 there). {@code total} is their sum, kept as a field so that load.json and summary.json
 * carry it.
 */
public record ErrorCounts(long connect, long timeout, long reset, long protocol, long total) {

    public static final ErrorCounts NONE = new ErrorCounts(0, 0, 0, 0);

    public ErrorCounts(long connect, long timeout, long reset, long protocol) {
        this(connect, timeout, reset, protocol, connect + timeout + reset + protocol);
    }

    /** What happened since {@code earlier} (counts at the window's start subtracted from those at its end). */
    public ErrorCounts minus(ErrorCounts earlier) {
        return new ErrorCounts(connect - earlier.connect, timeout - earlier.timeout, reset - earlier.reset,
                protocol - earlier.protocol);
    }

    /** The sum over agents. */
    public ErrorCounts plus(ErrorCounts other) {
        return new ErrorCounts(connect + other.connect, timeout + other.timeout, reset + other.reset,
                protocol + other.protocol);
    }
}
