package io.reactorbench.sys;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.foreign.Arena;
import org.junit.jupiter.api.Test;

/** The cross-thread wake-up an event loop relies on. */
class EventFdWakeupTest {

    @Test
    void shouldWakeEpollWaitWhenAnotherThreadWritesEventfd() throws InterruptedException {
        int efd = LinuxSys.eventfd(0, EventFdFlags.EFD_NONBLOCK | EventFdFlags.EFD_CLOEXEC);
        int epfd = LinuxSys.epollCreate1(EpollFlags.EPOLL_CLOEXEC);
        try (Arena arena = Arena.ofConfined()) {
            assertThat(efd).isPositive();
            assertThat(LinuxSys.epollCtl(epfd, EpollFlags.EPOLL_CTL_ADD, efd, EpollFlags.EPOLLIN, efd)).isZero();
            EpollEvents events = new EpollEvents(arena, 4);
            assertThat(LinuxSys.epollWait(epfd, events, 0)).isZero();

            Thread waker = Thread.ofPlatform().start(() -> {
                LinuxSys.eventfdWrite(efd, 1);
                LinuxSys.eventfdWrite(efd, 2);
            });
            // bounded: the waker runs at once; 10 s only guards against a hang
            int n = LinuxSys.epollWait(epfd, events, 10_000);
            waker.join();
            assertThat(n).isEqualTo(1);
            assertThat(events.data(0)).isEqualTo(efd);
            assertThat(LinuxSys.eventfdRead(efd)).isIn(1L, 3L);
        } finally {
            LinuxSys.close(epfd);
            LinuxSys.close(efd);
        }
    }

    @Test
    void shouldSumWritesAndResetOnRead() {
        int efd = LinuxSys.eventfd(0, EventFdFlags.EFD_NONBLOCK | EventFdFlags.EFD_CLOEXEC);
        try {
            assertThat(LinuxSys.eventfdRead(efd)).isEqualTo(-Errno.EAGAIN);
            assertThat(LinuxSys.eventfdWrite(efd, 5)).isEqualTo(8);
            assertThat(LinuxSys.eventfdWrite(efd, 7)).isEqualTo(8);
            assertThat(LinuxSys.eventfdRead(efd)).isEqualTo(12L);
            assertThat(LinuxSys.eventfdRead(efd)).isEqualTo(-Errno.EAGAIN);
        } finally {
            LinuxSys.close(efd);
        }
    }

    @Test
    void shouldSignalByOneFromAFreshThreadWithoutBuildingItsScratch() throws InterruptedException {
        int efd = LinuxSys.eventfd(0, EventFdFlags.EFD_NONBLOCK | EventFdFlags.EFD_CLOEXEC);
        try {
            int[] results = new int[2];
            long scratchesBefore = LinuxSys.threadScratchesCreated();
            Thread.ofVirtual().start(() -> {
                results[0] = LinuxSys.eventfdSignal(efd);
                results[1] = LinuxSys.eventfdSignal(-1);
            }).join();
            assertThat(LinuxSys.threadScratchesCreated()).isEqualTo(scratchesBefore);
            assertThat(results).containsExactly(8, -Errno.EBADF);
            assertThat(LinuxSys.eventfdRead(efd)).isEqualTo(1L);
        } finally {
            LinuxSys.close(efd);
        }
    }
}
