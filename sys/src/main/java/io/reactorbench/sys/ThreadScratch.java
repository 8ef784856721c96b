package io.reactorbench.sys;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Native memory each thread reuses for every call it makes: the errno capture, an 8-byte value (eventfd counter,
 * int socket option), a socklen_t, one epoll_event and one socket address, and where the thread's errno lives.
 * Allocated on a thread's first call and found again through a ThreadLocal: a lookup in the thread's own map, no
 * allocation and no contention; that costs nanoseconds against a system call of about a microsecond, and keeps the
 * static API free of a context argument. Freed by the GC when the thread is gone (virtual threads included).
 *
 * <p>Callers fetch their scratch <em>before</em> a downcall, never between a failed call and {@link #errno()}: the
 * first fetch builds the scratch (malloc, a downcall), which could overwrite errno.
 */
final class ThreadScratch {

    private static final ThreadLocal<ThreadScratch> CURRENT = ThreadLocal.withInitial(ThreadScratch::new);
    /** Scratches built so far; once per thread that calls, so tests can tell per-thread from per-request. */
    private static final AtomicLong CREATED = new AtomicLong();

    final MemorySegment capture;
    final MemorySegment value8;
    final MemorySegment socklen;
    final MemorySegment epollEvent;
    final SockAddr sockAddr;
    /**
     * This platform thread's errno, looked up once: an OS thread's errno never moves. {@code null} on a virtual
     * thread, whose errno is its current carrier's and is looked up at each failure instead.
     */
    private final MemorySegment errnoSlot;

    private ThreadScratch() {
        Arena arena = Arena.ofAuto();
        capture = arena.allocate(LibcCalls.CAPTURE_SIZE, 8);
        value8 = arena.allocate(8, 8);
        socklen = arena.allocate(4, 4);
        epollEvent = arena.allocate(NativePlatform.EPOLL_EVENT_SIZE, 8);
        sockAddr = new SockAddr(arena);
        errnoSlot = Thread.currentThread().isVirtual() ? null : LibcCalls.errnoOfThisOsThread();
        CREATED.incrementAndGet();
    }

    static long created() {
        return CREATED.get();
    }

    static ThreadScratch current() {
        return CURRENT.get();
    }

    /**
     * errno as the last libc call on this OS thread left it; call it right after a plain (uncaptured) downcall
     * returned -1, with no other native call in between. A virtual thread cannot change carrier between the two:
     * it only unmounts where it parks, and nothing between them parks.
     */
    int errno() {
        MemorySegment slot = errnoSlot != null ? errnoSlot : LibcCalls.errnoOfThisOsThread();
        return slot.get(ValueLayout.JAVA_INT, 0);
    }

    /** errno from a captured downcall's capture segment (only meaningful after that call returned -1). */
    static int capturedErrno(MemorySegment capture) {
        return capture.get(ValueLayout.JAVA_INT, LibcCalls.ERRNO_OFFSET);
    }
}
