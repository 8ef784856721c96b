package io.reactorbench.sys;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.net.InetSocketAddress;
import java.net.UnixDomainSocketAddress;

/**
 * Linux system calls through the FFM API ({@code java.lang.foreign}): no JNI, no native library to build.
 *
 * <p><b>Why FFM and not JNI.</b> The calls are libc functions with plain C signatures, which the FFM linker binds
 * from Java alone: nothing to compile per platform, ship in the jar or load at run time (Netty's epoll transport
 * needs a prebuilt {@code .so}), and the JIT inlines a downcall through a {@code static final} handle about as
 * cheaply as a JNI call, without JNI's local-reference bookkeeping. The price is the restricted-method check: run
 * with {@code --enable-native-access=ALL-UNNAMED} (or the {@code Enable-Native-Access} manifest entry); without it
 * JDK 25 prints a warning, and with {@code --illegal-native-access=deny} the bindings are unavailable.
 *
 * <p><b>Error convention.</b> Every call returns its result when it is {@code >= 0} and {@code -errno} on failure.
 * Nothing here throws for an expected failure such as EAGAIN, EINTR or ECONNRESET: compare with
 * {@code r == -Errno.EAGAIN} and print with {@link Errno#message(int)}. What does throw is misuse: a segment whose
 * arena is closed, an unresolved address; and calling anything when {@link #isAvailable()} is false. The calls made
 * once per connection or less capture errno inside the downcall ({@code Linker.Option.captureCallState}); the
 * per-event calls (read, write, writev, readv, send, recv, sendTo, recvFrom, epollWait, epollCtl, the eventfd
 * counter, accept4) read it right after a -1 through {@code __errno_location()}, because the JDK allocates a
 * segment per captured call whenever the JIT cannot inline the whole downcall, as happens deep inside an event
 * loop. The trade-off is explained in {@code LibcCalls}.
 *
 * <p><b>Threading.</b> All methods are safe to call from any thread concurrently: each thread has its own small
 * native scratch (errno capture, eventfd counter, socket address), allocated on its first call and reused, so on a
 * platform thread the I/O and epoll calls allocate nothing on the Java heap, on success or failure. Use the per-event
 * calls from platform threads where allocation matters (the engine's loops and the load generator's workers are):
 * on a virtual thread they still work, but a failed one looks up its carrier's errno afresh, which may allocate a
 * little. The objects passed in ({@link
 * EpollEvents}, {@link IoVec}, {@link SockAddr}) are not thread-safe: one per thread, as a loop owns its own.
 * Addresses ({@code long address}) are native addresses ({@code MemorySegment.address()}) of memory the caller
 * owns and keeps alive for the call. A call that blocks (blocking fd, epoll_wait with a timeout) blocks only its
 * thread; a virtual thread making it pins its carrier, so prefer non-blocking fds there.
 *
 * <p>Used by the engine's epoll poller and, where measurably cheaper, by the load generator; it sits in a
 * neutral module so the measurer shares no code with what it measures beyond these bindings.
 */
public final class LinuxSys {

    private LinuxSys() {
    }

    /** Whether the bindings work here (Linux, x86_64/aarch64, native access allowed). */
    public static boolean isAvailable() {
        return NativeBindingsProbe.CAUSE == null;
    }

    /** Why they do not, or {@code null} when available. */
    public static String unavailabilityCause() {
        return NativeBindingsProbe.CAUSE;
    }

    /**
     * Whether native access was granted explicitly ({@code --enable-native-access}); when false but
     * {@link #isAvailable()}, calls work and the JDK prints a warning once.
     */
    public static boolean isNativeAccessEnabled() {
        return LinuxSys.class.getModule().isNativeAccessEnabled();
    }

    /**
     * Threads that have built their native scratch so far (each an arena of about 200 bytes of native memory, freed
     * when the thread is gone). A count that grows with requests means native memory is allocated per request:
     * typically calls made from short-lived threads (see {@link #eventfdSignal}).
     */
    public static long threadScratchesCreated() {
        return ThreadScratch.created();
    }

