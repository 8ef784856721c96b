package io.reactorbench.sys;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import org.junit.jupiter.api.Test;

/** Failures come back as -errno values, not exceptions. */
class ErrnoConventionTest {

    private static final int NOT_AN_FD = 1_000_000;

    @Test
    void shouldReturnMinusEbadfForABadFd() {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment buffer = arena.allocate(8);
            assertThat(LinuxSys.read(NOT_AN_FD, buffer.address(), 8)).isEqualTo(-Errno.EBADF);
            assertThat(LinuxSys.write(NOT_AN_FD, buffer.address(), 8)).isEqualTo(-Errno.EBADF);
            assertThat(LinuxSys.close(NOT_AN_FD)).isEqualTo(-Errno.EBADF);
            assertThat(LinuxSys.epollCtl(NOT_AN_FD, EpollFlags.EPOLL_CTL_ADD, 0, EpollFlags.EPOLLIN, 0))
                    .isEqualTo(-Errno.EBADF);
            assertThat(LinuxSys.epollWait(NOT_AN_FD, new EpollEvents(arena, 1), 0)).isEqualTo(-Errno.EBADF);
            assertThat(LinuxSys.localPort(NOT_AN_FD)).isEqualTo(-Errno.EBADF);
            assertThat(LinuxSys.peerAddress(NOT_AN_FD)).isNull();
        }
    }

    @Test
    void shouldReturnMinusEnotconnForPeerOfUnconnectedSocket() {
        int fd = LinuxSys.socket(SocketFlags.AF_INET, SocketFlags.SOCK_STREAM, 0);
        try {
            SockAddr out = new SockAddr();
            assertThat(LinuxSys.peerAddress(fd, out)).isEqualTo(-Errno.ENOTCONN);
        } finally {
            LinuxSys.close(fd);
        }
    }

    @Test
    void shouldReturnMinusEaddrinuseWhenPortIsTaken() {
        int first = LinuxSys.socket(SocketFlags.AF_INET, SocketFlags.SOCK_STREAM, 0);
        int second = LinuxSys.socket(SocketFlags.AF_INET, SocketFlags.SOCK_STREAM, 0);
        try {
            InetSocketAddress any = new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
            assertThat(LinuxSys.bind(first, any)).isZero();
            assertThat(LinuxSys.listen(first, 1)).isZero();
            int port = LinuxSys.localPort(first);
            assertThat(LinuxSys.bind(second, new InetSocketAddress(InetAddress.getLoopbackAddress(), port)))
                    .isEqualTo(-Errno.EADDRINUSE);
        } finally {
            LinuxSys.close(first);
            LinuxSys.close(second);
        }
    }

    @Test
    void shouldRefuseToLetTheKernelWritePastTheEventArray() {
        int epfd = LinuxSys.epollCreate1(EpollFlags.EPOLL_CLOEXEC);
        try (Arena arena = Arena.ofConfined()) {
            EpollEvents events = new EpollEvents(arena, 2);
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> LinuxSys.epollWait(epfd, events.segment(), 3, 0))
                    .isInstanceOf(IllegalArgumentException.class);
            IoVec iov = new IoVec(arena, 1);
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> LinuxSys.writev(epfd, iov, 2))
                    .isInstanceOf(IllegalArgumentException.class);
        } finally {
            LinuxSys.close(epfd);
        }
    }

    @Test
    void shouldNameErrnoValuesForMessages() {
        assertThat(Errno.name(Errno.EAGAIN)).isEqualTo("EAGAIN");
        assertThat(Errno.name(-Errno.ECONNRESET)).isEqualTo("ECONNRESET");
        assertThat(Errno.message(-Errno.EMFILE)).isEqualTo("EMFILE (too many open files)");
        assertThat(Errno.name(4095)).isEqualTo("errno 4095");
    }
}
