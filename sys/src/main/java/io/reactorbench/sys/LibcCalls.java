package io.reactorbench.sys;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.invoke.MethodHandle;

/**
 * The libc downcall handles, created once when this class initialises. Kept apart from {@link LinuxSys} so that a
 * failure here (not Linux, native access denied) surfaces as {@link LinuxSys#unavailabilityCause()} instead of
 * breaking the class callers use to ask.
 *
 * <p><b>Two ways to get errno.</b> The calls made once per connection or less (socket, bind, connect, close ...)
 * capture errno with {@code Linker.Option.captureCallState("errno")}: their first parameter is the calling thread's
 * capture segment, and the JDK copies errno into it inside the downcall, before anything else can run. The calls an
 * event loop makes per event (read, write, writev, readv, send, recv, sendto, recvfrom, epoll_wait, epoll_ctl,
 * accept4) are bound <em>without</em> it, and a failed one reads errno afterwards through {@code __errno_location()}
 * (see {@link ThreadScratch#errno()}). Why: the JDK slices the capture segment on every captured downcall
 * ({@code SharedUtils.checkCaptureSegment → asSlice}, a new 40-byte segment object), and that object is only
 * scalar-replaced when the JIT inlines the whole method-handle chain; called from deep in an event loop the chain
 * passes C2's inline depth limit and every call allocates (measured: 40 B per ping-pong round trip on the engine).
 * The price: errno is read by a second downcall right after the failed one, on the same OS thread and before any
 * other native call from our code, but JVM-internal code in between (the native-to-Java transition, a safepoint)
 * could in theory overwrite errno, which is exactly why the JDK offers captureCallState. We accept that on the -1
 * path to allocate nothing on any path; Netty's JNI transport reads errno the same way, right after the call.
 *
 * <p>Pointers the caller passes as native addresses ({@code void *buf}) are declared {@code JAVA_LONG}: on the
 * 64-bit ABIs we support, a pointer travels exactly like a long, and this saves wrapping each address in a
 * MemorySegment.
 *
 * <p>{@link Linker.Option#critical critical} calls skip the thread-state transition, but while one runs the JVM
 * cannot reach a safepoint, so only calls that can never block are critical: {@code __errno_location},
 * {@code epoll_ctl} and {@code epoll_wait} with a zero timeout. read/write/writev/readv/send/recv block on a blocking
 * fd, so they are critical only when the caller promises non-blocking fds with
 * {@code -Dreactorbench.sys.criticalIo=true} (off by default). {@code send}/{@code recv} are also bound a second time,
 * always critical ({@link #SEND_DONTWAIT}, {@link #RECV_DONTWAIT}), for callers that pass {@code MSG_DONTWAIT}:
 * with that flag the call cannot block whatever the fd's mode, so skipping the transition is safe. Measured on an
 * echo ping-pong server (perf, 2026-11-26): the transition was ~1.2 % of the server's CPU per round trip.
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

    // --- captured: errno arrives in the capture segment (first parameter); once per connection or less ---

    // int epoll_create1(int flags)
    static final MethodHandle EPOLL_CREATE1 = captured("epoll_create1", false, JAVA_INT, JAVA_INT);
    // int eventfd(unsigned int initval, int flags)
    static final MethodHandle EVENTFD = captured("eventfd", false, JAVA_INT, JAVA_INT, JAVA_INT);
    // int socket(int domain, int type, int protocol)
    static final MethodHandle SOCKET = captured("socket", false, JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT);
    // int setsockopt(int fd, int level, int optname, const void *optval, socklen_t optlen)
    static final MethodHandle SETSOCKOPT = captured("setsockopt", false, JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT, ADDRESS, JAVA_INT);
    // int getsockopt(int fd, int level, int optname, void *optval, socklen_t *optlen)
    static final MethodHandle GETSOCKOPT = captured("getsockopt", false, JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT, ADDRESS, ADDRESS);
    // int bind(int fd, const struct sockaddr *addr, socklen_t len)
    static final MethodHandle BIND = captured("bind", false, JAVA_INT, JAVA_INT, ADDRESS, JAVA_INT);
    // int listen(int fd, int backlog)
    static final MethodHandle LISTEN = captured("listen", false, JAVA_INT, JAVA_INT, JAVA_INT);
    // int getsockname(int fd, struct sockaddr *addr, socklen_t *len)
    static final MethodHandle GETSOCKNAME = captured("getsockname", false, JAVA_INT, JAVA_INT, ADDRESS, ADDRESS);
    // int getpeername(int fd, struct sockaddr *addr, socklen_t *len)
    static final MethodHandle GETPEERNAME = captured("getpeername", false, JAVA_INT, JAVA_INT, ADDRESS, ADDRESS);
    // int connect(int fd, const struct sockaddr *addr, socklen_t len)
    static final MethodHandle CONNECT = captured("connect", false, JAVA_INT, JAVA_INT, ADDRESS, JAVA_INT);
    // int shutdown(int fd, int how)
    static final MethodHandle SHUTDOWN = captured("shutdown", false, JAVA_INT, JAVA_INT, JAVA_INT);
    // int close(int fd): may block (SO_LINGER), never critical
    static final MethodHandle CLOSE = captured("close", false, JAVA_INT, JAVA_INT);

    // --- plain: the per-event calls, no capture segment; after a -1, errno is read through ERRNO_LOCATION ---

    // int *__errno_location(void): this OS thread's errno; never blocks, so critical
    static final MethodHandle ERRNO_LOCATION = plain("__errno_location", true, ADDRESS);

    // int epoll_ctl(int epfd, int op, int fd, struct epoll_event *event)
    static final MethodHandle EPOLL_CTL = plain("epoll_ctl", true, JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT, ADDRESS);
    // int epoll_wait(int epfd, struct epoll_event *events, int maxevents, int timeout): blocks unless timeout is 0
    static final MethodHandle EPOLL_WAIT = plain("epoll_wait", false, JAVA_INT, JAVA_INT, ADDRESS, JAVA_INT, JAVA_INT);
    static final MethodHandle EPOLL_WAIT_NOW = plain("epoll_wait", true, JAVA_INT, JAVA_INT, ADDRESS, JAVA_INT, JAVA_INT);
    // int accept4(int fd, struct sockaddr *addr, socklen_t *len, int flags): blocks on a blocking listener
    static final MethodHandle ACCEPT4 = plain("accept4", false, JAVA_INT, JAVA_INT, JAVA_LONG, JAVA_LONG, JAVA_INT);
    // ssize_t read(int fd, void *buf, size_t count)
    static final MethodHandle READ = plain("read", CRITICAL_IO, JAVA_LONG, JAVA_INT, JAVA_LONG, JAVA_LONG);
    // ssize_t write(int fd, const void *buf, size_t count)
    static final MethodHandle WRITE = plain("write", CRITICAL_IO, JAVA_LONG, JAVA_INT, JAVA_LONG, JAVA_LONG);
    // ssize_t writev(int fd, const struct iovec *iov, int iovcnt)
    static final MethodHandle WRITEV = plain("writev", CRITICAL_IO, JAVA_LONG, JAVA_INT, JAVA_LONG, JAVA_INT);
    // ssize_t readv(int fd, const struct iovec *iov, int iovcnt)
    static final MethodHandle READV = plain("readv", CRITICAL_IO, JAVA_LONG, JAVA_INT, JAVA_LONG, JAVA_INT);
    // ssize_t send(int fd, const void *buf, size_t len, int flags)
    static final MethodHandle SEND = plain("send", CRITICAL_IO, JAVA_LONG, JAVA_INT, JAVA_LONG, JAVA_LONG, JAVA_INT);
    // ssize_t recv(int fd, void *buf, size_t len, int flags)
    static final MethodHandle RECV = plain("recv", CRITICAL_IO, JAVA_LONG, JAVA_INT, JAVA_LONG, JAVA_LONG, JAVA_INT);
    // the same two, always critical: only for calls whose flags include MSG_DONTWAIT (they cannot block)
    static final MethodHandle SEND_DONTWAIT = plain("send", true, JAVA_LONG, JAVA_INT, JAVA_LONG, JAVA_LONG, JAVA_INT);
    static final MethodHandle RECV_DONTWAIT = plain("recv", true, JAVA_LONG, JAVA_INT, JAVA_LONG, JAVA_LONG, JAVA_INT);
    // ssize_t sendto(int fd, const void *buf, size_t len, int flags, const struct sockaddr *to, socklen_t tolen)
    static final MethodHandle SENDTO =
            plain("sendto", CRITICAL_IO, JAVA_LONG, JAVA_INT, JAVA_LONG, JAVA_LONG, JAVA_INT, ADDRESS, JAVA_INT);
    // ssize_t recvfrom(int fd, void *buf, size_t len, int flags, struct sockaddr *from, socklen_t *fromlen)
    static final MethodHandle RECVFROM =
            plain("recvfrom", CRITICAL_IO, JAVA_LONG, JAVA_INT, JAVA_LONG, JAVA_LONG, JAVA_INT, ADDRESS, ADDRESS);

    // --- io_uring: raw system calls through syscall(2) (glibc has no wrappers; liburing is not used) ---

    // long syscall(long number, ...): variadic after the number; every argument is passed as a long, which is how
    // the kernel reads its argument registers anyway (it truncates to the declared int types itself)
    // io_uring_setup(u32 entries, struct io_uring_params *p): once per ring, errno captured
    static final MethodHandle SYSCALL2 = syscall(false, true, 2);
    // io_uring_register(int fd, unsigned opcode, void *arg, unsigned nr_args): once per ring or buffer ring
    static final MethodHandle SYSCALL4 = syscall(false, true, 4);
    // io_uring_enter(int fd, u32 to_submit, u32 min_complete, u32 flags, const void *argp, size_t argsz): per loop
    // iteration, so uncaptured; it blocks while it waits, so critical only in the variant that never waits
    static final MethodHandle SYSCALL6 = syscall(false, false, 6);
    static final MethodHandle SYSCALL6_NOW = syscall(true, false, 6);
    // void *mmap(void *addr, size_t length, int prot, int flags, int fd, off_t offset): the rings, once per ring
    static final MethodHandle MMAP =
            captured("mmap", false, JAVA_LONG, JAVA_LONG, JAVA_LONG, JAVA_INT, JAVA_INT, JAVA_INT, JAVA_LONG);
    // int munmap(void *addr, size_t length)
    static final MethodHandle MUNMAP = captured("munmap", false, JAVA_INT, JAVA_LONG, JAVA_LONG);

    private LibcCalls() {
    }

    @SuppressWarnings("restricted") // the point of this class; NativeBindingsProbe reports a denied native access
    private static MethodHandle captured(String name, boolean critical, MemoryLayout result,
                                         MemoryLayout... arguments) {
        FunctionDescriptor descriptor = FunctionDescriptor.of(result, arguments);
        Linker.Option[] options = critical ? new Linker.Option[] {ERRNO, CRITICAL} : new Linker.Option[] {ERRNO};
        return LINKER.downcallHandle(LIBC.findOrThrow(name), descriptor, options);
    }

    @SuppressWarnings("restricted") // as above
    private static MethodHandle plain(String name, boolean critical, MemoryLayout result,
                                      MemoryLayout... arguments) {
        FunctionDescriptor descriptor = FunctionDescriptor.of(result, arguments);
        Linker.Option[] options = critical ? new Linker.Option[] {CRITICAL} : new Linker.Option[0];
        return LINKER.downcallHandle(LIBC.findOrThrow(name), descriptor, options);
    }

    @SuppressWarnings("restricted") // as above
    private static MethodHandle syscall(boolean critical, boolean captureErrno, int argumentCount) {
        MemoryLayout[] arguments = new MemoryLayout[argumentCount + 1];
        java.util.Arrays.fill(arguments, JAVA_LONG);
        FunctionDescriptor descriptor = FunctionDescriptor.of(JAVA_LONG, arguments);
        java.util.List<Linker.Option> options = new java.util.ArrayList<>();
        options.add(Linker.Option.firstVariadicArg(1));
        if (captureErrno) {
            options.add(ERRNO);
        }
        if (critical) {
            options.add(CRITICAL);
        }
        return LINKER.downcallHandle(LIBC.findOrThrow("syscall"), descriptor, options.toArray(new Linker.Option[0]));
    }

    /**
     * The calling OS thread's errno variable, 4 bytes. Valid for as long as that OS thread lives: a platform thread
     * keeps it, a virtual thread must ask again after any point where it could have changed carrier.
     */
    @SuppressWarnings("restricted") // libc's errno is an int at the returned address
    static MemorySegment errnoOfThisOsThread() {
        try {
            return ((MemorySegment) ERRNO_LOCATION.invokeExact()).reinterpret(Integer.BYTES);
        } catch (Throwable t) {
            throw unexpected(t);
        }
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
