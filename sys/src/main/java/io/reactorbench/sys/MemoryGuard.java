package io.reactorbench.sys;

import java.util.Optional;
import java.util.function.Supplier;

/**
 * Says "stop now" before the machine runs short of memory, so a connection ramp ends cleanly with the steps it
 * reached instead of the kernel's OOM killer ending it (issue 18): ask {@link #stopReason()} before each step.
 */
public final class MemoryGuard {

    /** The floor never goes below this: a run near the edge also needs room for its own JVMs and the page cache. */
    public static final long MIN_FLOOR_BYTES = 2L << 30;
    /** ... nor below this share of MemTotal, so a big machine keeps proportionally more in reserve. */
    public static final double FLOOR_SHARE_OF_TOTAL = 0.10;

    private final Supplier<MemInfo> memory;
    private final long floorBytes;

    private MemoryGuard(Supplier<MemInfo> memory, long floorBytes) {
        this.memory = memory;
        this.floorBytes = floorBytes;
    }

    /** Reading {@code /proc/meminfo}, with the default floor. */
    public static MemoryGuard current() {
        return withDefaultFloor(MemInfo::current);
    }

    /** The larger of 10 % of MemTotal (as first read) and 2 GiB. */
    public static MemoryGuard withDefaultFloor(Supplier<MemInfo> memory) {
        return new MemoryGuard(memory, defaultFloorBytes(memory.get()));
    }

    /** A floor chosen by the caller (a suite, or a test forcing the guard to trip). */
    public static MemoryGuard withFloor(Supplier<MemInfo> memory, long floorBytes) {
        if (floorBytes < 0) {
            throw new IllegalArgumentException("memory guard floor must not be negative, got " + floorBytes);
        }
        return new MemoryGuard(memory, floorBytes);
    }

    public static long defaultFloorBytes(MemInfo memory) {
        return Math.max(MIN_FLOOR_BYTES, (long) (Math.max(0, memory.totalBytes()) * FLOOR_SHARE_OF_TOTAL));
    }

    public long floorBytes() {
        return floorBytes;
    }

    /**
     * Empty while MemAvailable is at or above the floor (or unknown: no reading is no reason to stop a run);
     * otherwise the sentence to record as why the run stopped.
     */
    public Optional<String> stopReason() {
        long available = memory.get().availableBytes();
        if (available < 0 || available >= floorBytes) {
            return Optional.empty();
        }
        return Optional.of("memory guard: MemAvailable " + MemInfo.gib(available) + " below the "
                + MemInfo.gib(floorBytes) + " floor");
    }
}
