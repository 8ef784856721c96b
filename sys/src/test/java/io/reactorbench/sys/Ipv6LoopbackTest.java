package io.reactorbench.sys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.nio.channels.SocketChannel;
import org.junit.jupiter.api.Test;

/** sockaddr_in6 built in network byte order: bind, getsockname, accept and getpeername on [::1]. */
class Ipv6LoopbackTest {

    @Test
    void shouldAcceptAnIpv6LoopbackClientAndSeeItsAddress() throws IOException {
        byte[] ip = new byte[16];
        ip[15] = 1;
        InetAddress loopback6 = InetAddress.getByAddress(ip);
        // JUnit's assumption, not AssertJ's: AssertJ generates proxy classes for assumptions, which costs seconds
        assumeTrue(NetworkInterface.getByInetAddress(loopback6) != null, "::1 is not configured");
        int listenFd = LinuxSys.socket(SocketFlags.AF_INET6, SocketFlags.SOCK_STREAM | SocketFlags.SOCK_CLOEXEC, 0);
        try {
            assertThat(LinuxSys.bind(listenFd, new InetSocketAddress(loopback6, 0))).isZero();
            assertThat(LinuxSys.listen(listenFd, 4)).isZero();
            int port = LinuxSys.localPort(listenFd);
            assertThat(port).isPositive();
            try (SocketChannel client = SocketChannel.open(new InetSocketAddress(loopback6, port))) {
                SockAddr peer = new SockAddr();
                int fd = LinuxSys.accept4(listenFd, SocketFlags.SOCK_NONBLOCK | SocketFlags.SOCK_CLOEXEC, peer);
                try {
                    assertThat(fd).isPositive();
                    assertThat(peer.family()).isEqualTo(SocketFlags.AF_INET6);
                    InetSocketAddress expected = (InetSocketAddress) client.getLocalAddress();
                    assertThat(peer.port()).isEqualTo(expected.getPort());
                    assertThat(peer.toInetSocketAddress().getAddress()).isInstanceOf(Inet6Address.class)
                            .isEqualTo(loopback6);
                    assertThat(LinuxSys.peerAddress(fd)).isEqualTo(peer.toInetSocketAddress());
                } finally {
                    LinuxSys.close(fd);
                }
            }
        } finally {
            LinuxSys.close(listenFd);
        }
    }
}
