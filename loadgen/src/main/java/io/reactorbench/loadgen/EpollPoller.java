package io.reactorbench.loadgen;

import io.reactorbench.sys.EpollEvents;
import io.reactorbench.sys.EpollFlags;
import io.reactorbench.sys.Errno;
import io.reactorbench.sys.EventFdFlags;
import io.reactorbench.sys.LinuxSys;
import io.reactorbench.sys.SocketFlags;
import io.reactorbench.sys.SocketOptions;
import io.reactorbench.wire.spi.Transport;
import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * {@link Poller} on Linux epoll through the {@code sys} module's FFM bindings: a socket is an int in an array,
 * so a connection costs no heap object at all; level-triggered, like NIO, so the worker's loop is the same.
 */
final class EpollPoller implements Poller {

    /** Ready entries taken per epoll_wait; more stay for the next call (level-triggered). */
    private static final int EVENTS_PER_WAIT = 1024;
    private static final long WAKEUP_DATA = -1;

    private final Transport transport;
    private final Arena arena = Arena.ofShared();
    private final EpollEvents events = new EpollEvents(arena, EVENTS_PER_WAIT);
    private final int epfd;
    private final int wakeupFd;
    private final int[] fds;
    /** Per slot: the epoll interest bits registered, so that CONNECT is reported while a connect is pending. */
    private final int[] interest;
    private ByteBuffer cachedBuffer;
    private long cachedAddress;
    private ByteBuffer cachedBuffer2;
    private long cachedAddress2;

    EpollPoller(int slots) throws IOException {
        this(slots, Transport.TCP);
    }

    EpollPoller(int slots, Transport transport) throws IOException {
        this.transport = transport;
        if (!LinuxSys.isAvailable()) {
            throw new IOException("epoll poller unavailable: " + LinuxSys.unavailabilityCause());
        }
        epfd = check(LinuxSys.epollCreate1(EpollFlags.EPOLL_CLOEXEC), "epoll_create1");
        wakeupFd = check(LinuxSys.eventfd(0, EventFdFlags.EFD_NONBLOCK | EventFdFlags.EFD_CLOEXEC), "eventfd");
        check(LinuxSys.epollCtl(epfd, EpollFlags.EPOLL_CTL_ADD, wakeupFd, EpollFlags.EPOLLIN, WAKEUP_DATA),
                "epoll_ctl");
        fds = new int[slots];
        interest = new int[slots];
        Arrays.fill(fds, -1);
    }

    private static int check(int r, String call) throws IOException {
        if (r < 0) {
            throw new IOException(call + ": " + Errno.message(-r));
        }
        return r;
    }

    @Override
    public boolean connect(int slot, SocketAddress target, InetSocketAddress source) throws IOException {
        if (source != null && source.getPort() != 0) {
            try {
                return open(slot, target, source);
            } catch (PortTakenException taken) {
                // that address and port are in use (see SourcePorts): the kernel picks one instead
            }
        }
        return open(slot, target, source == null ? null : new InetSocketAddress(source.getAddress(), 0));
    }

    /** An explicit source port that bind or connect refused as taken; the caller retries with port 0. */
    private static final class PortTakenException extends IOException {
        PortTakenException() {
            super(null, null);
        }

        @Override
        public synchronized Throwable fillInStackTrace() {
            return this; // control flow, caught one frame up: no trace to fill
        }
    }

    private boolean open(int slot, SocketAddress target, InetSocketAddress source) throws IOException {
        int domain = target instanceof UnixDomainSocketAddress ? SocketFlags.AF_UNIX
                : ((InetSocketAddress) target).getAddress() instanceof Inet6Address ? SocketFlags.AF_INET6
                : SocketFlags.AF_INET;
        int type = transport == Transport.UDP ? SocketFlags.SOCK_DGRAM : SocketFlags.SOCK_STREAM;
        int fd = check(LinuxSys.socket(domain, type | SocketFlags.SOCK_NONBLOCK | SocketFlags.SOCK_CLOEXEC, 0), "socket");
        boolean explicitPort = source != null && source.getPort() != 0;
        try {
            if (transport == Transport.TCP) {
                check(LinuxSys.setsockoptInt(fd, SocketOptions.IPPROTO_TCP, SocketOptions.TCP_NODELAY, 1),
                        "TCP_NODELAY");
            }
            if (source != null) {
                if (explicitPort) {
                    // a port this run used before may still be in TIME_WAIT: that alone must not refuse the bind
                    check(LinuxSys.setsockoptInt(fd, SocketOptions.SOL_SOCKET, SocketOptions.SO_REUSEADDR, 1),
                            "SO_REUSEADDR");
                }
                int bound = LinuxSys.bind(fd, source);
                if (explicitPort && bound == -Errno.EADDRINUSE) {
                    throw new PortTakenException();
                }
                check(bound, "bind " + source.getAddress().getHostAddress());
            }
            // UDP: connect only sets the peer (never in progress). Unix-domain: EAGAIN, not EINPROGRESS, when the
            // server's backlog is full; no connect is pending then, so it fails (and is counted) like a refusal.
            int r = target instanceof UnixDomainSocketAddress unix ? LinuxSys.connect(fd, unix)
                    : LinuxSys.connect(fd, (InetSocketAddress) target);
            if (explicitPort && (r == -Errno.EADDRNOTAVAIL || r == -Errno.EADDRINUSE)) {
                throw new PortTakenException(); // the same 4-tuple exists (TIME_WAIT towards this server)
            }
            if (r < 0 && r != -Errno.EINPROGRESS) {
                throw new IOException(Errno.message(-r));
            }
            boolean connected = r == 0;
            int bits = connected ? EpollFlags.EPOLLIN : EpollFlags.EPOLLOUT;
            check(LinuxSys.epollCtl(epfd, EpollFlags.EPOLL_CTL_ADD, fd, bits, slot), "epoll_ctl");
            fds[slot] = fd;
            interest[slot] = connected ? READ : CONNECT;
            return connected;
        } catch (IOException | RuntimeException e) {
            LinuxSys.close(fd);
            throw e;
        }
    }

