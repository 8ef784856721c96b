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
    CEILING;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether latency is measured from an intended send time (coordinated omission corrected). */
    public boolean scheduled() {
        return this == OPEN || this == IDLE || this == CEILING;
    }

    public static LoadModel parse(String text) {
        for (LoadModel model : values()) {
            if (model.id().equalsIgnoreCase(text.trim())) {
                return model;
            }
        }
        throw new IllegalArgumentException("unknown model '" + text
                + "' (expected closed, open, idle, churn, slowread or ceiling)");
    }
}
