package io.reactorbench.sys;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * A native array of {@code struct epoll_event} for {@link LinuxSys#epollWait(int, EpollEvents, int)}: {@code u32
 * events} then {@code u64 data}, packed to 12 bytes on x86_64 (data at offset 4, hence the unaligned accesses) and
 * 16 bytes on aarch64. The accessors read the native memory in place and allocate nothing. Not thread-safe: one
 * per poller.
 */
public final class EpollEvents {

    /** Bytes per entry on this machine. */
    public static final long ENTRY_SIZE = NativePlatform.EPOLL_EVENT_SIZE;
    private static final long DATA_OFFSET = NativePlatform.EPOLL_EVENT_DATA_OFFSET;

    private final MemorySegment segment;
    private final int capacity;

    /** @param capacity entries, passed to epoll_wait as maxevents */
    public EpollEvents(Arena arena, int capacity) {
        if (capacity <= 0) {
            throw new IllegalArgumentException("capacity must be positive: " + capacity);
        }
        this.capacity = capacity;
        this.segment = arena.allocate(ENTRY_SIZE * capacity, 8);
    }

    public int capacity() {
        return capacity;
    }

    /** The native array, for {@link LinuxSys#epollWait(int, MemorySegment, int, int)}. */
    public MemorySegment segment() {
        return segment;
    }

    /** The ready bits (EPOLLIN, EPOLLOUT, ...) of entry {@code i}. */
    public int events(int i) {
        return segment.get(ValueLayout.JAVA_INT_UNALIGNED, i * ENTRY_SIZE);
    }

    /** The user data registered with epoll_ctl for entry {@code i} (usually the fd, or an fd and a generation). */
    public long data(int i) {
        return segment.get(ValueLayout.JAVA_LONG_UNALIGNED, i * ENTRY_SIZE + DATA_OFFSET);
    }

    /** Writes an entry (for tests and fakes; the kernel writes them in real use). */
    public void set(int i, int events, long data) {
        segment.set(ValueLayout.JAVA_INT_UNALIGNED, i * ENTRY_SIZE, events);
        segment.set(ValueLayout.JAVA_LONG_UNALIGNED, i * ENTRY_SIZE + DATA_OFFSET, data);
    }

    /** Writes one {@code struct epoll_event} at the start of {@code target} (the epoll_ctl argument). */
    static void write(MemorySegment target, int events, long data) {
        target.set(ValueLayout.JAVA_INT_UNALIGNED, 0, events);
        target.set(ValueLayout.JAVA_LONG_UNALIGNED, DATA_OFFSET, data);
    }
}
