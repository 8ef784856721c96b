package io.reactorbench.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.reactorbench.sys.PollerKind;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A start that fails part-way must close what the loops before the failing one opened: pollers, listeners,
 * the acceptors' spare fds, UDP sockets. Measured as the number of this process's open fds, before and after.
 */
@Timeout(60)
class FailedStartTest {

    private static final EventHandler IDLE = conn -> Action.NONE;

    @ParameterizedTest
    @EnumSource(value = PollerKind.class, names = {"NIO", "EPOLL", "URING"})
    void shouldCloseEveryLoopWhenTheMainLoopCannotBind(PollerKind poller) throws IOException {
        PollerAssumptions.assumeAvailable(poller);
        try (ServerSocket occupant = new ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress())) {
            EngineConfig config = EngineConfig.defaults().withPoller(poller).withLoops(2)
                    .withAddress(new InetSocketAddress(occupant.getInetAddress(), occupant.getLocalPort()));
            assertNoFdLeftOpenBy(BindException.class, () -> Engine.open(config, IDLE));
        }
    }

    @ParameterizedTest
    @EnumSource(value = PollerKind.class, names = {"NIO", "EPOLL", "URING"})
    void shouldCloseEarlierLoopsListenersAndSpareFdsWhenALaterReusePortBindFails(PollerKind poller) throws IOException {
        PollerAssumptions.assumeAvailable(poller);
        EngineConfig config = EngineConfig.defaults().withPoller(poller).withLoops(3).withReusePort(true);
        assertNoFdLeftOpenBy(BindException.class, () -> Engine.open(config, IDLE, failingOnLoop(config, 2, "listen")));
    }

    @ParameterizedTest
    @EnumSource(value = PollerKind.class, names = {"NIO", "EPOLL", "URING"})
    void shouldCloseEarlierLoopsUdpSocketsWhenALaterUdpBindFails(PollerKind poller) throws IOException {
        PollerAssumptions.assumeAvailable(poller);
        EngineConfig config = EngineConfig.defaults().withPoller(poller).withLoops(3).withUdp(true);
        assertNoFdLeftOpenBy(BindException.class, () -> Engine.open(config, IDLE, failingOnLoop(config, 2, "bindDatagram")));
    }

    @ParameterizedTest
    @EnumSource(value = PollerKind.class, names = {"NIO", "EPOLL", "URING"})
    void shouldCloseEveryLoopWhenOnBootThrows(PollerKind poller) throws IOException {
        PollerAssumptions.assumeAvailable(poller);
        EngineConfig config = EngineConfig.defaults().withPoller(poller).withLoops(2);
        EventHandler failingBoot = new EventHandler() {
            @Override
            public void onBoot(Engine engine) {
                throw new IllegalStateException("boom from onBoot");
            }

            @Override
            public Action onTraffic(Conn conn) {
                return Action.NONE;
            }
        };
        assertNoFdLeftOpenBy(IllegalStateException.class, () -> Engine.start(config, failingBoot));
    }

    private interface FailingStart {
        Engine open() throws IOException;
    }

    /** The first attempt loads classes (whose jars may take fds); the second one is measured. */
    private static void assertNoFdLeftOpenBy(Class<? extends Throwable> failure, FailingStart start)
            throws IOException {
        assertThatThrownBy(start::open).isInstanceOf(failure);
        long before = openFds();
        assertThatThrownBy(start::open).isInstanceOf(failure);
        assertThat(openFds()).as("open fds after a failed start (before: %d)", before).isLessThanOrEqualTo(before);
    }

    /** Real pollers, except that loop {@code failingLoop}'s fails {@code method} as a port already taken would. */
    private static Engine.PollerFactory failingOnLoop(EngineConfig config, int failingLoop, String method) {
        Engine.PollerFactory real = Engine.pollersFor(config);
        AtomicInteger opened = new AtomicInteger();
        return () -> {
            Poller poller = real.open();
            if (opened.getAndIncrement() != failingLoop) {
                return poller;
            }
            return (Poller) Proxy.newProxyInstance(Poller.class.getClassLoader(), new Class<?>[] {Poller.class},
                    (proxy, called, args) -> {
                        if (called.getName().equals(method)) {
                            throw new BindException("address already in use (simulated for loop " + failingLoop + ")");
                        }
                        try {
                            return called.invoke(poller, args);
                        } catch (InvocationTargetException e) {
                            throw e.getCause();
                        }
                    });
        };
    }

    private static long openFds() throws IOException {
        try (var entries = Files.list(Path.of("/proc/self/fd"))) {
            return entries.count();
        }
    }
}