    @Override
    public void finishConnect(int slot) throws IOException {
        int error = LinuxSys.getsockoptInt(fds[slot], SocketOptions.SOL_SOCKET, SocketOptions.SO_ERROR);
        if (error != 0) {
            throw new IOException(Errno.message(error < 0 ? -error : error));
        }
        modify(slot, READ);
    }

    private void modify(int slot, int ops) throws IOException {
        int bits = ((ops & READ) != 0 ? EpollFlags.EPOLLIN : 0) | ((ops & WRITE) != 0 ? EpollFlags.EPOLLOUT : 0);
        check(LinuxSys.epollCtl(epfd, EpollFlags.EPOLL_CTL_MOD, fds[slot], bits, slot), "epoll_ctl");
        interest[slot] = ops;
    }

    /** Native address of a worker's direct buffer; the two buffers a worker uses are remembered. */
    private long address(ByteBuffer buffer) {
        if (buffer == cachedBuffer) {
            return cachedAddress;
        }
        if (buffer == cachedBuffer2) {
            return cachedAddress2;
        }
        long address = MemorySegment.ofBuffer(buffer).address() - buffer.position();
        cachedBuffer2 = cachedBuffer;
        cachedAddress2 = cachedAddress;
        cachedBuffer = buffer;
        cachedAddress = address;
        return address;
    }

    @Override
    public int read(int slot, ByteBuffer into) throws IOException {
        long n = LinuxSys.recvNow(fds[slot], address(into) + into.position(), into.remaining());
        if (n > 0) {
            into.position(into.position() + (int) n);
            return (int) n;
        }
        if (n == 0) {
            return transport == Transport.UDP ? 0 : -1; // an empty datagram; on a stream, its end
        }
        if (n == -Errno.EAGAIN || n == -Errno.EINTR) {
            return 0;
        }
        throw new IOException(Errno.message((int) -n));
    }

    @Override
    public int write(int slot, ByteBuffer from) throws IOException {
        long n = LinuxSys.sendNow(fds[slot], address(from) + from.position(), from.remaining());
        if (n >= 0) {
            from.position(from.position() + (int) n);
            return (int) n;
        }
        if (n == -Errno.EAGAIN || n == -Errno.EINTR) {
            return 0;
        }
        throw new IOException(Errno.message((int) -n));
    }

    @Override
    public void watch(int slot, boolean read, boolean write) throws IOException {
        modify(slot, (read ? READ : 0) | (write ? WRITE : 0));
    }

    @Override
    public void close(int slot) {
        int fd = fds[slot];
        if (fd >= 0) {
            fds[slot] = -1;
            interest[slot] = 0;
            // close() removes the fd from the epoll set.
            LinuxSys.close(fd);
        }
    }

    @Override
    public int poll(long timeoutMs, Handler handler) throws IOException {
        int n = LinuxSys.epollWait(epfd, events, (int) Math.min(Math.max(timeoutMs, 0), Integer.MAX_VALUE));
        if (n == -Errno.EINTR) {
            return 0;
        }
        check(n, "epoll_wait");
        int reported = 0;
        for (int i = 0; i < n; i++) {
            long data = events.data(i);
            if (data == WAKEUP_DATA) {
                LinuxSys.eventfdRead(wakeupFd);
                continue;
            }
            int slot = (int) data;
            if (fds[slot] < 0) {
                continue;
            }
            int bits = events.events(i);
            boolean error = (bits & (EpollFlags.EPOLLERR | EpollFlags.EPOLLHUP)) != 0;
            int ready;
            if (interest[slot] == CONNECT) {
                ready = (bits & EpollFlags.EPOLLOUT) != 0 || error ? CONNECT : 0;
            } else {
                // An error or hang-up shows as readable: the read then reports it (reset, or end of stream).
                ready = ((bits & EpollFlags.EPOLLIN) != 0 || error ? READ : 0)
                        | ((bits & EpollFlags.EPOLLOUT) != 0 ? WRITE : 0);
            }
            if (ready != 0) {
                handler.onReady(slot, ready);
                reported++;
            }
        }
        return reported;
    }

    @Override
    public void wakeup() {
        LinuxSys.eventfdWrite(wakeupFd, 1);
    }

    @Override
    public void close() {
        for (int s = 0; s < fds.length; s++) {
            close(s);
        }
        LinuxSys.close(wakeupFd);
        LinuxSys.close(epfd);
        arena.close();
    }
}