    // --- epoll / eventfd ---

    public static int epollCreate1(int flags) {
        MemorySegment capture = ThreadScratch.current().capture;
        try {
            return result((int) LibcCalls.EPOLL_CREATE1.invokeExact(capture, flags), capture);
        } catch (Throwable t) {
            throw LibcCalls.unexpected(t);
        }
    }

    /** {@code epoll_ctl(epfd, op, fd, {events, data})}. */
    public static int epollCtl(int epfd, int op, int fd, int events, long data) {
        ThreadScratch scratch = ThreadScratch.current();
        EpollEvents.write(scratch.epollEvent, events, data);
        try {
            return result((int) LibcCalls.EPOLL_CTL.invokeExact(epfd, op, fd, scratch.epollEvent), scratch);
        } catch (Throwable t) {
            throw LibcCalls.unexpected(t);
        }
    }

    /**
     * Waits into {@code events} (an array of {@link EpollEvents} entries); returns the count or -errno.
     *
     * @throws IllegalArgumentException if {@code maxEvents} entries do not fit in {@code events} (the kernel would
     *                                  write past its end)
     */
    public static int epollWait(int epfd, MemorySegment events, int maxEvents, int timeoutMs) {
        if ((long) maxEvents * EpollEvents.ENTRY_SIZE > events.byteSize()) {
            throw new IllegalArgumentException(maxEvents + " epoll events do not fit in " + events.byteSize() + " bytes");
        }
        ThreadScratch scratch = ThreadScratch.current();
        try {
            // a zero timeout never blocks, so that call may be critical (no thread-state transition)
            int r = timeoutMs == 0
                    ? (int) LibcCalls.EPOLL_WAIT_NOW.invokeExact(epfd, events, maxEvents, 0)
                    : (int) LibcCalls.EPOLL_WAIT.invokeExact(epfd, events, maxEvents, timeoutMs);
            return result(r, scratch);
        } catch (Throwable t) {
            throw LibcCalls.unexpected(t);
        }
    }

    /** Waits into all of {@code events}; returns how many entries are filled, or -errno (-EINTR on a signal). */
    public static int epollWait(int epfd, EpollEvents events, int timeoutMs) {
        return epollWait(epfd, events.segment(), events.capacity(), timeoutMs);
    }

    public static int eventfd(int initialValue, int flags) {
        MemorySegment capture = ThreadScratch.current().capture;
        try {
            return result((int) LibcCalls.EVENTFD.invokeExact(capture, initialValue, flags), capture);
        } catch (Throwable t) {
            throw LibcCalls.unexpected(t);
        }
    }

    /** Adds {@code value} to an eventfd's counter (a wake-up): 8 or -errno (-EAGAIN if it would overflow). */
    public static int eventfdWrite(int fd, long value) {
        ThreadScratch scratch = ThreadScratch.current();
        scratch.value8.set(ValueLayout.JAVA_LONG, 0, value);
        return (int) write(scratch, fd, scratch.value8.address(), 8);
    }

    /**
     * Adds 1 to an eventfd's counter (a wake-up) without this thread's scratch: 8 or -errno. For threads that make
     * one call and end, such as an offload task on its own virtual thread waking a loop, where
     * {@link #eventfdWrite(int, long)} would build that thread's scratch (an arena and five native segments) for
     * one write. The 1 comes from one 8-byte segment of global memory that every thread shares and nobody writes.
     */
    public static int eventfdSignal(int fd) {
        try {
            long r = (long) LibcCalls.WRITE.invokeExact(fd, EventFdOne.ADDRESS, 8L);
            // errno right after the -1, as ThreadScratch.errno() does; on a virtual thread nothing between parks
            return r >= 0 ? (int) r : -LibcCalls.errnoOfThisOsThread().get(ValueLayout.JAVA_INT, 0);
        } catch (Throwable t) {
            throw LibcCalls.unexpected(t);
        }
    }

