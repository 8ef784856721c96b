package io.reactorbench.engine;

import java.io.IOException;
import java.util.Arrays;

/**
 * Hands out small slot numbers per poller and takes them back, so a loop's tables grow with its own
 * connections, not with the process's highest fd: with several loops, fds are spread over all of them, and a
 * table indexed by fd would make every loop pay for every fd. A slot is at most {@link ConnectionId#SLOT_BITS}
 * bits, the room it has in a connection id.
 */
final class SlotAllocator {

    private int[] free = new int[64];
    private int freeCount;
    private int next;

    int allocate() throws IOException {
        if (freeCount > 0) {
            return free[--freeCount];
        }
        if (next == ConnectionId.MAX_SLOTS) {
            throw new IOException("more than " + ConnectionId.MAX_SLOTS + " sockets on one loop");
        }
        return next++;
    }

    void release(int slot) {
        if (freeCount == free.length) {
            free = Arrays.copyOf(free, freeCount * 2);
        }
        free[freeCount++] = slot;
    }

    /** Slots ever handed out (the highest slot + 1). */
    int highWater() {
        return next;
    }
}
