package io.reactorbench.loadgen;

import java.util.Locale;

/** How requests are paced. */
public enum LoadModel {
    /** Next request when the previous answer is complete (pipeline depth D keeps D outstanding). */
    CLOSED,
    /** Constant total rate on wrk2's schedule; latency from the intended send time. */
    OPEN,
    /** N connections, each sends a small request every heartbeat period. */
    IDLE,
    /** Connect, one request, close, repeat. */
    CHURN,
    /**
     * Slow reader: each connection sends as fast as its socket accepts (up to a cap on bytes in flight) and reads
     * the answers at a throttled rate, to see that the server's memory stays bounded (it must stop reading, not
     * buffer) and that it keeps serving. Measures bytes and send stalls; latency means nothing here.
     */
    SLOWREAD,
    /**
     * Connection ceiling: ramps connections in steps ({@link CeilingPlan}) at the connect rate; at each step every
     * connection answers one verification echo, then an open-loop rate runs over connections chosen at random for
     * the hold, latency corrected as in {@link #OPEN}. Stops at the first step it cannot complete, and says why.
     */
    CEILING,
    /**
     * Rate sweep (issue 19 B): the connections open once, then open-loop rates run as steps ({@link SweepPlan}), each
     * with its own warm-up and measured window and latency corrected as in {@link #OPEN}: a fixed list of rates, or
     * a search of the highest rate that meets an objective ({@link RateSearch}). One request at a time per
     * connection, sent on a connection chosen at random among the idle ones, as in a ceiling's hold.
     */
    SWEEP;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether latency is measured from an intended send time (coordinated omission corrected). */
    public boolean scheduled() {
        return this == OPEN || this == IDLE || this == CEILING || this == SWEEP;
    }

    public static LoadModel parse(String text) {
        for (LoadModel model : values()) {
            if (model.id().equalsIgnoreCase(text.trim())) {
                return model;
            }
        }
        throw new IllegalArgumentException("unknown model '" + text
                + "' (expected closed, open, idle, churn, slowread, ceiling or sweep)");
    }
}
