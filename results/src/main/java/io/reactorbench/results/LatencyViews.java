package io.reactorbench.results;

/**
 * The two views of latency kept side by side (after wrk2): from the intended send time, which a stalled
 * server cannot hide from, and from the actual send.
 *
 * @param corrected   from the intended send time (open loop); null for closed loop, where it is undefined
 * @param uncorrected from the actual send
 */
public record LatencyViews(LatencySummary corrected, LatencySummary uncorrected) {

    /** Corrected when there is one, otherwise uncorrected: the view to rank designs by. */
    public LatencySummary preferred() {
        return corrected != null ? corrected : uncorrected;
    }
}
