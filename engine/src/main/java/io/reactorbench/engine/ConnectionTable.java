package io.reactorbench.engine;

import java.util.Arrays;

/**
 * Every connection (and listener) of one loop, in flat arrays indexed by slot — a small number the loop's poller
 * reuses ({@link SlotAllocator}; the epoll poller maps it to the fd and gets it back as epoll data) — instead of
 * gnet's {@code map[int]*conn} (kept as a measured ablation: {@link MappedConnections}): no entry object, no
 * boxing, nothing for the GC to chase but a few arrays. An idle connection costs one element of each array
 * (about 50 bytes, 4 of them the generation, 4 the linger count); inbound and outbound buffers are referenced only
 * while they hold bytes.
 *
 * <p>Loop-confined, except {@link #size()} which the load balancer reads from the acceptor thread.
 */
final class ConnectionTable {

    static final byte KIND_FREE = 0;
    static final byte KIND_CONNECTION = 1;
    static final byte KIND_LISTENER = 2;
    /** A UDP socket: each datagram is one onTraffic. */
    static final byte KIND_DATAGRAM = 3;

    // Bits 0-4 of a state word are the connection's lifecycle (phase and read gates): see ConnectionLifecycle.

    /** Write interest is registered with the poller. */
    static final int WANTS_WRITE = 1 << 5;
    /** Read interest is registered with the poller. */
    static final int WANTS_READ = 1 << 6;

    private static final int INITIAL_CAPACITY = 64;

    private byte[] kind = new byte[INITIAL_CAPACITY];
    private int[] state = new int[INITIAL_CAPACITY];
    private int[] generation = new int[INITIAL_CAPACITY];
    private long[] lastActiveNs = new long[INITIAL_CAPACITY];
    /**
     * Bytes read and dropped since the connection started {@link ConnectionLifecycle#LINGERING}, for the linger
     * rule's byte cap; an int (4 B per connection, not 8) because the cap (1 MiB) closes the connection long before it
     * could overflow.
     */
    private int[] lingeredBytes = new int[INITIAL_CAPACITY];
    private Object[] context = new Object[INITIAL_CAPACITY];
    private Chunk[] inbound = new Chunk[INITIAL_CAPACITY];
    private OutboundBuffer[] outbound = new OutboundBuffer[INITIAL_CAPACITY];
    private volatile int size;

    int capacity() {
        return kind.length;
    }

    /** Open connections (not listeners). */
    int size() {
        return size;
    }

    void addConnection(int slot, long nowNs) {
        ensureCapacity(slot + 1);
        if (kind[slot] != KIND_FREE) {
            throw new IllegalStateException("slot " + slot + " is in use");
        }
        kind[slot] = KIND_CONNECTION;
        state[slot] = 0;
        lastActiveNs[slot] = nowNs;
        lingeredBytes[slot] = 0;
        size = size + 1; // single writer: the loop thread
    }

    void addListener(int slot) {
        ensureCapacity(slot + 1);
        kind[slot] = KIND_LISTENER;
        state[slot] = 0;
    }

    void addDatagram(int slot) {
        ensureCapacity(slot + 1);
        kind[slot] = KIND_DATAGRAM;
        state[slot] = 0;
    }

    /**
     * Frees the slot; the caller has already given back its buffers. Bumps the generation so old ids die (it wraps
     * after 2^32 reuses of the slot; see {@link ConnectionId}).
     */
    void remove(int slot) {
        if (kind[slot] == KIND_CONNECTION) {
            size = size - 1;
        }
        kind[slot] = KIND_FREE;
        state[slot] = 0;
        generation[slot]++;
        context[slot] = null;
        inbound[slot] = null;
        outbound[slot] = null;
    }

    byte kind(int slot) {
        return slot < kind.length ? kind[slot] : KIND_FREE;
    }

    int generation(int slot) {
        return generation[slot];
    }

    /** The state word: {@link ConnectionLifecycle}'s phase and read gates, and the poller interest bits. */
    int state(int slot) {
        return state[slot];
    }

    void state(int slot, int word) {
        state[slot] = word;
    }

    boolean has(int slot, int flags) {
        return (state[slot] & flags) != 0;
    }

    void set(int slot, int flags) {
        state[slot] |= flags;
    }

    void clear(int slot, int flags) {
        state[slot] &= ~flags;
    }

    long lastActiveNs(int slot) {
        return lastActiveNs[slot];
    }

    void touch(int slot, long nowNs) {
        lastActiveNs[slot] = nowNs;
    }

    /** Adds {@code bytes} to what the lingering connection has dropped; returns the total. */
    long addLingeredBytes(int slot, int bytes) {
        return lingeredBytes[slot] += bytes;
    }

    Object context(int slot) {
        return context[slot];
    }

    void context(int slot, Object value) {
        context[slot] = value;
    }

    Chunk inbound(int slot) {
        return inbound[slot];
    }

    void inbound(int slot, Chunk chunk) {
        inbound[slot] = chunk;
    }

    OutboundBuffer outbound(int slot) {
        return outbound[slot];
    }

    void outbound(int slot, OutboundBuffer buffer) {
        outbound[slot] = buffer;
    }

    private void ensureCapacity(int needed) {
        if (needed <= kind.length) {
            return;
        }
        int newCapacity = Math.max(needed, kind.length * 2);
        kind = Arrays.copyOf(kind, newCapacity);
        state = Arrays.copyOf(state, newCapacity);
        generation = Arrays.copyOf(generation, newCapacity);
        lastActiveNs = Arrays.copyOf(lastActiveNs, newCapacity);
        lingeredBytes = Arrays.copyOf(lingeredBytes, newCapacity);
        context = Arrays.copyOf(context, newCapacity);
        inbound = Arrays.copyOf(inbound, newCapacity);
        outbound = Arrays.copyOf(outbound, newCapacity);
    }
}
