package io.reactorbench.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.reactorbench.sys.PollerKind;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The loop's side of {@link ConnectionLifecycle}: {@link Connections#on} stores each transition and carries out its
 * effects on a real socket, and refuses what the table refuses without touching the connection. Loops stepped by
 * hand, no sleeps.
 */
@Timeout(30)
class ConnectionsTest {

    private final List<String> closes = new ArrayList<>();
    private long connId;
    private Engine engine;

    private final EventHandler handler = new EventHandler() {
        @Override
        public Action onOpen(Conn conn) {
            connId = conn.id();
            return Action.NONE;
        }

        @Override
        public Action onTraffic(Conn conn) {
            conn.discard(conn.inboundBuffered());
            return Action.NONE;
        }

        @Override
        public void onClose(Conn conn, Throwable cause) {
            closes.add(cause == null ? "clean" : cause.getClass().getSimpleName());
        }
    };

    private EventLoop open(PollerKind poller) throws IOException {
        engine = Engine.open(EngineConfig.defaults().withPoller(poller).withLoops(1), handler);
        return engine.loop(0);
    }

    @AfterEach
    void stop() {
        if (engine != null) {
            engine.stop(Duration.ofSeconds(1));
        }
    }

    private static int phase(EventLoop loop, int slot) {
        return ConnectionLifecycle.phase(loop.table.state(slot));
    }

    @ParameterizedTest
    @EnumSource(value = PollerKind.class, names = {"NIO", "EPOLL", "URING"})
    void shouldRefuseAnEventTheTableRefusesAndLeaveTheConnectionAsItWas(PollerKind poller) throws IOException {
        PollerAssumptions.assumeAvailable(poller);
        EventLoop loop = open(poller);
        try (SocketChannel _ = LoopbackClients.connectAndAdopt(engine, loop)) {
            int slot = loop.slotOf(connId);
            int before = loop.table.state(slot);
            assertThatThrownBy(() -> loop.connections.on(slot, ConnectionLifecycle.OUTBOUND_DRAINED, null))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("OUTBOUND_DRAINED in OPEN");
            assertThat(loop.table.state(slot)).isEqualTo(before);
            assertThat(loop.connectionCount()).isEqualTo(1);
            assertThat(closes).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(value = PollerKind.class, names = {"NIO", "EPOLL", "URING"})
    void shouldSendOurFinLingerAndCloseOnThePeersFinWhenClosedWithNothingQueued(PollerKind poller) throws IOException {
        PollerAssumptions.assumeAvailable(poller);
        EventLoop loop = open(poller);
        try (SocketChannel client = LoopbackClients.connectAndAdopt(engine, loop)) {
            int slot = loop.slotOf(connId);
            loop.connections.closeGracefully(slot); // CLOSE_REQUESTED, drained at once: SHUT_OUTPUT, linger deadline
            assertThat(phase(loop, slot)).isEqualTo(ConnectionLifecycle.LINGERING);
            assertThat(client.read(ByteBuffer.allocate(1))).as("our FIN").isEqualTo(-1);
            assertThat(closes).isEmpty();

            client.shutdownOutput(); // the peer's FIN ends the linger
            loop.runOnce(0);
            assertThat(closes).containsExactly("clean");
            assertThat(loop.connectionCount()).isZero();
        }
    }

    @ParameterizedTest
    @EnumSource(value = PollerKind.class, names = {"NIO", "EPOLL", "URING"})
    void shouldCloseWithoutLingeringWhenTheLoopStops(PollerKind poller) throws IOException {
        PollerAssumptions.assumeAvailable(poller);
        EventLoop loop = open(poller);
        try (SocketChannel client = LoopbackClients.connectAndAdopt(engine, loop)) {
            loop.beginShutdown(); // STOPPING with nothing queued: CLOSING_NO_LINGER, drained, CLOSE
            assertThat(closes).containsExactly("clean");
            assertThat(loop.connectionCount()).isZero();
            assertThat(client.read(ByteBuffer.allocate(1))).isEqualTo(-1);
        }
    }

    @ParameterizedTest
    @EnumSource(value = PollerKind.class, names = {"NIO", "EPOLL", "URING"})
    void shouldShutAndOpenTheHandlersReadGateWithoutMovingThePhase(PollerKind poller) throws IOException {
        PollerAssumptions.assumeAvailable(poller);
        EventLoop loop = open(poller);
        try (SocketChannel _ = LoopbackClients.connectAndAdopt(engine, loop)) {
            int slot = loop.slotOf(connId);
            loop.connections.on(slot, ConnectionLifecycle.HANDLER_PAUSED, null);
            assertThat(loop.table.state(slot) & ConnectionLifecycle.PAUSED_BY_HANDLER).isNotZero();
            assertThat(loop.table.has(slot, ConnectionTable.WANTS_READ)).as("the poller was told").isFalse();
            loop.reads.resumeReading(slot);
            assertThat(loop.table.state(slot) & ConnectionLifecycle.PAUSED_BY_HANDLER).isZero();
            assertThat(loop.table.has(slot, ConnectionTable.WANTS_READ)).isTrue();
            assertThat(phase(loop, slot)).isEqualTo(ConnectionLifecycle.OPEN);
        }
    }
}
