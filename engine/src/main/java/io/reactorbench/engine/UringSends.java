package io.reactorbench.engine;

import static io.reactorbench.engine.UringSlots.CLOSING;
import static io.reactorbench.engine.UringSlots.CONNECTION;
import static io.reactorbench.engine.UringSlots.WANT_WRITE;
import static io.reactorbench.engine.UringSlots.WRITE_READY;

import io.reactorbench.sys.IoUring;
import io.reactorbench.sys.LinuxSys;
import io.reactorbench.sys.SocketFlags;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.ArrayDeque;
import java.util.Arrays;

/**
 * The uring poller's outgoing bytes: a write copies into the connection's native staging block and returns at
 * once; the loop's next poll sends the staged bytes with one SEND per connection, submitted together with the
 * wait. One send per connection is in flight at a time (two sends on one stream socket could complete out of
 * order), and bytes written meanwhile wait behind it in the block. The block is bounded, so a connection whose peer
 * does not read fills it and then gets 0 from write, as from a full socket buffer: the engine's OutboundBuffer, its
 * water marks and backpressure work unchanged above it. Blocks are lent only while bytes are staged and come back to
 * a pool, so an idle connection holds none, and steady traffic allocates nothing. Loop-confined.
 */
final class UringSends {

    /** Staged bytes per connection at most: like a socket send buffer, and what one SEND carries. */
    static final int STAGING_BYTES = 16 * 1024;
    /** Blocks allocated at a time when the pool is empty (native memory, kept for the loop's life). */
    private static final int BLOCKS_PER_GROWTH = 64;
    @SuppressWarnings("restricted")
    private static final MemorySegment EVERYWHERE = MemorySegment.NULL.reinterpret(Long.MAX_VALUE);

    private final Arena arena;
    private final IoUring ring;
    private final UringSlots slots;
    private final ArrayDeque<MemorySegment> pool = new ArrayDeque<>();
    /** Per slot: its block (null: nothing staged), sent up to {@code start}, staged up to {@code end}. */
    private MemorySegment[] block = new MemorySegment[0];
    private int[] start = new int[0];
    private int[] end = new int[0];
    /** Per slot: bytes of the send in flight (0: none). */
    private int[] inFlight = new int[0];
    /** Per slot: the -errno a send failed with (0: none), and whether shutdown(SHUT_WR) waits for the sends. */
    private int[] failure = new int[0];
    private boolean[] shutdownWhenSent = new boolean[0];
    /** Slots with staged bytes and no send in flight: the next poll sends them. */
    private int[] queued = new int[64];
    private int queuedCount;
    private boolean[] isQueued = new boolean[0];

    UringSends(Arena arena, IoUring ring, UringSlots slots) {
        this.arena = arena;
        this.ring = ring;
        this.slots = slots;
    }

    void open(int slot) {
        if (slot >= block.length) {
            int size = Math.max(slot + 1, block.length * 2);
            block = Arrays.copyOf(block, size);
            start = Arrays.copyOf(start, size);
            end = Arrays.copyOf(end, size);
            inFlight = Arrays.copyOf(inFlight, size);
            failure = Arrays.copyOf(failure, size);
            shutdownWhenSent = Arrays.copyOf(shutdownWhenSent, size);
            isQueued = Arrays.copyOf(isQueued, size);
            if (queued.length < size) { // a slot is queued at most once: grown here, not while requests are served
                queued = Arrays.copyOf(queued, size);
            }
        }
        start[slot] = 0;
        end[slot] = 0;
        inFlight[slot] = 0;
        failure[slot] = 0;
        shutdownWhenSent[slot] = false;
    }

    /** Copies up to {@code length} bytes from {@code address}; returns how many the block took (0: it is full). */
    int stage(int slot, long address, int length) {
        MemorySegment target = block[slot];
        if (target == null) {
            target = pool.isEmpty() ? grow() : pool.pop();
            block[slot] = target;
        }
        int n = Math.min(length, STAGING_BYTES - end[slot]);
        if (n <= 0) {
            return 0;
        }
        MemorySegment.copy(EVERYWHERE, address, target, end[slot], n);
        end[slot] += n;
        if (inFlight[slot] == 0 && !isQueued[slot]) {
            isQueued[slot] = true;
            if (queuedCount == queued.length) {
                queued = Arrays.copyOf(queued, queuedCount * 2);
            }
            queued[queuedCount++] = slot;
        }
        return n;
    }