    /** The 8-byte 1 that {@link #eventfdSignal} writes; global memory, never freed, never written again. */
    private static final class EventFdOne {
        static final long ADDRESS = allocate();

        private static long allocate() {
            MemorySegment one = Arena.global().allocate(ValueLayout.JAVA_LONG);
            one.set(ValueLayout.JAVA_LONG, 0, 1L);
            return one.address();
        }
    }

    /** Reads and resets an eventfd's counter: the counter (> 0), or -errno (-EAGAIN when zero and non-blocking). */
    public static long eventfdRead(int fd) {
        ThreadScratch scratch = ThreadScratch.current();
        long r = read(scratch, fd, scratch.value8.address(), 8);
        return r < 0 ? r : scratch.value8.get(ValueLayout.JAVA_LONG, 0);
    }

    // --- sockets ---

    public static int socket(int domain, int type, int protocol) {
        MemorySegment capture = ThreadScratch.current().capture;
        try {
            return result((int) LibcCalls.SOCKET.invokeExact(capture, domain, type, protocol), capture);
        } catch (Throwable t) {
            throw LibcCalls.unexpected(t);
        }
    }

    public static int setsockoptInt(int fd, int level, int option, int value) {
        ThreadScratch scratch = ThreadScratch.current();
        scratch.value8.set(ValueLayout.JAVA_INT, 0, value);
        return setsockopt(scratch, fd, level, option, 4);
    }

    /**
     * {@code SO_LINGER}: with {@code on} and 0 seconds, close() resets the connection (RST) instead of a graceful
     * FIN, which is how tests make an abrupt close. 0 or -errno.
     */
    public static int setLinger(int fd, boolean on, int seconds) {
        ThreadScratch scratch = ThreadScratch.current();
        scratch.value8.set(ValueLayout.JAVA_INT, 0, on ? 1 : 0);
        scratch.value8.set(ValueLayout.JAVA_INT, 4, seconds);
        return setsockopt(scratch, fd, SocketOptions.SOL_SOCKET, SocketOptions.SO_LINGER, 8);
    }

    /** An int option's value (e.g. SO_ERROR: the pending error, 0 when none), or -errno. */
    public static int getsockoptInt(int fd, int level, int option) {
        ThreadScratch scratch = ThreadScratch.current();
        scratch.value8.set(ValueLayout.JAVA_LONG, 0, 0L);
        scratch.socklen.set(ValueLayout.JAVA_INT, 0, 4);
        try {
            int r = (int) LibcCalls.GETSOCKOPT.invokeExact(scratch.capture, fd, level, option, scratch.value8,
                    scratch.socklen);
            return r < 0 ? -ThreadScratch.capturedErrno(scratch.capture) : scratch.value8.get(ValueLayout.JAVA_INT, 0);
        } catch (Throwable t) {
            throw LibcCalls.unexpected(t);
        }
    }

    /** Binds to an IPv4/IPv6 address given as a {@link java.net.InetSocketAddress}. */
    public static int bind(int fd, InetSocketAddress address) {
        ThreadScratch scratch = ThreadScratch.current();
        return bind(scratch, fd, scratch.sockAddr.set(address));
    }

    /** Binds a Unix-domain socket to a filesystem path (which must not exist yet: EADDRINUSE). */
    public static int bind(int fd, UnixDomainSocketAddress address) {
        ThreadScratch scratch = ThreadScratch.current();
        return bind(scratch, fd, scratch.sockAddr.set(address));
    }

    public static int bind(int fd, SockAddr address) {
        return bind(ThreadScratch.current(), fd, address);
    }

    public static int listen(int fd, int backlog) {
        MemorySegment capture = ThreadScratch.current().capture;
        try {
            return result((int) LibcCalls.LISTEN.invokeExact(capture, fd, backlog), capture);
        } catch (Throwable t) {
            throw LibcCalls.unexpected(t);
        }
    }

