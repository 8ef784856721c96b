package io.reactorbench.engine;

import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.invoke.MethodHandle;

/**
 * The four calls on the epoll poller's hot path (epoll_wait, read, write, writev) bound without errno capture,
 * pointers passed as plain longs. Why not {@code LinuxSys}: a downcall that captures errno makes a
 * {@code MemorySegment} slice per call, which C2 removes only when the whole downcall chain inlines into the
 * caller — it often does not in a loop that polls, dispatches and parses, so each call allocated 40 bytes. These
 * allocate nothing. A -1 result says only "failed"; the poller then repeats the call through {@code LinuxSys},
 * which captures errno (EAGAIN, or a socket error — that error was consumed by the first call, so the repeat
 * sees end of stream or EPIPE: either way the connection ends). -1 is rare: level-triggered reads and writes
 * are made only when epoll said they would succeed.
 */
@SuppressWarnings("restricted") // linking libc is the point; run with --enable-native-access
final class DirectSyscalls {

    private static final MethodHandle READ;
    private static final MethodHandle WRITE;
    private static final MethodHandle WRITEV;
    private static final MethodHandle EPOLL_WAIT;
    /** Null when the bindings work; otherwise the poller uses {@code LinuxSys} for everything. */
    static final String UNAVAILABLE;

    static {
        MethodHandle read = null;
        MethodHandle write = null;
        MethodHandle writev = null;
        MethodHandle epollWait = null;
        String cause = null;
        try {
            Linker linker = Linker.nativeLinker();
            // critical: non-blocking socket I/O returns at once, so the thread-state transition can be skipped
            Linker.Option critical = Linker.Option.critical(false);
            read = linker.downcallHandle(linker.defaultLookup().findOrThrow("read"),
                    FunctionDescriptor.of(JAVA_LONG, JAVA_INT, JAVA_LONG, JAVA_LONG), critical);
            write = linker.downcallHandle(linker.defaultLookup().findOrThrow("write"),
                    FunctionDescriptor.of(JAVA_LONG, JAVA_INT, JAVA_LONG, JAVA_LONG), critical);
            writev = linker.downcallHandle(linker.defaultLookup().findOrThrow("writev"),
                    FunctionDescriptor.of(JAVA_LONG, JAVA_INT, JAVA_LONG, JAVA_INT), critical);
            epollWait = linker.downcallHandle(linker.defaultLookup().findOrThrow("epoll_wait"),
                    FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_LONG, JAVA_INT, JAVA_INT));
        } catch (Throwable t) {
            cause = t.toString();
        }
        READ = read;
        WRITE = write;
        WRITEV = writev;
        EPOLL_WAIT = epollWait;
        UNAVAILABLE = cause;
    }

    private DirectSyscalls() {
    }

    static long read(int fd, long address, long length) {
        try {
            return (long) READ.invokeExact(fd, address, length);
        } catch (Throwable t) {
            throw new IllegalStateException("read downcall failed", t);
        }
    }

    static long write(int fd, long address, long length) {
        try {
            return (long) WRITE.invokeExact(fd, address, length);
        } catch (Throwable t) {
            throw new IllegalStateException("write downcall failed", t);
        }
    }

    static long writev(int fd, long iovAddress, int count) {
        try {
            return (long) WRITEV.invokeExact(fd, iovAddress, count);
        } catch (Throwable t) {
            throw new IllegalStateException("writev downcall failed", t);
        }
    }

    /** Ready entries, or -1 (EINTR: the caller polls again). */
    static int epollWait(int epfd, long eventsAddress, int maxEvents, int timeoutMs) {
        try {
            return (int) EPOLL_WAIT.invokeExact(epfd, eventsAddress, maxEvents, timeoutMs);
        } catch (Throwable t) {
            throw new IllegalStateException("epoll_wait downcall failed", t);
        }
    }
}
