package io.reactorbench.engine;

import static io.reactorbench.engine.EpollSockets.check;

import io.reactorbench.sys.EpollEvents;
import io.reactorbench.sys.EpollFlags;
import io.reactorbench.sys.Errno;
import io.reactorbench.sys.EventFdFlags;
import io.reactorbench.sys.IoVec;
import io.reactorbench.sys.LinuxSys;
import io.reactorbench.sys.PollerKind;
import io.reactorbench.sys.SockAddr;
import io.reactorbench.sys.SocketFlags;
import java.io.IOException;
import java.lang.foreign.Arena;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.UnixDomainSocketAddress;
import java.util.HashMap;
import java.util.Map;
import java.net.SocketException;
import java.nio.ByteBuffer;

/**
 * The Linux poller: epoll, eventfd and socket calls made directly through the FFM bindings in {@code sys}. A
 * connection is its fd and nothing else — no {@code SocketChannel}, no key: its slot maps to the fd in an int
 * array, and the slot is the epoll data, so an event leads straight to the loop's table row. Level-
 * triggered by default (interest changes cost an {@code epoll_ctl}); edge-triggered registers read and write
 * interest once and lets the loop bound its reads per event.
 */
final class EpollPoller implements Poller {

    /** epoll_wait fills at most this many entries per call; more ready fds are simply reported next time. */
    private static final int MAX_EVENTS_PER_POLL = 1024;
    /** The eventfd's epoll data; slots are never negative, so it cannot collide with one. */
    private static final long WAKEUP_DATA = -1L;
    private static final int HANGUP_BITS = EpollFlags.EPOLLHUP | EpollFlags.EPOLLERR | EpollFlags.EPOLLRDHUP;

    private final Arena arena = Arena.ofShared();
    private final int epfd;
    private final int wakeupFd;
    private final EpollEvents events;
    private final IoVec iov;
    private final SockAddr sockAddr;
    /** The sender of the last datagram, filled in place by recvfrom and reused for the reply. */
    private final SockAddr sender;
    private final SocketSetup setup;
    private final boolean edgeTriggered;
    private IOException lastFailure;
    /** Unix-domain listeners' addresses (getsockname would not give them back as IP addresses). */
    private final Map<Integer, SocketAddress> unixListeners = new HashMap<>();
    private final SlotAllocator slots = new SlotAllocator();
    /** The fd of each slot. */
    private int[] fds = new int[64];

    EpollPoller(SocketSetup setup, boolean edgeTriggered) throws IOException {
        String cause = PollerKind.EPOLL.unavailabilityCause();
        if (cause != null) {
            throw new IOException("epoll poller unavailable: " + cause);
        }
        this.setup = setup;
        this.edgeTriggered = edgeTriggered;
        this.epfd = check(LinuxSys.epollCreate1(EpollFlags.EPOLL_CLOEXEC), "epoll_create1");
        this.wakeupFd = check(LinuxSys.eventfd(0, EventFdFlags.EFD_NONBLOCK | EventFdFlags.EFD_CLOEXEC), "eventfd");
        check(LinuxSys.epollCtl(epfd, EpollFlags.EPOLL_CTL_ADD, wakeupFd, EpollFlags.EPOLLIN, WAKEUP_DATA),
                "epoll_ctl(eventfd)");
        this.events = new EpollEvents(arena, MAX_EVENTS_PER_POLL);
        this.iov = new IoVec(arena, WritePath.MAX_BUFFERS_PER_WRITE);
        this.sockAddr = new SockAddr(arena);
        this.sender = new SockAddr(arena);
    }

    @Override
    public int poll(long timeoutMs, ReadySink sink) throws IOException {
        int timeout = (int) Math.min(timeoutMs < 0 ? -1 : timeoutMs, Integer.MAX_VALUE);
        int n = LinuxSys.epollWait(epfd, events, timeout);
        if (n == -Errno.EINTR) {
            return 0; // a signal: the loop simply polls again
        }
        if (n < 0) {
            throw new PollerFailedException("epoll_wait: " + Errno.message(n), null); // EBADF, EINVAL: the next would fail too
        }
        for (int i = 0; i < n; i++) {
            long data = events.data(i);
            if (data == WAKEUP_DATA) {
                LinuxSys.eventfdRead(wakeupFd);
                continue;
            }
            int bits = events.events(i);
            int ready = ((bits & EpollFlags.EPOLLIN) != 0 ? READABLE : 0)
                    | ((bits & EpollFlags.EPOLLOUT) != 0 ? WRITABLE : 0)
                    | ((bits & HANGUP_BITS) != 0 ? HANGUP | READABLE : 0);
            sink.onReady((int) data, ready);
        }
        return n;
    }