    /** The locally bound port, or -errno. */
    public static int localPort(int fd) {
        ThreadScratch scratch = ThreadScratch.current();
        int r = localAddress(fd, scratch.sockAddr);
        return r < 0 ? r : scratch.sockAddr.port();
    }

    /** {@code getsockname} into {@code out}: 0 or -errno. */
    public static int localAddress(int fd, SockAddr out) {
        MemorySegment capture = ThreadScratch.current().capture;
        try {
            int r = (int) LibcCalls.GETSOCKNAME.invokeExact(capture, fd, out.segment(), out.lengthSlotForOutput());
            out.acceptOutputLength();
            return result(r, capture);
        } catch (Throwable t) {
            throw LibcCalls.unexpected(t);
        }
    }

    /** {@code accept4(fd, NULL, NULL, flags)}: the new fd, or -errno (-EAGAIN when none is waiting). */
    public static int accept4(int fd, int flags) {
        ThreadScratch scratch = ThreadScratch.current();
        try {
            return result((int) LibcCalls.ACCEPT4.invokeExact(fd, 0L, 0L, flags), scratch);
        } catch (Throwable t) {
            throw LibcCalls.unexpected(t);
        }
    }

    /** {@code accept4} that also fills in the peer's address: the new fd, or -errno. */
    public static int accept4(int fd, int flags, SockAddr peerOut) {
        ThreadScratch scratch = ThreadScratch.current();
        try {
            int r = (int) LibcCalls.ACCEPT4.invokeExact(fd, peerOut.segment().address(),
                    peerOut.lengthSlotForOutput().address(), flags);
            int result = result(r, scratch); // errno first: acceptOutputLength must not run in between
            peerOut.acceptOutputLength();
            return result;
        } catch (Throwable t) {
            throw LibcCalls.unexpected(t);
        }
    }

    /** Peer address of a connected socket (allocates; not for the hot path), or {@code null} on failure. */
    public static InetSocketAddress peerAddress(int fd) {
        SockAddr out = ThreadScratch.current().sockAddr;
        return peerAddress(fd, out) < 0 ? null : out.toInetSocketAddress();
    }

    /** {@code getpeername} into {@code out}: 0 or -errno (-ENOTCONN when not connected). */
    public static int peerAddress(int fd, SockAddr out) {
        MemorySegment capture = ThreadScratch.current().capture;
        try {
            int r = (int) LibcCalls.GETPEERNAME.invokeExact(capture, fd, out.segment(), out.lengthSlotForOutput());
            out.acceptOutputLength();
            return result(r, capture);
        } catch (Throwable t) {
            throw LibcCalls.unexpected(t);
        }
    }

    /** 0, or -errno: -EINPROGRESS on a non-blocking socket (wait for EPOLLOUT, then read SO_ERROR). */
    public static int connect(int fd, InetSocketAddress address) {
        ThreadScratch scratch = ThreadScratch.current();
        return connect(scratch, fd, scratch.sockAddr.set(address));
    }

    public static int connect(int fd, UnixDomainSocketAddress address) {
        ThreadScratch scratch = ThreadScratch.current();
        return connect(scratch, fd, scratch.sockAddr.set(address));
    }

    public static int connect(int fd, SockAddr address) {
        return connect(ThreadScratch.current(), fd, address);
    }

    public static int shutdown(int fd, int how) {
        MemorySegment capture = ThreadScratch.current().capture;
        try {
            return result((int) LibcCalls.SHUTDOWN.invokeExact(capture, fd, how), capture);
        } catch (Throwable t) {
            throw LibcCalls.unexpected(t);
        }
    }

    /** 0 or -errno. Do not retry on EINTR: on Linux the fd is released either way. */
    public static int close(int fd) {
        MemorySegment capture = ThreadScratch.current().capture;
        try {
            return result((int) LibcCalls.CLOSE.invokeExact(capture, fd), capture);
        } catch (Throwable t) {
            throw LibcCalls.unexpected(t);
        }
    }

