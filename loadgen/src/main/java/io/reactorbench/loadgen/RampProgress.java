package io.reactorbench.loadgen;

/**
 * Whether a ceiling step's count (connections open, connections verified) is still getting somewhere. Progress is a
 * new high, not movement: a count that goes down and back up (connections a server closes and the load generator
 * opens again) moves forever without reaching its target, and a wait that took any movement for progress would never
 * end. (A threads-prefork step of the million suite waited 13 minutes on 2026-12-05 without printing a step line;
 * whether this was why is not known, but no step may wait without a bound.) A count that set no new high for
 * {@code stallNs} has stalled.
 */
final class RampProgress {

    private final long stallNs;
    private int best;
    private long lastHighNs;

    RampProgress(int start, long startNs, long stallNs) {
        this.best = start;
        this.lastHighNs = startNs;
        this.stallNs = stallNs;
    }

    /** Takes the count seen at {@code nowNs}; true when it has set no new high for longer than the stall time. */
    boolean stalled(int count, long nowNs) {
        if (count > best) {
            best = count;
            lastHighNs = nowNs;
        }
        return nowNs - lastHighNs > stallNs;
    }
}