    @Override
    public void wakeup() {
        // any thread, often an offload task's own virtual thread: eventfdSignal builds no per-thread native scratch
        LinuxSys.eventfdSignal(wakeupFd);
    }

    @Override
    public boolean needsAddresses() {
        return true;
    }

    @Override
    public boolean edgeTriggered() {
        return edgeTriggered;
    }

    @Override
    public int listen(SocketAddress address, boolean reusePort, int backlog) throws IOException {
        if (address instanceof UnixDomainSocketAddress unix) {
            return listenUnix(unix, backlog);
        }
        int fd = EpollSockets.boundSocket((InetSocketAddress) address, SocketFlags.SOCK_STREAM, reusePort);
        try {
            check(LinuxSys.listen(fd, backlog), "listen");
            return add(fd, EpollFlags.EPOLLIN, "epoll_ctl(listener)");
        } catch (IOException | RuntimeException e) {
            LinuxSys.close(fd);
            throw e;
        }
    }

    private int listenUnix(UnixDomainSocketAddress address, int backlog) throws IOException {
        int fd = EpollSockets.listeningUnix(address, backlog);
        try {
            int slot = add(fd, EpollFlags.EPOLLIN, "epoll_ctl(listener)");
            unixListeners.put(slot, address);
            return slot;
        } catch (IOException | RuntimeException e) {
            LinuxSys.close(fd);
            throw e;
        }
    }

    @Override
    public SocketAddress listenerAddress(int listenerSlot) throws IOException {
        SocketAddress unix = unixListeners.get(listenerSlot);
        return unix != null ? unix : localAddressOrFail(fds[listenerSlot]);
    }

    @Override
    public void acceptInterest(int listenerSlot, boolean on) throws IOException {
        check(LinuxSys.epollCtl(epfd, EpollFlags.EPOLL_CTL_MOD, fds[listenerSlot], on ? EpollFlags.EPOLLIN : 0,
                listenerSlot), "epoll_ctl(listener)");
    }

    @Override
    public Object accept(int listenerSlot) throws IOException {
        while (true) {
            int fd = LinuxSys.accept4(fds[listenerSlot], EpollSockets.ACCEPT_FLAGS);
            if (fd >= 0) {
                return fd; // boxed once per connection, then unboxed by register
            }
            if (fd == -Errno.EAGAIN) {
                return null;
            }
            if (fd == -Errno.EMFILE || fd == -Errno.ENFILE) { // the connection stays in the backlog
                throw new FdLimitException("accept4: " + Errno.message(fd));
            }
            if (fd != -Errno.ECONNABORTED && fd != -Errno.EINTR) { // those two: the next one may be fine
                throw new IOException("accept4: " + Errno.message(fd));
            }
        }
    }

    @Override
    public InetSocketAddress remoteAddressOf(Object accepted) {
        return EpollSockets.inetOrNull((Integer) accepted);
    }

    @Override
    public void discard(Object accepted) {
        LinuxSys.close((Integer) accepted);
    }

    @Override
    public int register(Object accepted) throws IOException {
        int fd = (Integer) accepted;
        try {
            EpollSockets.applyOptions(fd, setup);
            int interest = edgeTriggered
                    ? EpollFlags.EPOLLIN | EpollFlags.EPOLLOUT | EpollFlags.EPOLLRDHUP | EpollFlags.EPOLLET
                    : EpollFlags.EPOLLIN | EpollFlags.EPOLLRDHUP;
            return add(fd, interest, "epoll_ctl(add)");
        } catch (IOException | RuntimeException e) {
            LinuxSys.close(fd);
            throw e;
        }
    }

    @Override
    public boolean interest(int slot, boolean read, boolean write) {
        if (edgeTriggered) {
            return true; // registered once for both; the loop ignores readiness it does not want
        }
        int bits = (read ? EpollFlags.EPOLLIN | EpollFlags.EPOLLRDHUP : 0) | (write ? EpollFlags.EPOLLOUT : 0);
        int changed = LinuxSys.epollCtl(epfd, EpollFlags.EPOLL_CTL_MOD, fds[slot], bits, slot);
        if (changed < 0) {
            fail("epoll_ctl", changed);
            return false;
        }
        return true;
    }

    @Override
    public int read(int slot, ByteBuffer dst, long dstBaseAddress) {
        int position = dst.position();
        while (true) {
            long n = LinuxSys.recvNow(fds[slot], dstBaseAddress + position, dst.limit() - position);
            if (n > 0) {
                dst.position(position + (int) n);
                return (int) n;
            }
            if (n == 0) {
                return EOF;
            }
            if (n == -Errno.EAGAIN) {
                return WOULD_BLOCK;
            }
            if (n != -Errno.EINTR) {
                return fail("recv", (int) n);
            }
        }
    }

