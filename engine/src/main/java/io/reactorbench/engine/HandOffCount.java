package io.reactorbench.engine;

/**
 * Connections an acceptor has handed to one loop that the loop has not taken yet (they wait in its task queue).
 * Least-connections counts them with the loop's open connections: one accept event hands over up to
 * {@link Acceptor#MAX_ACCEPTS_PER_EVENT} connections before any target loop has run, and a count that rose only
 * when a loop adopted would send such a burst to one loop. Two counters, each with one writer, so neither side
 * needs a CAS: the acceptor's thread counts hand-overs, the loop counts what it took (registered or dropped).
 */
final class HandOffCount {

    /** Written by the acceptor's thread only. */
    private volatile long handedOver;
    /**
     * Written by the receiving loop only, after the connection is in its table: a reader that sees this count sees
     * the table's size with the connection in it, so a connection is at worst counted twice for a moment, never
     * missed.
     */
    private volatile long taken;

    /** On the acceptor's thread, before the connection is queued for the loop. */
    void onHandedOver() {
        handedOver = handedOver + 1;
    }

    /** On the loop, once the connection is in its table or was dropped. */
    void onTaken() {
        taken = taken + 1;
    }

    /** Handed over and not taken yet. Reads {@code taken} first: a later hand-over can only make it larger. */
    int pending() {
        long takenSoFar = taken;
        return (int) (handedOver - takenSoFar);
    }
}
