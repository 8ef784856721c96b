package io.reactorbench.engine;

import java.io.IOException;
import java.util.Arrays;

/**
 * The uring poller's table of its sockets, by slot: the fd, the generation that stale completions are told apart
 * by ({@link UringUserData}), what the slot holds, the per-connection flags, and the list of slots the next
 * {@link UringPoller#poll} reports. Loop-confined.
 */
final class UringSlots {

    static final byte FREE = 0;
    static final byte CONNECTION = 1;
    static final byte LISTENER = 2;
    /** Closed by the loop, fd kept open until its staged bytes are sent (or fail). */
    static final byte CLOSING = 3;
    /** A UDP socket ({@link UringDatagrams}). */
    static final byte DATAGRAM = 4;

    // per-connection flags (RECV_ARMED, RECV_CANCELLING, READY_LISTED and STARVED also per UDP socket)
    static final int WANT_READ = 1;
    static final int WANT_WRITE = 1 << 1;
    static final int RECV_ARMED = 1 << 2;
    static final int RECV_CANCELLING = 1 << 3;
    static final int READY_LISTED = 1 << 4;
    static final int WRITE_READY = 1 << 5;
    static final int STARVED = 1 << 6;

    private final SlotAllocator allocator = new SlotAllocator();
    int[] fds = new int[64];
    int[] generations = new int[64];
    int[] flags = new int[64];
    byte[] kinds = new byte[64];
    private int[] ready = new int[64];
    private int readyCount;
    private int[] readyBatch = new int[64];
    private int takenCount;

    /** A new slot holding {@code fd}, flags clear. */
    int add(int fd, byte kind) throws IOException {
        int slot = allocator.allocate();
        if (slot >= fds.length) {
            int size = Math.max(slot + 1, fds.length * 2);
            fds = Arrays.copyOf(fds, size);
            generations = Arrays.copyOf(generations, size);
            flags = Arrays.copyOf(flags, size);
            kinds = Arrays.copyOf(kinds, size);
        }
        if (ready.length < fds.length) {
            // a slot is listed at most once, so lists as long as the table never grow while requests are served:
            // the growth is paid when a connection opens, not in the poll that first sees that many ready
            ready = Arrays.copyOf(ready, fds.length);
            readyBatch = new int[fds.length];
        }
        fds[slot] = fd;
        kinds[slot] = kind;
        flags[slot] = 0;
        return slot;
    }

    /** Frees the slot; its generation moves on, so completions still in flight for it are recognised as stale. */
    void release(int slot) {
        kinds[slot] = FREE;
        flags[slot] = 0;
        fds[slot] = -1;
        generations[slot]++;
        allocator.release(slot);
    }

    /** Whether {@code userData} was submitted for the socket now in its slot, which is of {@code kind}. */
    boolean current(long userData, byte kind) {
        int slot = UringUserData.slot(userData);
        return kinds[slot] == kind && UringUserData.current(userData, generations[slot]);
    }

    long userData(int op, int slot) {
        return UringUserData.of(op, generations[slot], slot);
    }

    /** Puts {@code slot} on the list the next poll reports (once, however often it is asked). */
    void listReady(int slot) {
        if ((flags[slot] & READY_LISTED) != 0) {
            return;
        }
        flags[slot] |= READY_LISTED;
        if (readyCount == ready.length) {
            ready = Arrays.copyOf(ready, readyCount * 2);
        }
        ready[readyCount++] = slot;
    }

    boolean anyReady() {
        return readyCount > 0;
    }

    /**
     * Takes the ready list: {@link #takenCount()} slots, their READY_LISTED flags cleared; slots listed while these
     * are handled go to the next poll.
     */
    int[] takeReady() {
        int[] batch = ready;
        ready = readyBatch.length >= batch.length ? readyBatch : new int[batch.length];
        readyBatch = batch;
        takenCount = readyCount;
        readyCount = 0;
        for (int i = 0; i < takenCount; i++) {
            flags[batch[i]] &= ~READY_LISTED;
        }
        return batch;
    }

    int takenCount() {
        return takenCount;
    }
}
