package io.reactorbench.sys;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.management.ManagementFactory;
import java.util.function.IntSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The calls an event loop makes per event must not allocate on the Java heap once the JIT has compiled them:
 * allocation per request is one of the numbers reactorbench reports, and the bindings must add nothing to it.
 * Counts bytes, not time.
 */
class HotPathAllocationTest {

    private static final int WARM_UP_CALLS = 60_000;
    private static final int MEASURED_CALLS = 100_000;
    /**
     * Far below one byte per call (a 40-byte object per call would be 4 MB): what is left is the measuring itself and
     * a stray interpreter frame or two.
     */
    private static final long ALLOWED_BYTES = 16 * 1024;
    private static final int MAX_ROUNDS = 10;

    private final com.sun.management.ThreadMXBean threads =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    private final Arena arena = Arena.ofConfined();
    private int efd;
    private int epfd;
    private MemorySegment buffer;
    private EpollEvents events;
    private IoVec iov;

    @BeforeEach
    void open() {
        efd = LinuxSys.eventfd(0, EventFdFlags.EFD_NONBLOCK | EventFdFlags.EFD_CLOEXEC);
        epfd = LinuxSys.epollCreate1(EpollFlags.EPOLL_CLOEXEC);
        LinuxSys.epollCtl(epfd, EpollFlags.EPOLL_CTL_ADD, efd, EpollFlags.EPOLLIN, efd);
        buffer = arena.allocate(64, 8);
        events = new EpollEvents(arena, 16);
        iov = new IoVec(arena, 2);
        iov.set(0, buffer.address(), 8);
    }

    @AfterEach
    void close() {
        LinuxSys.close(epfd);
        LinuxSys.close(efd);
        arena.close();
    }

    @Test
    void shouldNotAllocateOnEmptyRead() {
        assertAllocationFree(() -> (int) LinuxSys.read(efd, buffer.address(), 8));
    }

    @Test
    void shouldNotAllocateOnSendNowAndRecvNowEvenWhenTheyFail() {
        // an eventfd is no socket: both fail with ENOTSOCK, which walks the errno path too
        assertAllocationFree(() -> (int) LinuxSys.sendNow(efd, buffer.address(), 8)
                + (int) LinuxSys.recvNow(efd, buffer.address(), 8));
    }

    @Test
    void shouldNotAllocateOnWriteAndEventfdCounter() {
        buffer.set(java.lang.foreign.ValueLayout.JAVA_LONG, 0, 1L);
        // each write adds 1 to the counter; each eventfdRead takes it back to 0
        assertAllocationFree(() -> (int) LinuxSys.write(efd, buffer.address(), 8) + (int) LinuxSys.eventfdRead(efd));
    }

    @Test
    void shouldNotAllocateOnEventfdWakeupAndWritev() {
        assertAllocationFree(() -> LinuxSys.eventfdWrite(efd, 1) + (int) LinuxSys.writev(efd, iov, 1));
    }

    @Test
    void shouldNotAllocateOnZeroTimeoutEpollWaitAndCtl() {
        assertAllocationFree(() -> LinuxSys.epollWait(epfd, events, 0)
                + LinuxSys.epollCtl(epfd, EpollFlags.EPOLL_CTL_MOD, efd, EpollFlags.EPOLLIN, efd)
                + events.events(0) + (int) events.data(0));
    }

