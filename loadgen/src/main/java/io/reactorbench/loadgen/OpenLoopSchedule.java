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
    /** Null for a constant rate; else the run's whole rate over time, of which this schedule has {@link #share}. */
    private final RateStages stages;
    private final double share;
    private final double phaseEvents;

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
        this.stages = null;
        this.share = 1;
        this.phaseEvents = 0;
    }

    /**
     * A schedule whose rate follows {@code stages} (total over all workers; time 0 = {@code runStartNs}), of which
     * this one takes {@code share}, offset by {@code phaseEvents} events of the total so workers interleave.
     */
    public OpenLoopSchedule(long runStartNs, RateStages stages, double share, double phaseEvents, int connections) {
        if (!(share > 0) || connections < 1) {
            throw new IllegalArgumentException("share and connections must be positive");
        }
        this.startNs = runStartNs;
        this.intervalNs = 1e9 / (stages.peakPerSec() * share);
        this.connections = connections;
        this.stages = stages;
        this.share = share;
        this.phaseEvents = phaseEvents;
    }

    /** Time at which event {@code j} is due. */
    public long eventNs(long j) {
        if (stages != null) {
            long offsetNs = stages.timeOfEventNs(phaseEvents + j / share);
            return offsetNs == Long.MAX_VALUE ? Long.MAX_VALUE : startNs + offsetNs;
        }
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

    /** Time between events at the highest rate of the schedule. */
    public double intervalNs() {
        return intervalNs;
    }
}
