package io.reactorbench.sys;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import org.junit.jupiter.api.Test;

/** connect through the bindings, the way a load generator opens connections. */
class NonBlockingConnectTest {

    @Test
    void shouldConnectNonBlockingAndReportNoPendingError() throws IOException {
        try (ServerSocketChannel server = ServerSocketChannel.open();
             Arena arena = Arena.ofConfined()) {
            server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            InetSocketAddress target = (InetSocketAddress) server.getLocalAddress();

            int fd = LinuxSys.socket(SocketFlags.AF_INET,
                    SocketFlags.SOCK_STREAM | SocketFlags.SOCK_NONBLOCK | SocketFlags.SOCK_CLOEXEC, 0);
            int epfd = LinuxSys.epollCreate1(EpollFlags.EPOLL_CLOEXEC);
            try {
                int r = LinuxSys.connect(fd, target);
                assertThat(r).isIn(0, -Errno.EINPROGRESS);
                LinuxSys.epollCtl(epfd, EpollFlags.EPOLL_CTL_ADD, fd, EpollFlags.EPOLLOUT, fd);
                EpollEvents events = new EpollEvents(arena, 1);
                assertThat(LinuxSys.epollWait(epfd, events, 5_000)).isEqualTo(1);
                assertThat(LinuxSys.getsockoptInt(fd, SocketOptions.SOL_SOCKET, SocketOptions.SO_ERROR)).isZero();
                try (SocketChannel accepted = server.accept()) {
                    assertThat(((InetSocketAddress) accepted.getRemoteAddress()).getPort())
                            .isEqualTo(LinuxSys.localPort(fd));
                }
            } finally {
                LinuxSys.close(fd);
                LinuxSys.close(epfd);
            }
        }
    }

    @Test
    void shouldReportConnectionRefusedThroughSoError() throws IOException {
        int freePort;
        try (ServerSocketChannel probe = ServerSocketChannel.open()) {
            probe.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            freePort = ((InetSocketAddress) probe.getLocalAddress()).getPort();
        }
        int fd = LinuxSys.socket(SocketFlags.AF_INET, SocketFlags.SOCK_STREAM | SocketFlags.SOCK_CLOEXEC, 0);
        try {
            // blocking connect to a closed loopback port fails at once
            assertThat(LinuxSys.connect(fd, new InetSocketAddress(InetAddress.getLoopbackAddress(), freePort)))
                    .isEqualTo(-Errno.ECONNREFUSED);
        } finally {
            LinuxSys.close(fd);
        }
    }
}
