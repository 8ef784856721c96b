package io.reactorbench.engine;

/**
 * The layout of a connection id ({@link Conn#id()}, the handle {@link Engine#asyncWrite}, {@link Engine#wake} and
 * {@link Engine#asyncClose} take): the owning loop's index (8 bits), the slot's generation (32 bits) and the slot
 * (24 bits) in one long. A slot is reused once its connection closes, and the generation is what tells an id of the
 * old connection from one of the new: it is bumped on every close, so a stale id stays rejected until its slot has
 * been reused 2^32 times (with the 16 bits it had before, 65,536 reuses: 13 s at 5,000 connections a second through
 * one slot). The slot bits cap a loop at 16,777,216 sockets and the loop bits an engine at 256 loops.
 */
final class ConnectionId {

    static final int LOOP_BITS = 8;
    static final int SLOT_BITS = 24;
    static final int MAX_LOOPS = 1 << LOOP_BITS;
    static final int MAX_SLOTS = 1 << SLOT_BITS;
    private static final long SLOT_MASK = MAX_SLOTS - 1;

    private ConnectionId() {
    }

    static long of(int loopIndex, int generation, int slot) {
        return ((long) loopIndex << (64 - LOOP_BITS)) | ((generation & 0xFFFFFFFFL) << SLOT_BITS) | (slot & SLOT_MASK);
    }

    static int loopIndex(long connId) {
        return (int) (connId >>> (64 - LOOP_BITS));
    }

    static int generation(long connId) {
        return (int) (connId >>> SLOT_BITS);
    }

    static int slot(long connId) {
        return (int) (connId & SLOT_MASK);
    }
}
