package io.reactorbench.sys;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * Native memory each thread reuses for every call it makes: the errno capture, an 8-byte value (eventfd counter,
 * int socket option), a socklen_t, one epoll_event and one socket address. Allocated on a thread's first call and
 * found again through a ThreadLocal: a lookup in the thread's own map, no allocation and no contention; that costs
 * nanoseconds against a system call of about a microsecond, and keeps the static API free of a context argument.
 * Freed by the GC when the thread is gone (virtual threads included).
 */
final class ThreadScratch {

    private static final ThreadLocal<ThreadScratch> CURRENT = ThreadLocal.withInitial(ThreadScratch::new);

    final MemorySegment capture;
    final MemorySegment value8;
    final MemorySegment socklen;
    final MemorySegment epollEvent;
    final SockAddr sockAddr;

    private ThreadScratch() {
        Arena arena = Arena.ofAuto();
        capture = arena.allocate(LibcCalls.CAPTURE_SIZE, 8);
        value8 = arena.allocate(8, 8);
        socklen = arena.allocate(4, 4);
        epollEvent = arena.allocate(NativePlatform.EPOLL_EVENT_SIZE, 8);
        sockAddr = new SockAddr(arena);
    }

    static ThreadScratch current() {
        return CURRENT.get();
    }

    /** errno as the last downcall on this thread left it (only meaningful after that call returned -1). */
    static int errno(MemorySegment capture) {
        return capture.get(ValueLayout.JAVA_INT, LibcCalls.ERRNO_OFFSET);
    }
}
