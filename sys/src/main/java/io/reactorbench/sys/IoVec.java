package io.reactorbench.sys;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * A native array of {@code struct iovec} ({@code void *iov_base; size_t iov_len}: 16 bytes on 64-bit Linux) for
 * gathering writes and scattering reads. Filled in place with {@link #set}, reused, allocates nothing per use.
 * Not thread-safe.
 */
public final class IoVec {

    public static final long ENTRY_SIZE = 16;
    /** IOV_MAX on Linux: writev rejects more entries with EINVAL. */
    public static final int IOV_MAX = 1024;

    private final MemorySegment segment;
    private final int capacity;

    public IoVec(Arena arena, int capacity) {
        if (capacity <= 0 || capacity > IOV_MAX) {
            throw new IllegalArgumentException("capacity must be in 1.." + IOV_MAX + ": " + capacity);
        }
        this.capacity = capacity;
        this.segment = arena.allocate(ENTRY_SIZE * capacity, 8);
    }

    public int capacity() {
        return capacity;
    }

    /** Entry {@code i} points at {@code length} bytes from native address {@code address}. */
    public void set(int i, long address, long length) {
        long offset = i * ENTRY_SIZE;
        segment.set(ValueLayout.JAVA_LONG, offset, address);
        segment.set(ValueLayout.JAVA_LONG, offset + 8, length);
    }

    /** Entry {@code i} covers all of {@code buffer} (a native segment). */
    public void set(int i, MemorySegment buffer) {
        set(i, buffer.address(), buffer.byteSize());
    }

    public long base(int i) {
        return segment.get(ValueLayout.JAVA_LONG, i * ENTRY_SIZE);
    }

    public long length(int i) {
        return segment.get(ValueLayout.JAVA_LONG, i * ENTRY_SIZE + 8);
    }

    /** The native address of the array, for {@link LinuxSys#writev(int, long, int)}. */
    public long address() {
        return segment.address();
    }

    public MemorySegment segment() {
        return segment;
    }
}
