package io.reactorbench.sys;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.SymbolLookup;
import java.lang.invoke.MethodHandle;

/**
 * The libc downcall handles, created once when this class initialises. Kept apart from {@link LinuxSys} so that a
 * failure here (not Linux, native access denied) surfaces as {@link LinuxSys#unavailabilityCause()} instead of
 * breaking the class callers use to ask.
 *
 * <p>Every handle captures errno, so its first parameter is the calling thread's capture segment. Pointers the
 * caller passes as native addresses ({@code void *buf}) are declared {@code JAVA_LONG}: on the 64-bit ABIs we
 * support, a pointer travels exactly like a long, and this saves wrapping each address in a MemorySegment.
 *
 * <p>{@link Linker.Option#critical critical} calls skip the thread-state transition, but while one runs the JVM
 * cannot reach a safepoint, so only calls that can never block are critical: {@code epoll_ctl} and
 * {@code epoll_wait} with a zero timeout. read/write/writev/readv/send/recv block on a blocking fd, so they are
 * critical only when the caller promises non-blocking fds with {@code -Dreactorbench.sys.criticalIo=true}
 * (off by default; the gain is a few ns against a ~1 µs system call, for the lead to measure).
 */
final class LibcCalls {

    static final boolean CRITICAL_IO = Boolean.getBoolean("reactorbench.sys.criticalIo");

    private static final Linker LINKER = Linker.nativeLinker();
    private static final SymbolLookup LIBC = LINKER.defaultLookup();
    private static final Linker.Option ERRNO = Linker.Option.captureCallState("errno");
    private static final Linker.Option CRITICAL = Linker.Option.critical(false);

    static final long ERRNO_OFFSET =
            Linker.Option.captureStateLayout().byteOffset(MemoryLayout.PathElement.groupElement("errno"));
    static final long CAPTURE_SIZE = Linker.Option.captureStateLayout().byteSize();

    // int epoll_create1(int flags)
    static final MethodHandle EPOLL_CREATE1 = handle("epoll_create1", false, JAVA_INT, JAVA_INT);
    // int epoll_ctl(int epfd, int op, int fd, struct epoll_event *event)
    static final MethodHandle EPOLL_CTL = handle("epoll_ctl", true, JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT, ADDRESS);
    // int epoll_wait(int epfd, struct epoll_event *events, int maxevents, int timeout): blocks unless timeout is 0
    static final MethodHandle EPOLL_WAIT = handle("epoll_wait", false, JAVA_INT, JAVA_INT, ADDRESS, JAVA_INT, JAVA_INT);
    static final MethodHandle EPOLL_WAIT_NOW = handle("epoll_wait", true, JAVA_INT, JAVA_INT, ADDRESS, JAVA_INT, JAVA_INT);
    // int eventfd(unsigned int initval, int flags)
    static final MethodHandle EVENTFD = handle("eventfd", false, JAVA_INT, JAVA_INT, JAVA_INT);

    // int socket(int domain, int type, int protocol)
    static final MethodHandle SOCKET = handle("socket", false, JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT);
    // int setsockopt(int fd, int level, int optname, const void *optval, socklen_t optlen)
    static final MethodHandle SETSOCKOPT = handle("setsockopt", false, JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT, ADDRESS, JAVA_INT);
    // int getsockopt(int fd, int level, int optname, void *optval, socklen_t *optlen)
    static final MethodHandle GETSOCKOPT = handle("getsockopt", false, JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT, ADDRESS, ADDRESS);
    // int bind(int fd, const struct sockaddr *addr, socklen_t len)
    static final MethodHandle BIND = handle("bind", false, JAVA_INT, JAVA_INT, ADDRESS, JAVA_INT);
    // int listen(int fd, int backlog)
    static final MethodHandle LISTEN = handle("listen", false, JAVA_INT, JAVA_INT, JAVA_INT);
    // int getsockname(int fd, struct sockaddr *addr, socklen_t *len)
    static final MethodHandle GETSOCKNAME = handle("getsockname", false, JAVA_INT, JAVA_INT, ADDRESS, ADDRESS);
    // int getpeername(int fd, struct sockaddr *addr, socklen_t *len)
    static final MethodHandle GETPEERNAME = handle("getpeername", false, JAVA_INT, JAVA_INT, ADDRESS, ADDRESS);
    // int accept4(int fd, struct sockaddr *addr, socklen_t *len, int flags): blocks on a blocking listener
    static final MethodHandle ACCEPT4 = handle("accept4", false, JAVA_INT, JAVA_INT, JAVA_LONG, JAVA_LONG, JAVA_INT);
    // int connect(int fd, const struct sockaddr *addr, socklen_t len)
    static final MethodHandle CONNECT = handle("connect", false, JAVA_INT, JAVA_INT, ADDRESS, JAVA_INT);
    // int shutdown(int fd, int how)
    static final MethodHandle SHUTDOWN = handle("shutdown", false, JAVA_INT, JAVA_INT, JAVA_INT);
    // int close(int fd): may block (SO_LINGER), never critical
    static final MethodHandle CLOSE = handle("close", false, JAVA_INT, JAVA_INT);