    // --- I/O on native memory ---

    /** Bytes read (0 at end of stream), or -errno (-EAGAIN when a non-blocking fd has nothing). */
    public static long read(int fd, long address, long length) {
        return read(ThreadScratch.current(), fd, address, length);
    }

    /** Bytes written (possibly fewer than asked), or -errno (-EAGAIN when the send buffer is full). */
    public static long write(int fd, long address, long length) {
        return write(ThreadScratch.current(), fd, address, length);
    }

    /** {@code writev(fd, iov, iovcnt)}; {@code iov} holds {@code iovcnt} {@code struct iovec} (see {@link IoVec}). */
    public static long writev(int fd, long iovAddress, int iovCount) {
        ThreadScratch scratch = ThreadScratch.current();
        try {
            return result((long) LibcCalls.WRITEV.invokeExact(fd, iovAddress, iovCount), scratch);
        } catch (Throwable t) {
            throw LibcCalls.unexpected(t);
        }
    }

    /** Gathering write of the first {@code count} entries of {@code iov}. */
    public static long writev(int fd, IoVec iov, int count) {
        checkCount(iov, count);
        return writev(fd, iov.address(), count);
    }

    /** Scattering read into the first {@code count} entries of {@code iov}: bytes read, 0 at end, or -errno. */
    public static long readv(int fd, IoVec iov, int count) {
        checkCount(iov, count);
        ThreadScratch scratch = ThreadScratch.current();
        try {
            return result((long) LibcCalls.READV.invokeExact(fd, iov.address(), count), scratch);
        } catch (Throwable t) {
            throw LibcCalls.unexpected(t);
        }
    }

    /** {@code send}: like write, with flags such as MSG_NOSIGNAL (EPIPE instead of SIGPIPE) or MSG_DONTWAIT. */
    public static long send(int fd, long address, long length, int flags) {
        ThreadScratch scratch = ThreadScratch.current();
        try {
            return result((long) LibcCalls.SEND.invokeExact(fd, address, length, flags), scratch);
        } catch (Throwable t) {
            throw LibcCalls.unexpected(t);
        }
    }

    /**
     * The event loop's send on a stream socket: {@code send(fd, buf, len, MSG_DONTWAIT | MSG_NOSIGNAL)}. Bytes sent
     * (possibly fewer), or -errno (-EAGAIN when the send buffer is full, -EPIPE instead of SIGPIPE on a closed peer).
     * Cheaper per call than {@link #write}: {@code sendto} skips the VFS layer {@code write} goes through
     * ({@code fdget_pos}, {@code rw_verify_area}, {@code fsnotify}; ~3.5 % of an echo server's CPU per round trip
     * here, perf), and MSG_DONTWAIT means it cannot block, so it is bound critical (no thread-state transition).
     */
    public static long sendNow(int fd, long address, long length) {
        ThreadScratch scratch = ThreadScratch.current();
        try {
            return result((long) LibcCalls.SEND_DONTWAIT.invokeExact(fd, address, length,
                    SocketFlags.MSG_DONTWAIT | SocketFlags.MSG_NOSIGNAL), scratch);
        } catch (Throwable t) {
            throw LibcCalls.unexpected(t);
        }
    }

    /**
     * The event loop's read from a stream socket: {@code recv(fd, buf, len, MSG_DONTWAIT)}. Bytes read, 0 at end of
     * stream, or -errno (-EAGAIN when nothing is there). Same reasons as {@link #sendNow}.
     */
    public static long recvNow(int fd, long address, long length) {
        ThreadScratch scratch = ThreadScratch.current();
        try {
            return result((long) LibcCalls.RECV_DONTWAIT.invokeExact(fd, address, length, SocketFlags.MSG_DONTWAIT),
                    scratch);
        } catch (Throwable t) {
            throw LibcCalls.unexpected(t);
        }
    }

