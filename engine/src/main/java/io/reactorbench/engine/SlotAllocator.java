package io.reactorbench.engine;

import java.util.Arrays;

/**
 * Hands out small slot numbers per poller and takes them back, so a loop's tables grow with its own
 * connections, not with the process's highest fd: with several loops, fds are spread over all of them, and a
 * table indexed by fd would make every loop pay for every fd.
 */
final class SlotAllocator {

    private int[] free = new int[64];
    private int freeCount;
    private int next;

    int allocate() {
        return freeCount > 0 ? free[--freeCount] : next++;
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