    // ssize_t read(int fd, void *buf, size_t count)
    static final MethodHandle READ = handle("read", CRITICAL_IO, JAVA_LONG, JAVA_INT, JAVA_LONG, JAVA_LONG);
    // ssize_t write(int fd, const void *buf, size_t count)
    static final MethodHandle WRITE = handle("write", CRITICAL_IO, JAVA_LONG, JAVA_INT, JAVA_LONG, JAVA_LONG);
    // ssize_t writev(int fd, const struct iovec *iov, int iovcnt)
    static final MethodHandle WRITEV = handle("writev", CRITICAL_IO, JAVA_LONG, JAVA_INT, JAVA_LONG, JAVA_INT);
    // ssize_t readv(int fd, const struct iovec *iov, int iovcnt)
    static final MethodHandle READV = handle("readv", CRITICAL_IO, JAVA_LONG, JAVA_INT, JAVA_LONG, JAVA_INT);
    // ssize_t send(int fd, const void *buf, size_t len, int flags)
    static final MethodHandle SEND = handle("send", CRITICAL_IO, JAVA_LONG, JAVA_INT, JAVA_LONG, JAVA_LONG, JAVA_INT);
    // ssize_t recv(int fd, void *buf, size_t len, int flags)
    static final MethodHandle RECV = handle("recv", CRITICAL_IO, JAVA_LONG, JAVA_INT, JAVA_LONG, JAVA_LONG, JAVA_INT);
    // ssize_t sendto(int fd, const void *buf, size_t len, int flags, const struct sockaddr *to, socklen_t tolen)
    static final MethodHandle SENDTO =
            handle("sendto", CRITICAL_IO, JAVA_LONG, JAVA_INT, JAVA_LONG, JAVA_LONG, JAVA_INT, ADDRESS, JAVA_INT);
    // ssize_t recvfrom(int fd, void *buf, size_t len, int flags, struct sockaddr *from, socklen_t *fromlen)
    static final MethodHandle RECVFROM =
            handle("recvfrom", CRITICAL_IO, JAVA_LONG, JAVA_INT, JAVA_LONG, JAVA_LONG, JAVA_INT, ADDRESS, ADDRESS);

    private LibcCalls() {
    }

    @SuppressWarnings("restricted") // the point of this class; Availability reports a denied native access
    private static MethodHandle handle(String name, boolean critical, java.lang.foreign.MemoryLayout result,
                                       java.lang.foreign.MemoryLayout... arguments) {
        FunctionDescriptor descriptor = FunctionDescriptor.of(result, arguments);
        Linker.Option[] options = critical ? new Linker.Option[] {ERRNO, CRITICAL} : new Linker.Option[] {ERRNO};
        return LINKER.downcallHandle(LIBC.findOrThrow(name), descriptor, options);
    }

    /** A downcall threw: never expected (failures come back as -1/errno), so it is a bug or a freed segment. */
    static RuntimeException unexpected(Throwable t) {
        if (t instanceof RuntimeException r) {
            return r;
        }
        if (t instanceof Error e) {
            throw e;
        }
        return new IllegalStateException("native call failed", t);
    }
}
