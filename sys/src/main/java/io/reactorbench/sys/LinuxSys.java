package io.reactorbench.sys;

import java.lang.foreign.MemorySegment;

/**
 * Linux system calls through the FFM API ({@code java.lang.foreign}): no JNI, no native library to build.
 * Every call returns its result when it is {@code >= 0}, and {@code -errno} on failure (errno captured with
 * {@code Linker.Option.captureCallState("errno")}); nothing here throws for an expected failure such as
 * EAGAIN. Addresses are native addresses ({@code MemorySegment.address()}) of memory the caller owns.
 *
 * <p>Used by the engine's epoll poller and, where measurably cheaper, by the load generator; it sits in a
 * neutral module so the measurer shares no code with what it measures beyond these bindings.
 */
public final class LinuxSys {

    private LinuxSys() {
    }

    /** Whether the bindings work here (Linux, x86_64/aarch64, native access allowed). */
    public static boolean isAvailable() {
        throw new UnsupportedOperationException("TODO(sys)");
    }

    /** Why they do not, or {@code null} when available. */
    public static String unavailabilityCause() {
        throw new UnsupportedOperationException("TODO(sys)");
    }

    // --- epoll / eventfd ---
    public static int epollCreate1(int flags) { throw new UnsupportedOperationException("TODO(sys)"); }

    /** {@code epoll_ctl(epfd, op, fd, {events, data})}. */
    public static int epollCtl(int epfd, int op, int fd, int events, long data) { throw new UnsupportedOperationException("TODO(sys)"); }

    /** Waits into {@code events} (an array of {@link EpollEvents} entries); returns the count or -errno. */
    public static int epollWait(int epfd, MemorySegment events, int maxEvents, int timeoutMs) { throw new UnsupportedOperationException("TODO(sys)"); }

    public static int eventfd(int initialValue, int flags) { throw new UnsupportedOperationException("TODO(sys)"); }

    // --- sockets ---
    public static int socket(int domain, int type, int protocol) { throw new UnsupportedOperationException("TODO(sys)"); }
    public static int setsockoptInt(int fd, int level, int option, int value) { throw new UnsupportedOperationException("TODO(sys)"); }
    /** Binds to an IPv4/IPv6 address given as a {@link java.net.InetSocketAddress}. */
    public static int bind(int fd, java.net.InetSocketAddress address) { throw new UnsupportedOperationException("TODO(sys)"); }
    public static int listen(int fd, int backlog) { throw new UnsupportedOperationException("TODO(sys)"); }
    /** The locally bound port, or -errno. */
    public static int localPort(int fd) { throw new UnsupportedOperationException("TODO(sys)"); }
    /** {@code accept4(fd, NULL, NULL, flags)}: the new fd, or -errno (-EAGAIN when none is waiting). */
    public static int accept4(int fd, int flags) { throw new UnsupportedOperationException("TODO(sys)"); }
    /** Peer address of a connected socket (allocates; not for the hot path). */
    public static java.net.InetSocketAddress peerAddress(int fd) { throw new UnsupportedOperationException("TODO(sys)"); }
    public static int connect(int fd, java.net.InetSocketAddress address) { throw new UnsupportedOperationException("TODO(sys)"); }
    public static int shutdown(int fd, int how) { throw new UnsupportedOperationException("TODO(sys)"); }
    public static int close(int fd) { throw new UnsupportedOperationException("TODO(sys)"); }

    // --- I/O on native memory ---
    public static long read(int fd, long address, long length) { throw new UnsupportedOperationException("TODO(sys)"); }
    public static long write(int fd, long address, long length) { throw new UnsupportedOperationException("TODO(sys)"); }
    /** {@code writev(fd, iov, iovcnt)}; {@code iov} holds {@code iovcnt} {@code struct iovec} (see {@link IoVec}). */
    public static long writev(int fd, long iovAddress, int iovCount) { throw new UnsupportedOperationException("TODO(sys)"); }
}
