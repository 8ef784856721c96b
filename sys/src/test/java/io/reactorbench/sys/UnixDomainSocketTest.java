package io.reactorbench.sys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** AF_UNIX stream sockets through sockaddr_un, against java.nio's own Unix-domain channels. */
class UnixDomainSocketTest {

    @TempDir
    Path dir;

    @Test
    void shouldAcceptAndEchoAJavaUnixClient() throws IOException {
        UnixDomainSocketAddress address = UnixDomainSocketAddress.of(dir.resolve("s.sock"));
        int listenFd = LinuxSys.socket(SocketFlags.AF_UNIX, SocketFlags.SOCK_STREAM | SocketFlags.SOCK_CLOEXEC, 0);
        try (Arena arena = Arena.ofConfined()) {
            assertThat(LinuxSys.bind(listenFd, address)).isZero();
            assertThat(LinuxSys.listen(listenFd, 4)).isZero();
            SockAddr local = new SockAddr(arena);
            assertThat(LinuxSys.localAddress(listenFd, local)).isZero();
            assertThat(local.family()).isEqualTo(SocketFlags.AF_UNIX);
            assertThat(local.toUnixDomainSocketAddress()).isEqualTo(address);

            try (SocketChannel client = SocketChannel.open(address)) {
                int fd = LinuxSys.accept4(listenFd, SocketFlags.SOCK_CLOEXEC);
                assertThat(fd).isPositive();
                try {
                    client.write(ByteBuffer.wrap("unix".getBytes(StandardCharsets.US_ASCII)));
                    MemorySegment buffer = arena.allocate(16);
                    long n = LinuxSys.read(fd, buffer.address(), 16);
                    assertThat(n).isEqualTo(4);
                    assertThat(LinuxSys.write(fd, buffer.address(), n)).isEqualTo(4);
                    ByteBuffer back = ByteBuffer.allocate(4);
                    client.read(back);
                    assertThat(new String(back.array(), StandardCharsets.US_ASCII)).isEqualTo("unix");
                } finally {
                    LinuxSys.close(fd);
                }
            }
        } finally {
            LinuxSys.close(listenFd);
        }
    }

    @Test
    void shouldConnectToAJavaUnixServer() throws IOException {
        UnixDomainSocketAddress address = UnixDomainSocketAddress.of(dir.resolve("j.sock"));
        try (ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
             Arena arena = Arena.ofConfined()) {
            server.bind(address);
            int fd = LinuxSys.socket(SocketFlags.AF_UNIX, SocketFlags.SOCK_STREAM | SocketFlags.SOCK_CLOEXEC, 0);
            try {
                assertThat(LinuxSys.connect(fd, address)).isZero();
                try (SocketChannel accepted = server.accept()) {
                    MemorySegment data = arena.allocate(1);
                    data.set(ValueLayout.JAVA_BYTE, 0, (byte) 42);
                    assertThat(LinuxSys.write(fd, data.address(), 1)).isEqualTo(1);
                    ByteBuffer in = ByteBuffer.allocate(1);
                    accepted.read(in);
                    assertThat(in.get(0)).isEqualTo((byte) 42);
                }
            } finally {
                LinuxSys.close(fd);
            }
        }
    }

    @Test
    void shouldReturnMinusEnoentWhenNoSocketIsAtThePath() {
        int fd = LinuxSys.socket(SocketFlags.AF_UNIX, SocketFlags.SOCK_STREAM | SocketFlags.SOCK_CLOEXEC, 0);
        try {
            assertThat(LinuxSys.connect(fd, UnixDomainSocketAddress.of(dir.resolve("missing.sock"))))
                    .isEqualTo(-Errno.ENOENT);
        } finally {
            LinuxSys.close(fd);
        }
    }

    @Test
    void shouldRejectAPathLongerThanSunPath() {
        UnixDomainSocketAddress tooLong = UnixDomainSocketAddress.of("/tmp/" + "x".repeat(120));
        assertThatThrownBy(() -> new SockAddr().set(tooLong)).isInstanceOf(IllegalArgumentException.class);
    }
}
