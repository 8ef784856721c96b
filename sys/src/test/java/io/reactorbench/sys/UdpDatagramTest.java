package io.reactorbench.sys;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A UDP echo turn through recvFrom/sendTo, with a java.nio DatagramChannel as the peer. */
class UdpDatagramTest {

    private final Arena arena = Arena.ofConfined();
    private int serverFd;
    private int port;

    @BeforeEach
    void bindServer() {
        serverFd = LinuxSys.socket(SocketFlags.AF_INET,
                SocketFlags.SOCK_DGRAM | SocketFlags.SOCK_NONBLOCK | SocketFlags.SOCK_CLOEXEC, 0);
        assertThat(serverFd).isPositive();
        assertThat(LinuxSys.bind(serverFd, new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))).isZero();
        port = LinuxSys.localPort(serverFd);
    }

    @AfterEach
    void close() {
        LinuxSys.close(serverFd);
        arena.close();
    }

    @Test
    void shouldEchoADatagramToItsSender() throws Exception {
        int epfd = LinuxSys.epollCreate1(EpollFlags.EPOLL_CLOEXEC);
        try (DatagramChannel client = DatagramChannel.open()) {
            client.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            LinuxSys.epollCtl(epfd, EpollFlags.EPOLL_CTL_ADD, serverFd, EpollFlags.EPOLLIN, serverFd);
            client.send(ByteBuffer.wrap("datagram".getBytes(StandardCharsets.US_ASCII)),
                    new InetSocketAddress(InetAddress.getLoopbackAddress(), port));

            EpollEvents events = new EpollEvents(arena, 1);
            assertThat(LinuxSys.epollWait(epfd, events, 5_000)).isEqualTo(1);
            MemorySegment buffer = arena.allocate(64);
            SockAddr from = new SockAddr(arena);
            long n = LinuxSys.recvFrom(serverFd, buffer.address(), buffer.byteSize(), 0, from);
            assertThat(n).isEqualTo(8);
            assertThat(from.family()).isEqualTo(SocketFlags.AF_INET);
            assertThat(from.toInetSocketAddress()).isEqualTo(client.getLocalAddress());

            assertThat(LinuxSys.sendTo(serverFd, buffer.address(), n, 0, from)).isEqualTo(8);
            ByteBuffer back = ByteBuffer.allocate(64);
            assertThat(client.receive(back)).isEqualTo(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            assertThat(new String(back.array(), 0, back.position(), StandardCharsets.US_ASCII)).isEqualTo("datagram");
        } finally {
            LinuxSys.close(epfd);
        }
    }

    @Test
    void shouldReturnMinusEagainWhenNoDatagramIsWaiting() {
        MemorySegment buffer = arena.allocate(16);
        SockAddr from = new SockAddr(arena);
        assertThat(LinuxSys.recvFrom(serverFd, buffer.address(), 16, 0, from)).isEqualTo(-Errno.EAGAIN);
    }

    @Test
    void shouldCutALongDatagramToTheBuffer() throws Exception {
        try (DatagramChannel client = DatagramChannel.open()) {
            client.send(ByteBuffer.wrap(new byte[100]), new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            MemorySegment buffer = arena.allocate(10);
            SockAddr from = new SockAddr(arena);
            long n = -Errno.EAGAIN;
            for (int tries = 0; tries < 1_000 && n == -Errno.EAGAIN; tries++) {
                // loopback delivery is synchronous; the loop only guards against a surprise
                n = LinuxSys.recvFrom(serverFd, buffer.address(), 10, 0, from);
            }
            assertThat(n).isEqualTo(10);
            assertThat(buffer.get(ValueLayout.JAVA_BYTE, 9)).isZero();
        }
    }
}