    @Test
    void shouldNotAllocateOnNonBlockingAccept() {
        int listenFd = LinuxSys.socket(SocketFlags.AF_INET,
                SocketFlags.SOCK_STREAM | SocketFlags.SOCK_NONBLOCK | SocketFlags.SOCK_CLOEXEC, 0);
        try {
            LinuxSys.bind(listenFd, new java.net.InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), 0));
            LinuxSys.listen(listenFd, 4);
            assertAllocationFree(() -> LinuxSys.accept4(listenFd, SocketFlags.SOCK_NONBLOCK));
        } finally {
            LinuxSys.close(listenFd);
        }
    }

    @Test
    void shouldNotAllocateOnDatagramRecvFromAndSendTo() {
        int udpFd = LinuxSys.socket(SocketFlags.AF_INET,
                SocketFlags.SOCK_DGRAM | SocketFlags.SOCK_NONBLOCK | SocketFlags.SOCK_CLOEXEC, 0);
        try {
            LinuxSys.bind(udpFd, new java.net.InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), 0));
            SockAddr self = new SockAddr(arena);
            LinuxSys.localAddress(udpFd, self);
            SockAddr from = new SockAddr(arena);
            // each turn sends one datagram to itself and receives it back
            assertAllocationFree(() -> (int) LinuxSys.sendTo(udpFd, buffer.address(), 8, 0, self)
                    + (int) LinuxSys.recvFrom(udpFd, buffer.address(), 64, 0, from) + from.port());
        } finally {
            LinuxSys.close(udpFd);
        }
    }

    @Test
    void shouldNotAllocateOnSocketRoundTripsIncludingEagain() {
        int listenFd = LinuxSys.socket(SocketFlags.AF_INET,
                SocketFlags.SOCK_STREAM | SocketFlags.SOCK_NONBLOCK | SocketFlags.SOCK_CLOEXEC, 0);
        // blocking until connected (immediate on loopback); its turns below pass MSG_DONTWAIT instead
        int clientFd = LinuxSys.socket(SocketFlags.AF_INET, SocketFlags.SOCK_STREAM | SocketFlags.SOCK_CLOEXEC, 0);
        int serverFd = -1;
        try {
            assertThat(LinuxSys.bind(listenFd, new java.net.InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), 0)))
                    .isZero();
            assertThat(LinuxSys.listen(listenFd, 4)).isZero();
            assertThat(LinuxSys.connect(clientFd,
                    new java.net.InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), LinuxSys.localPort(listenFd))))
                    .isZero();
            serverFd = LinuxSys.accept4(listenFd, SocketFlags.SOCK_NONBLOCK | SocketFlags.SOCK_CLOEXEC);
            assertThat(serverFd).isPositive();
            int server = serverFd;
            MemorySegment big = arena.allocate(4096, 8);
            long[] echoedBytes = {0};
            long[] eagainReads = {0};
            // one turn: the client sends 64 bytes, the server reads what has arrived (write/read), reads again into
            // an empty socket (-EAGAIN: the -1 path an edge-triggered loop takes after every drain), echoes it, and
            // the client takes the echo back (send/recv). Loopback may deliver late under load: nothing blocks, the
            // 4 KiB reads catch up with the backlog.
            assertAllocationFree(() -> {
                int sent = (int) LinuxSys.send(clientFd, buffer.address(), 64, SocketFlags.MSG_DONTWAIT);
                long got = LinuxSys.read(server, big.address(), big.byteSize());
                long again = DeepCaller.read(server, big.address(), big.byteSize());
                long echoed = got > 0 ? DeepCaller.write(server, big.address(), got) : 0;
                long back = LinuxSys.recv(clientFd, big.address(), big.byteSize(), SocketFlags.MSG_DONTWAIT);
                echoedBytes[0] += Math.max(back, 0);
                eagainReads[0] += again == -Errno.EAGAIN ? 1 : 0;
                return sent + (int) got + (int) again + (int) echoed + (int) back;
            });
            assertThat(echoedBytes[0]).as("bytes echoed back to the client").isPositive();
            assertThat(eagainReads[0]).as("reads that found the socket empty (-EAGAIN)").isPositive();
        } finally {
            if (serverFd >= 0) {
                LinuxSys.close(serverFd);
            }
            LinuxSys.close(clientFd);
            LinuxSys.close(listenFd);
        }
    }

    /**
     * Warms up, then measures rounds of {@link #MEASURED_CALLS} calls until one stays under the bound. Several rounds
     * because the JIT compiles in the background and, on a busy 2-core machine, may not have finished when the
     * warm-up ends; a call that truly allocates fails every round.
     */
    private void assertAllocationFree(IntSupplier call) {
        long sink = 0;
        for (int i = 0; i < WARM_UP_CALLS; i++) {
            sink += call.getAsInt();
        }
        long allocated = Long.MAX_VALUE;
        for (int round = 0; round < MAX_ROUNDS && allocated >= ALLOWED_BYTES; round++) {
            long before = threads.getCurrentThreadAllocatedBytes();
            for (int i = 0; i < MEASURED_CALLS; i++) {
                sink += call.getAsInt();
            }
            allocated = threads.getCurrentThreadAllocatedBytes() - before;
        }
        assertThat(allocated).as("bytes allocated over %d calls in the best of %d rounds (sink %d)",
                MEASURED_CALLS, MAX_ROUNDS, sink).isLessThan(ALLOWED_BYTES);
    }
}