    @Override
    public long write(int slot, ByteBuffer src, long srcBaseAddress) {
        int position = src.position();
        while (true) {
            long n = LinuxSys.sendNow(fds[slot], srcBaseAddress + position, src.limit() - position);
            if (n >= 0) {
                src.position(position + (int) n);
                return n;
            }
            if (n == -Errno.EAGAIN) {
                return 0;
            }
            if (n != -Errno.EINTR) {
                return fail("send", (int) n);
            }
        }
    }

    @Override
    public long writev(int slot, ByteBuffer[] srcs, long[] addresses, int count) {
        for (int i = 0; i < count; i++) {
            iov.set(i, addresses[i], srcs[i].remaining());
        }
        while (true) {
            long n = LinuxSys.writev(fds[slot], iov, count);
            if (n >= 0) {
                return n;
            }
            if (n == -Errno.EAGAIN) {
                return 0;
            }
            if (n != -Errno.EINTR) {
                return fail("writev", (int) n);
            }
        }
    }

    @Override
    public int bindDatagram(InetSocketAddress address, boolean reusePort) throws IOException {
        int fd = EpollSockets.boundSocket(address, SocketFlags.SOCK_DGRAM, reusePort);
        try {
            return add(fd, EpollFlags.EPOLLIN, "epoll_ctl(udp)");
        } catch (IOException | RuntimeException e) {
            LinuxSys.close(fd);
            throw e;
        }
    }

    @Override
    public int receive(int slot, ByteBuffer dst, long dstBaseAddress) {
        int position = dst.position();
        long n = LinuxSys.recvFrom(fds[slot], dstBaseAddress + position, dst.limit() - position, 0, sender);
        if (n >= 0) {
            dst.position(position + (int) n);
            return (int) n;
        }
        return n == -Errno.EAGAIN || n == -Errno.EINTR ? NO_DATAGRAM : fail("recvfrom", (int) n);
    }

    @Override
    public long sendToLastSender(int slot, ByteBuffer src, long srcBaseAddress) {
        int position = src.position();
        long n = LinuxSys.sendTo(fds[slot], srcBaseAddress + position, src.limit() - position, 0, sender);
        src.position(src.limit()); // a datagram goes whole or not at all
        if (n >= 0) {
            return n;
        }
        return n == -Errno.EAGAIN ? 0 : fail("sendto", (int) n);
    }

    @Override
    public SocketAddress lastSender() {
        return sender.toInetSocketAddress();
    }

    @Override
    public void shutdownOutput(int slot) {
        LinuxSys.shutdown(fds[slot], SocketFlags.SHUT_WR);
    }

    @Override
    public void close(int slot) {
        LinuxSys.close(fds[slot]); // also removes it from the epoll set
        fds[slot] = -1;
        unixListeners.remove(slot);
        slots.release(slot);
    }

    @Override
    public IOException lastFailure() {
        return lastFailure;
    }

    @Override
    public SocketAddress remoteAddress(int slot) {
        return EpollSockets.inetOrNull(fds[slot]);
    }

    @Override
    public SocketAddress localAddress(int slot) {
        try {
            return localAddressOrFail(fds[slot]);
        } catch (IOException e) {
            return null;
        }
    }

    @Override
    public void close() {
        LinuxSys.close(wakeupFd);
        LinuxSys.close(epfd);
        arena.close();
    }

    /** Registers {@code fd} under a new slot, which becomes its epoll data (the caller closes the fd if this throws). */
    private int add(int fd, int interest, String what) throws IOException {
        int slot = slots.allocate();
        if (slot >= fds.length) {
            fds = java.util.Arrays.copyOf(fds, Math.max(slot + 1, fds.length * 2));
        }
        fds[slot] = fd;
        int added = LinuxSys.epollCtl(epfd, EpollFlags.EPOLL_CTL_ADD, fd, interest, slot);
        if (added < 0) {
            fds[slot] = -1;
            slots.release(slot);
            check(added, what);
        }
        return slot;
    }

    private InetSocketAddress localAddressOrFail(int fd) throws IOException {
        check(LinuxSys.localAddress(fd, sockAddr), "getsockname");
        return sockAddr.toInetSocketAddress();
    }

    private int fail(String call, int negativeErrno) {
        lastFailure = new SocketException(call + ": " + Errno.message(negativeErrno));
        return FAILED;
    }

}
