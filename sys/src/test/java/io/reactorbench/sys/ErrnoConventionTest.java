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

    /**
     * The per-event calls read errno after the call from the thread's own errno (not captured in the downcall):
     * each thread, platform or virtual, must see the errno its own call set, also while others fail differently
     * at the same time and virtual threads hop between carriers (each yield may remount them elsewhere).
     */
    @Test
    void shouldGiveEachThreadTheErrnoOfItsOwnFailedCall() throws Exception {
        int efd = LinuxSys.eventfd(0, EventFdFlags.EFD_NONBLOCK | EventFdFlags.EFD_CLOEXEC);
        int rounds = 2_000;
        try (Arena arena = Arena.ofShared()) {
            MemorySegment buffer = arena.allocate(8, 8);
            java.util.concurrent.atomic.AtomicInteger wrong = new java.util.concurrent.atomic.AtomicInteger();
            Runnable alternateFailures = () -> {
                for (int i = 0; i < rounds; i++) {
                    if (LinuxSys.read(NOT_AN_FD, buffer.address(), 8) != -Errno.EBADF
                            || LinuxSys.eventfdRead(efd) != -Errno.EAGAIN
                            || LinuxSys.epollCtl(efd, EpollFlags.EPOLL_CTL_ADD, efd, EpollFlags.EPOLLIN, 0) != -Errno.EINVAL
                            || LinuxSys.accept4(efd, 0) != -Errno.ENOTSOCK) {
                        wrong.incrementAndGet();
                    }
                    Thread.yield();
                }
            };
            java.util.List<Thread> threads = new java.util.ArrayList<>();
            for (int t = 0; t < 4; t++) {
                threads.add(Thread.ofPlatform().start(alternateFailures));
                threads.add(Thread.ofVirtual().start(alternateFailures));
            }
            for (Thread thread : threads) {
                thread.join();
            }
            assertThat(wrong.get()).as("failed calls that reported another errno").isZero();
        } finally {
            LinuxSys.close(efd);
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