    /** {@code recv}: like read, with flags such as MSG_PEEK or MSG_DONTWAIT. */
    public static long recv(int fd, long address, long length, int flags) {
        ThreadScratch scratch = ThreadScratch.current();
        try {
            return result((long) LibcCalls.RECV.invokeExact(fd, address, length, flags), scratch);
        } catch (Throwable t) {
            throw LibcCalls.unexpected(t);
        }
    }

    /** Sends one datagram to {@code to}: bytes sent, or -errno. Allocates nothing. */
    public static long sendTo(int fd, long address, long length, int flags, SockAddr to) {
        ThreadScratch scratch = ThreadScratch.current();
        try {
            return result((long) LibcCalls.SENDTO.invokeExact(fd, address, length, flags, to.segment(), to.length()),
                    scratch);
        } catch (Throwable t) {
            throw LibcCalls.unexpected(t);
        }
    }

    /**
     * Receives one datagram and fills {@code from} with its sender: bytes received (a longer datagram is cut to
     * {@code length}), or -errno (-EAGAIN when none is waiting). Allocates nothing.
     */
    public static long recvFrom(int fd, long address, long length, int flags, SockAddr from) {
        ThreadScratch scratch = ThreadScratch.current();
        try {
            long r = (long) LibcCalls.RECVFROM.invokeExact(fd, address, length, flags, from.segment(),
                    from.lengthSlotForOutput());
            long result = result(r, scratch); // errno first: acceptOutputLength must not run in between
            from.acceptOutputLength();
            return result;
        } catch (Throwable t) {
            throw LibcCalls.unexpected(t);
        }
    }

    // --- shared bodies ---

    private static long read(ThreadScratch scratch, int fd, long address, long length) {
        try {
            return result((long) LibcCalls.READ.invokeExact(fd, address, length), scratch);
        } catch (Throwable t) {
            throw LibcCalls.unexpected(t);
        }
    }

    private static long write(ThreadScratch scratch, int fd, long address, long length) {
        try {
            return result((long) LibcCalls.WRITE.invokeExact(fd, address, length), scratch);
        } catch (Throwable t) {
            throw LibcCalls.unexpected(t);
        }
    }

    private static int setsockopt(ThreadScratch scratch, int fd, int level, int option, int valueLength) {
        try {
            return result((int) LibcCalls.SETSOCKOPT.invokeExact(scratch.capture, fd, level, option, scratch.value8,
                    valueLength), scratch.capture);
        } catch (Throwable t) {
            throw LibcCalls.unexpected(t);
        }
    }

    private static int bind(ThreadScratch scratch, int fd, SockAddr address) {
        try {
            return result((int) LibcCalls.BIND.invokeExact(scratch.capture, fd, address.segment(), address.length()),
                    scratch.capture);
        } catch (Throwable t) {
            throw LibcCalls.unexpected(t);
        }
    }

    private static int connect(ThreadScratch scratch, int fd, SockAddr address) {
        try {
            return result((int) LibcCalls.CONNECT.invokeExact(scratch.capture, fd, address.segment(),
                    address.length()), scratch.capture);
        } catch (Throwable t) {
            throw LibcCalls.unexpected(t);
        }
    }

    private static void checkCount(IoVec iov, int count) {
        if (count > iov.capacity()) {
            throw new IllegalArgumentException(count + " iovec entries asked of an IoVec holding " + iov.capacity());
        }
    }

    /** libc returns -1 and sets errno on failure; turn that into -errno (captured calls). */
    private static int result(int r, MemorySegment capture) {
        return r >= 0 ? r : -ThreadScratch.capturedErrno(capture);
    }

    /** The same for plain calls: errno read right after the -1, before any other native call (see LibcCalls). */
    private static int result(int r, ThreadScratch scratch) {
        return r >= 0 ? r : -scratch.errno();
    }

    private static long result(long r, ThreadScratch scratch) {
        return r >= 0 ? r : -scratch.errno();
    }
}
