package io.reactorbench.engine;

import io.reactorbench.sys.Errno;
import io.reactorbench.sys.LinuxSys;
import io.reactorbench.sys.SocketFlags;
import io.reactorbench.sys.SocketOptions;
import java.io.IOException;
import java.net.Inet6Address;
import java.net.InetSocketAddress;
import java.net.UnixDomainSocketAddress;

/**
 * The epoll poller's socket set-up, made with raw syscalls: listening and datagram sockets bound to an address,
 * accepted sockets' options, peer addresses. Kept apart from {@link EpollPoller}, whose part is readiness and I/O.
 * Each call that fails throws an IOException naming the syscall and errno, having closed the socket it opened.
 */
final class EpollSockets {

    /** Every socket the engine opens or accepts is non-blocking and closed on exec. */
    static final int ACCEPT_FLAGS = SocketFlags.SOCK_NONBLOCK | SocketFlags.SOCK_CLOEXEC;

    private EpollSockets() {
    }

    /**
     * A non-blocking IPv4/IPv6 socket of {@code type} with SO_REUSEADDR (and SO_REUSEPORT if asked) bound to
     * {@code address}; closed again if any step fails. EADDRINUSE becomes a BindException, as the JDK reports it.
     */
    static int boundSocket(InetSocketAddress address, int type, boolean reusePort) throws IOException {
        boolean ipv6 = address.getAddress() instanceof Inet6Address;
        int fd = check(LinuxSys.socket(ipv6 ? SocketFlags.AF_INET6 : SocketFlags.AF_INET, type | ACCEPT_FLAGS, 0),
                "socket");
        try {
            check(LinuxSys.setsockoptInt(fd, SocketOptions.SOL_SOCKET, SocketOptions.SO_REUSEADDR, 1), "SO_REUSEADDR");
            if (reusePort) {
                check(LinuxSys.setsockoptInt(fd, SocketOptions.SOL_SOCKET, SocketOptions.SO_REUSEPORT, 1),
                        "SO_REUSEPORT");
            }
            int bound = LinuxSys.bind(fd, address);
            if (bound == -Errno.EADDRINUSE) {
                throw new java.net.BindException("address already in use: " + address);
            }
            check(bound, "bind " + address);
            return fd;
        } catch (IOException | RuntimeException e) {
            LinuxSys.close(fd);
            throw e;
        }
    }

    /** A non-blocking Unix-domain stream socket bound to {@code address} and listening. */
    static int listeningUnix(UnixDomainSocketAddress address, int backlog) throws IOException {
        int fd = check(LinuxSys.socket(SocketFlags.AF_UNIX, SocketFlags.SOCK_STREAM | ACCEPT_FLAGS, 0), "socket");
        try {
            int bound = LinuxSys.bind(fd, address);
            if (bound == -Errno.EADDRINUSE) {
                throw new java.net.BindException("address already in use: " + address);
            }
            check(bound, "bind " + address);
            check(LinuxSys.listen(fd, backlog), "listen");
            return fd;
        } catch (IOException | RuntimeException e) {
            LinuxSys.close(fd);
            throw e;
        }
    }

    /** The accepted socket's options, as {@link SocketSetup#apply} sets them on the nio poller. */
    static void applyOptions(int fd, SocketSetup setup) throws IOException {
        if (setup.tcpNoDelay()) {
            int set = LinuxSys.setsockoptInt(fd, SocketOptions.IPPROTO_TCP, SocketOptions.TCP_NODELAY, 1);
            if (set == -Errno.EOPNOTSUPP) {
                return; // a Unix-domain socket: no TCP options, kernel-default buffers
            }
            check(set, "setsockopt TCP_NODELAY");
        }
        if (setup.keepAlive()) {
            check(LinuxSys.setsockoptInt(fd, SocketOptions.SOL_SOCKET, SocketOptions.SO_KEEPALIVE, 1),
                    "setsockopt SO_KEEPALIVE");
        }
        if (setup.sendBufferBytes() > 0) {
            check(LinuxSys.setsockoptInt(fd, SocketOptions.SOL_SOCKET, SocketOptions.SO_SNDBUF,
                    setup.sendBufferBytes()), "setsockopt SO_SNDBUF");
        }
        if (setup.receiveBufferBytes() > 0) {
            check(LinuxSys.setsockoptInt(fd, SocketOptions.SOL_SOCKET, SocketOptions.SO_RCVBUF,
                    setup.receiveBufferBytes()), "setsockopt SO_RCVBUF");
        }
    }

    /** The peer's IP address, or null (a Unix-domain peer, or one already gone). */
    static InetSocketAddress inetOrNull(int fd) {
        try {
            return LinuxSys.peerAddress(fd);
        } catch (RuntimeException e) {
            return null;
        }
    }

    static int check(int result, String what) throws IOException {
        if (result < 0) {
            throw new IOException(what + ": " + Errno.message(result));
        }
        return result;
    }
}
