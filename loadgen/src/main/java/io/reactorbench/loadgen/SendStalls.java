package io.reactorbench.loadgen;

import java.util.BitSet;

/**
 * slowread: how long each connection's socket refused more request bytes. A stall starts when a write leaves bytes
 * unwritten (the send buffer is full because the server stopped reading: backpressure) and ends when the socket
 * accepts bytes again, or the connection closes, or the run ends. Also which connections reached their in-flight
 * cap instead: there the server kept reading what its client did not read, which is what costs it memory.
 * One worker thread writes it; read after that thread has been joined.
 */
final class SendStalls {

    /** Start of the slot's current stall, 0 when it is not stalled. */
    private final long[] stallStartNs;
    private final BitSet reachedCap;
    private long stalls;
    private long totalNs;
    private long longestNs;

    SendStalls(int slots) {
        stallStartNs = new long[slots];
        reachedCap = new BitSet(slots);
    }

    /** A write left bytes unwritten. */
    void onRefused(int slot, long nowNs) {
        if (stallStartNs[slot] == 0) {
            stallStartNs[slot] = nowNs == 0 ? 1 : nowNs;
            stalls++;
        }
    }

    /** The socket took bytes again, or is gone: the slot's stall, if any, ends now. */
    void onAccepted(int slot, long nowNs) {
        long startNs = stallStartNs[slot];
        if (startNs != 0) {
            long ns = Math.max(0, nowNs - startNs);
            totalNs += ns;
            longestNs = Math.max(longestNs, ns);
            stallStartNs[slot] = 0;
        }
    }

    /** Everything the slot may have in flight is written and unanswered. */
    void onCapReached(int slot) {
        reachedCap.set(slot);
    }

    long stalls() {
        return stalls;
    }

    long totalNs() {
        return totalNs;
    }

    long longestNs() {
        return longestNs;
    }

    int connectionsAtCap() {
        return reachedCap.cardinality();
    }
}
