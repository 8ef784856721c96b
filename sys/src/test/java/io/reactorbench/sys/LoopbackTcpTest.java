package io.reactorbench.sys;

import static io.reactorbench.sys.EpollFlags.EPOLLIN;
import static io.reactorbench.sys.EpollFlags.EPOLLOUT;
import static io.reactorbench.sys.EpollFlags.EPOLL_CLOEXEC;
import static io.reactorbench.sys.EpollFlags.EPOLL_CTL_ADD;
import static io.reactorbench.sys.SocketFlags.AF_INET;
import static io.reactorbench.sys.SocketFlags.SOCK_CLOEXEC;
import static io.reactorbench.sys.SocketFlags.SOCK_NONBLOCK;
import static io.reactorbench.sys.SocketFlags.SOCK_STREAM;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The bindings against a real loopback TCP connection whose other end is a plain java.nio SocketChannel. */
class LoopbackTcpTest {

    private static final int WAIT_MS = 5_000;

    private final Arena arena = Arena.ofConfined();
    private int listenFd = -1;
    private int epfd = -1;
    private int serverFd = -1;
    private SocketChannel client;

    @BeforeEach
    void connect() throws IOException {
        assertThat(LinuxSys.unavailabilityCause()).isNull();
        listenFd = LinuxSys.socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
        assertThat(listenFd).isPositive();
        assertThat(LinuxSys.setsockoptInt(listenFd, SocketOptions.SOL_SOCKET, SocketOptions.SO_REUSEADDR, 1)).isZero();
        assertThat(LinuxSys.bind(listenFd, new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))).isZero();
        assertThat(LinuxSys.listen(listenFd, 16)).isZero();
        int port = LinuxSys.localPort(listenFd);
        assertThat(port).isPositive();

        epfd = LinuxSys.epollCreate1(EPOLL_CLOEXEC);
        assertThat(epfd).isPositive();
        assertThat(LinuxSys.epollCtl(epfd, EPOLL_CTL_ADD, listenFd, EPOLLIN, listenFd)).isZero();

        client = SocketChannel.open(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        EpollEvents events = new EpollEvents(arena, 8);
        assertThat(LinuxSys.epollWait(epfd, events, WAIT_MS)).isEqualTo(1);
        assertThat(events.data(0)).isEqualTo(listenFd);
        assertThat(events.events(0) & EPOLLIN).isEqualTo(EPOLLIN);

        serverFd = LinuxSys.accept4(listenFd, SOCK_NONBLOCK | SOCK_CLOEXEC);
        assertThat(serverFd).isPositive();
    }

    @AfterEach
    void closeAll() throws IOException {
        if (client != null) {
            client.close();
        }
        for (int fd : new int[] {serverFd, epfd, listenFd}) {
            if (fd >= 0) {
                LinuxSys.close(fd);
            }
        }
        arena.close();
    }

    @Test
    void shouldReportEagainWhenNoConnectionIsWaiting() {
        assertThat(LinuxSys.accept4(listenFd, SOCK_NONBLOCK | SOCK_CLOEXEC)).isEqualTo(-Errno.EAGAIN);
    }

    @Test
    void shouldReadBytesAfterEpollReportsThem() throws IOException {
        assertThat(LinuxSys.epollCtl(epfd, EPOLL_CTL_ADD, serverFd, EPOLLIN, 42L)).isZero();
        client.write(ByteBuffer.wrap("hello".getBytes(StandardCharsets.US_ASCII)));

        EpollEvents events = new EpollEvents(arena, 8);
        assertThat(LinuxSys.epollWait(epfd, events, WAIT_MS)).isEqualTo(1);
        assertThat(events.data(0)).isEqualTo(42L);
        assertThat(events.events(0) & EPOLLIN).isEqualTo(EPOLLIN);

        MemorySegment buffer = arena.allocate(64);
        long n = LinuxSys.read(serverFd, buffer.address(), buffer.byteSize());
        assertThat(n).isEqualTo(5);
        assertThat(new String(buffer.asSlice(0, n).toArray(ValueLayout.JAVA_BYTE), StandardCharsets.US_ASCII))
                .isEqualTo("hello");
    }

    @Test
    void shouldReturnMinusEagainOnEmptyNonBlockingRead() {
        MemorySegment buffer = arena.allocate(64);
        assertThat(LinuxSys.read(serverFd, buffer.address(), buffer.byteSize())).isEqualTo(-11L);
        assertThat(Errno.name(-11)).isEqualTo("EAGAIN");
    }

    @Test
    void shouldDeliverWriteAndWritevToThePeer() throws IOException {
        MemorySegment a = arena.allocateFrom("ping ", StandardCharsets.US_ASCII).asSlice(0, 5);
        MemorySegment b = arena.allocateFrom("pong", StandardCharsets.US_ASCII).asSlice(0, 4);
        assertThat(LinuxSys.write(serverFd, a.address(), a.byteSize())).isEqualTo(5);

        IoVec iov = new IoVec(arena, 2);
        iov.set(0, a);
        iov.set(1, b);
        assertThat(LinuxSys.writev(serverFd, iov, 2)).isEqualTo(9);

        assertThat(readFromClient(14)).isEqualTo("ping ping pong");
    }