    private MemorySegment grow() {
        MemorySegment memory = arena.allocate((long) STAGING_BYTES * BLOCKS_PER_GROWTH, 64);
        for (int i = 1; i < BLOCKS_PER_GROWTH; i++) {
            pool.push(memory.asSlice((long) i * STAGING_BYTES, STAGING_BYTES));
        }
        return memory.asSlice(0, STAGING_BYTES);
    }

    /** Every connection with staged bytes and no send in flight gets one SEND, submitted by this poll's enter. */
    void prepareSends() {
        int count = queuedCount;
        for (int i = 0; i < count; i++) {
            int slot = queued[i];
            int bytes = beginSend(slot);
            if (bytes > 0) {
                ring.prepSend(slots.fds[slot], sendAddress(slot), bytes, SocketFlags.MSG_NOSIGNAL,
                        slots.userData(UringUserData.SEND, slot));
            }
        }
        queuedCount = 0;
    }

    /** Marks the staged bytes of {@code slot} in flight; returns how many (0: nothing to send after all). */
    int beginSend(int slot) {
        isQueued[slot] = false;
        if (inFlight[slot] != 0 || failure[slot] != 0 || block[slot] == null) {
            return 0;
        }
        int bytes = end[slot] - start[slot];
        inFlight[slot] = bytes;
        return bytes;
    }

    /** Native address of the first unsent byte, for the SEND. */
    long sendAddress(int slot) {
        return block[slot].address() + start[slot];
    }

    /**
     * A send of {@code slot} completed with {@code result} (bytes or -errno). A short send leaves the rest staged, to
     * go with the next poll; a failure is kept for the next read or write to report. Returns whether the block had
     * room freed (the connection may be told it is writable).
     */
    private boolean account(int slot, int result) {
        inFlight[slot] = 0;
        if (result < 0) {
            failure[slot] = result;
            return false;
        }
        start[slot] += result;
        if (start[slot] == end[slot]) {
            start[slot] = 0;
            end[slot] = 0;
            pool.push(block[slot]);
            block[slot] = null;
        } else if (!isQueued[slot]) { // a short send, or bytes staged while it was in flight
            isQueued[slot] = true;
            if (queuedCount == queued.length) {
                queued = Arrays.copyOf(queued, queuedCount * 2);
            }
            queued[queuedCount++] = slot;
        }
        return result > 0;
    }

    /** Whether bytes of {@code slot} are staged or in flight. */
    boolean pending(int slot) {
        return block[slot] != null && failure[slot] == 0;
    }

    boolean inFlight(int slot) {
        return inFlight[slot] != 0;
    }

    boolean hasRoom(int slot) {
        return end[slot] < STAGING_BYTES;
    }

    int failure(int slot) {
        return failure[slot];
    }

    /** Asks for {@code shutdown(SHUT_WR)} once the staged bytes are out; false when none are (shut down now). */
    boolean shutdownWhenSent(int slot) {
        if (!pending(slot)) {
            return false;
        }
        shutdownWhenSent[slot] = true;
        return true;
    }

    /** Whether a shutdown waited for the sends that just finished (and now may go). */
    boolean takeShutdown(int slot) {
        boolean due = shutdownWhenSent[slot] && !pending(slot);
        if (due) {
            shutdownWhenSent[slot] = false;
        }
        return due;
    }

    /** A SEND completed: the rest goes next poll, a closing connection closes once all is out, a failure is reported. */
    void onSent(long userData, int result) {
        int slot = UringUserData.slot(userData);
        boolean closing = slots.current(userData, CLOSING);
        if (!closing && !slots.current(userData, CONNECTION)) {
            return;
        }
        boolean freed = account(slot, result);
        if (closing) {
            if (!pending(slot)) {
                release(slot); // the last staged bytes are out (or failed): now the fd closes
            }
            return;
        }
        if (takeShutdown(slot)) {
            LinuxSys.shutdown(slots.fds[slot], SocketFlags.SHUT_WR);
        }
        if (result < 0 || (freed && (slots.flags[slot] & WANT_WRITE) != 0 && hasRoom(slot))) {
            slots.flags[slot] |= WRITE_READY;
            slots.listReady(slot);
        }
    }

    /** Closes the connection's fd and frees its slot and staging block (nothing of it may be in flight). */
    void release(int slot) {
        close(slot);
        LinuxSys.close(slots.fds[slot]);
        slots.release(slot);
    }

    /** The connection is gone and nothing of it is in flight: its block goes back to the pool. */
    void close(int slot) {
        if (block[slot] != null) {
            pool.push(block[slot]);
            block[slot] = null;
        }
        start[slot] = 0;
        end[slot] = 0;
        isQueued[slot] = false;
    }
}
