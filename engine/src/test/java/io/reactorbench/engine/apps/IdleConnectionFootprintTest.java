package io.reactorbench.engine.apps;

import static org.assertj.core.api.Assertions.assertThat;

import io.reactorbench.sys.LinuxSys;
import io.reactorbench.sys.SocketFlags;
import io.reactorbench.wire.spi.App;
import io.reactorbench.wire.spi.RunningServer;
import io.reactorbench.wire.spi.ServerConfig;
import io.reactorbench.wire.spi.ServerDesign;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.util.stream.Stream;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Java heap per idle connection: (heap after GC with N idle connections - heap after GC with none) / N. The
 * clients are raw fds from {@code sys}, so they add nothing to the heap being measured. N defaults to 2,000
 * (two fds each in one process under a 20,000 fd limit); {@code -Dengine.footprint.connections=9000} for more.
 */
@Timeout(120)
class IdleConnectionFootprintTest {

    private static final int CONNECTIONS = Integer.getInteger("engine.footprint.connections", 2_000);
    /** The target for the epoll poller, which keeps no object per connection. */
    private static final long MAX_EPOLL_HEAP_BYTES_PER_CONNECTION = 256;

    record Case(String name, ServerDesign design, App app, long maxBytesPerConnection) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of(new Case("echo epoll", new EngineEpollDesign(), App.ECHO, MAX_EPOLL_HEAP_BYTES_PER_CONNECTION)),
                Arguments.of(new Case("http epoll", new EngineEpollDesign(), App.HTTP, Long.MAX_VALUE)),
                Arguments.of(new Case("echo nio", new EngineNioDesign(), App.ECHO, Long.MAX_VALUE)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void shouldKeepIdleConnectionsSmallOnTheHeap(Case testCase) throws Exception {
        try (RunningServer server = testCase.design().start(new ServerConfig("127.0.0.1", 0, 2, testCase.app(),
                java.util.Map.of()))) {
            InetSocketAddress address = server.address();
            closeAll(connect(address, 64)); // warm up: pools, lazily loaded classes, thread stacks
            awaitOpen(server, 0);
            long before = heapAfterGc();
            int[] clients = connect(address, CONNECTIONS);
            try {
                awaitOpen(server, CONNECTIONS);
                long after = heapAfterGc();
                long perConnection = (after - before) / CONNECTIONS;
                System.out.printf("%s: %d idle connections, heap %+d bytes = %d bytes per connection%n",
                        testCase, CONNECTIONS, after - before, perConnection);
                assertThat(perConnection).isLessThanOrEqualTo(testCase.maxBytesPerConnection());
            } finally {
                closeAll(clients);
            }
        }
    }

    private static int[] connect(InetSocketAddress address, int count) {
        int[] fds = new int[count];
        for (int i = 0; i < count; i++) {
            int fd = LinuxSys.socket(SocketFlags.AF_INET, SocketFlags.SOCK_STREAM | SocketFlags.SOCK_CLOEXEC, 0);
            assertThat(fd).as("socket").isNotNegative();
            assertThat(LinuxSys.connect(fd, address)).as("connect").isZero();
            fds[i] = fd;
        }
        return fds;
    }

    private static void closeAll(int[] fds) {
        for (int fd : fds) {
            LinuxSys.close(fd);
        }
    }

    private static void awaitOpen(RunningServer server, int expected) throws InterruptedException {
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (server.openConnections() != expected && System.nanoTime() < deadline) {
            Thread.sleep(10); // waiting for the loops to accept or close, not for a timing
        }
        assertThat(server.openConnections()).isEqualTo(expected);
    }

    private static long heapAfterGc() throws InterruptedException {
        var memory = ManagementFactory.getMemoryMXBean();
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 4; i++) {
            System.gc();
            Thread.sleep(50);
            used = Math.min(used, memory.getHeapMemoryUsage().getUsed());
        }
        return used;
    }
}
