package io.reactorbench.loadgen;

/**
 * wrk2's send schedule for the connections of one worker, with no per-request state.
 *
 * <p>The worker's share of the rate is a stream of events at a fixed interval; event {@code j} belongs to
 * connection {@code j % n}. So request {@code k} of connection {@code c} is intended at event {@code k*n + c}:
 * every connection sends at {@code rate / n} with its phase spread evenly over one period. A connection that
 * has fallen behind (its answer came late, or it was reconnecting) still owes every event that has passed; it
 * sends that backlog as fast as its pipeline allows, and each of those requests is measured from its own
 * intended time. That catch-up is what makes a server stall visible in the corrected histogram.
 */
public final class OpenLoopSchedule {

    private final long startNs;
    private final double intervalNs;
    private final int connections;

    /**
     * @param startNs when event 0 is due
     * @param ratePerSec requests per second over all {@code connections}
     */
    public OpenLoopSchedule(long startNs, double ratePerSec, int connections) {
        if (ratePerSec <= 0 || connections < 1) {
            throw new IllegalArgumentException("rate and connections must be positive");
        }
        this.startNs = startNs;
        this.intervalNs = 1e9 / ratePerSec;
        this.connections = connections;
    }

    /** Time at which event {@code j} is due. */
    public long eventNs(long j) {
        // Computed from j, not by adding intervals, so a fractional interval never drifts.
        return startNs + Math.round(j * intervalNs);
    }

    /** The connection event {@code j} belongs to. */
    public int connectionOf(long j) {
        return (int) (j % connections);
    }

    /** Intended send time of request {@code k} (0-based) of connection {@code c}. */
    public long intendedNs(int c, long k) {
        return eventNs(k * connections + c);
    }

    /** How many requests connection {@code c} owes once events {@code 0 .. eventsPassed-1} have passed. */
    public long dueRequests(int c, long eventsPassed) {
        return eventsPassed > c ? (eventsPassed - 1 - c) / connections + 1 : 0;
    }

    public double intervalNs() {
        return intervalNs;
    }
}