    @Test
    void shouldSendNowAndRecvNowLikeWriteAndRead() throws IOException {
        MemorySegment ping = arena.allocateFrom("ping", StandardCharsets.US_ASCII).asSlice(0, 4);
        assertThat(LinuxSys.sendNow(serverFd, ping.address(), ping.byteSize())).isEqualTo(4);
        assertThat(readFromClient(4)).isEqualTo("ping");

        MemorySegment buffer = arena.allocate(64);
        assertThat(LinuxSys.recvNow(serverFd, buffer.address(), buffer.byteSize())).isEqualTo(-11L); // EAGAIN
        client.write(ByteBuffer.wrap("pong".getBytes(StandardCharsets.US_ASCII)));
        EpollEvents events = new EpollEvents(arena, 8);
        assertThat(LinuxSys.epollCtl(epfd, EPOLL_CTL_ADD, serverFd, EPOLLIN, 1L)).isZero();
        assertThat(LinuxSys.epollWait(epfd, events, WAIT_MS)).isEqualTo(1);
        assertThat(LinuxSys.recvNow(serverFd, buffer.address(), buffer.byteSize())).isEqualTo(4);
        assertThat(buffer.getString(0, StandardCharsets.US_ASCII).substring(0, 4)).isEqualTo("pong");
    }

    @Test
    void shouldSendNowReportEpipeInsteadOfRaisingSigpipeWhenThePeerIsGone() throws IOException {
        client.close();
        MemorySegment data = arena.allocate(1024);
        long result = 0;
        for (int i = 0; i < 100 && result >= 0; i++) { // the first sends may still succeed; then RST, then EPIPE
            result = LinuxSys.sendNow(serverFd, data.address(), data.byteSize());
            if (result >= 0) {
                try {
                    Thread.sleep(5);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
        assertThat(Errno.name((int) -result)).isIn("EPIPE", "ECONNRESET");
    }

    @Test
    void shouldReportWritableAndPeerAddress() {
        assertThat(LinuxSys.epollCtl(epfd, EPOLL_CTL_ADD, serverFd, EPOLLOUT, 7L)).isZero();
        EpollEvents events = new EpollEvents(arena, 8);
        assertThat(LinuxSys.epollWait(epfd, events, 0)).isEqualTo(1);
        assertThat(events.events(0) & EPOLLOUT).isEqualTo(EPOLLOUT);

        InetSocketAddress peer = LinuxSys.peerAddress(serverFd);
        assertThat(peer.getAddress()).isEqualTo(InetAddress.getLoopbackAddress());
        assertThat(peer.getPort()).isEqualTo(client.socket().getLocalPort());
    }

    @Test
    void shouldReadEndOfStreamWhenPeerShutsDownOutput() throws IOException {
        client.shutdownOutput();
        assertThat(LinuxSys.epollCtl(epfd, EPOLL_CTL_ADD, serverFd, EPOLLIN | EpollFlags.EPOLLRDHUP, 1L)).isZero();
        EpollEvents events = new EpollEvents(arena, 8);
        assertThat(LinuxSys.epollWait(epfd, events, WAIT_MS)).isEqualTo(1);
        assertThat(events.events(0) & EpollFlags.EPOLLRDHUP).isEqualTo(EpollFlags.EPOLLRDHUP);
        MemorySegment buffer = arena.allocate(16);
        assertThat(LinuxSys.read(serverFd, buffer.address(), 16)).isZero();
    }

    @Test
    void shouldSendFinToPeerOnShutdownAndClose() throws IOException {
        assertThat(LinuxSys.shutdown(serverFd, SocketFlags.SHUT_WR)).isZero();
        assertThat(client.read(ByteBuffer.allocate(8))).isEqualTo(-1);
        assertThat(LinuxSys.close(serverFd)).isZero();
        assertThat(LinuxSys.close(serverFd)).isEqualTo(-Errno.EBADF);
        serverFd = -1;
    }

    @Test
    void shouldReadIntSocketOptions() {
        assertThat(LinuxSys.setsockoptInt(serverFd, SocketOptions.IPPROTO_TCP, SocketOptions.TCP_NODELAY, 1)).isZero();
        assertThat(LinuxSys.getsockoptInt(serverFd, SocketOptions.IPPROTO_TCP, SocketOptions.TCP_NODELAY)).isEqualTo(1);
        assertThat(LinuxSys.getsockoptInt(serverFd, SocketOptions.SOL_SOCKET, SocketOptions.SO_ERROR)).isZero();
        assertThat(LinuxSys.getsockoptInt(serverFd, SocketOptions.SOL_SOCKET, SocketOptions.SO_TYPE))
                .isEqualTo(SOCK_STREAM);
    }

    @Test
    void shouldResetPeerWhenClosedWithZeroLinger() {
        assertThat(LinuxSys.setLinger(serverFd, true, 0)).isZero();
        assertThat(LinuxSys.close(serverFd)).isZero();
        serverFd = -1;
        ByteBuffer sink = ByteBuffer.allocate(8);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> client.read(sink))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("reset");
    }

    private String readFromClient(int expected) throws IOException {
        ByteBuffer in = ByteBuffer.allocate(expected);
        while (in.hasRemaining()) {
            if (client.read(in) < 0) {
                break;
            }
        }
        return new String(in.array(), 0, in.position(), StandardCharsets.US_ASCII);
    }
}
