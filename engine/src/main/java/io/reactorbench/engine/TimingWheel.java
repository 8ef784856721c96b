package io.reactorbench.engine;

import java.util.Arrays;

/**
 * Deadlines of one loop's connections (idle timeout, lingering close) on a hashed timing wheel: one entry
 * per slot linked through int arrays, no timer object per connection and no allocation per schedule.
 * Activity does not move an entry (the loop records {@code lastActiveNs} instead); when an entry comes due
 * the loop checks the real deadline and reschedules if the connection was active meanwhile.
 */
final class TimingWheel {

    /** What the wheel calls for each entry whose deadline has passed (the entry is already removed). */
    interface Expiry {
        void onExpired(int slot, long nowNs);
    }

    private static final int NONE = -1;

    private final long tickNs;
    private final int mask;
    private final int[] bucketHead;
    private int[] next = new int[0];
    private int[] prev = new int[0];
    private int[] bucketOf = new int[0];
    private long[] deadlineNs = new long[0];
    private long lastTick;
    private int scheduled;

    TimingWheel(long tickNs, int buckets, long startNs) {
        if (tickNs <= 0 || Integer.bitCount(buckets) != 1) {
            throw new IllegalArgumentException("tickNs must be > 0 and buckets a power of two");
        }
        this.tickNs = tickNs;
        this.mask = buckets - 1;
        this.bucketHead = new int[buckets];
        Arrays.fill(bucketHead, NONE);
        this.lastTick = startNs / tickNs;
    }

    int scheduled() {
        return scheduled;
    }

    boolean isScheduled(int slot) {
        return slot < bucketOf.length && bucketOf[slot] != NONE;
    }

    long deadlineNs(int slot) {
        return deadlineNs[slot];
    }

    /** Schedules (or moves) {@code slot} to fire at {@code atNs}. */
    void schedule(int slot, long atNs) {
        ensureCapacity(slot + 1);
        if (bucketOf[slot] != NONE) {
            unlink(slot);
        }
        // the first tick at or after the deadline: an entry is never looked at before it is due
        long tick = Math.max((atNs + tickNs - 1) / tickNs, lastTick + 1);
        int bucket = (int) (tick & mask);
        deadlineNs[slot] = atNs;
        bucketOf[slot] = bucket;
        prev[slot] = NONE;
        next[slot] = bucketHead[bucket];
        if (bucketHead[bucket] != NONE) {
            prev[bucketHead[bucket]] = slot;
        }
        bucketHead[bucket] = slot;
        scheduled++;
    }

    void cancel(int slot) {
        if (slot < bucketOf.length && bucketOf[slot] != NONE) {
            unlink(slot);
        }
    }

    /** Nanoseconds from {@code nowNs} to the next tick, or -1 when nothing is scheduled. */
    long nanosToNextTick(long nowNs) {
        if (scheduled == 0) {
            return -1;
        }
        return Math.max(0, (lastTick + 1) * tickNs - nowNs);
    }

    /** Fires every entry due at {@code nowNs}; returns how many fired. */
    int advance(long nowNs, Expiry expiry) {
        long nowTick = nowNs / tickNs;
        if (nowTick <= lastTick || scheduled == 0) {
            lastTick = Math.max(lastTick, nowTick);
            return 0;
        }
        long ticks = Math.min(nowTick - lastTick, mask + 1L);
        int fired = 0;
        for (long t = 0; t < ticks; t++) {
            int bucket = (int) ((lastTick + 1 + t) & mask);
            int slot = bucketHead[bucket];
            while (slot != NONE) {
                int following = next[slot];
                if (deadlineNs[slot] <= nowNs) {
                    unlink(slot);
                    fired++;
                    expiry.onExpired(slot, nowNs);
                }
                slot = following;
            }
        }
        lastTick = nowTick;
        return fired;
    }

    private void unlink(int slot) {
        int bucket = bucketOf[slot];
        if (prev[slot] != NONE) {
            next[prev[slot]] = next[slot];
        } else {
            bucketHead[bucket] = next[slot];
        }
        if (next[slot] != NONE) {
            prev[next[slot]] = prev[slot];
        }
        bucketOf[slot] = NONE;
        next[slot] = NONE;
        prev[slot] = NONE;
        scheduled--;
    }

    private void ensureCapacity(int needed) {
        if (needed <= bucketOf.length) {
            return;
        }
        int old = bucketOf.length;
        int newCapacity = Math.max(needed, Math.max(64, old * 2));
        next = Arrays.copyOf(next, newCapacity);
        prev = Arrays.copyOf(prev, newCapacity);
        bucketOf = Arrays.copyOf(bucketOf, newCapacity);
        deadlineNs = Arrays.copyOf(deadlineNs, newCapacity);
        Arrays.fill(bucketOf, old, newCapacity, NONE);
        Arrays.fill(next, old, newCapacity, NONE);
        Arrays.fill(prev, old, newCapacity, NONE);
    }
}
