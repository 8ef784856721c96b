package io.reactorbench.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.reactorbench.sys.PollerKind;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The gnet-shaped connection table ablation ({@code table=map}) keeps exactly one map entry per open connection,
 * serves events through it, and drops the entry when the connection closes; the engine's own table keeps none.
 * The loops are stepped by hand, as in {@link EventLoopSteppingTest}.
 */
@Timeout(30)
class MappedConnectionsTest {

    private final ManualClock clock = new ManualClock();
    private Engine engine;

    /** Echoes whatever arrives. */
    private final EventHandler echo = new EventHandler() {
        @Override
        public Action onTraffic(Conn conn) {
            conn.write(conn.next(conn.inboundBuffered()));
            return Action.NONE;
        }
    };

    @AfterEach
    void stop() {
        if (engine != null) {
            engine.stop(Duration.ofSeconds(1));
        }
    }

    private EventLoop open(PollerKind poller, ConnectionTableKind table) throws IOException {
        engine = Engine.open(EngineConfig.defaults().withPoller(poller).withLoops(1).withClock(clock)
                .withConnectionTable(table), echo);
        return engine.loop(0);
    }

    private SocketChannel connectAndAdopt(EventLoop loop) throws IOException {
        SocketChannel client = SocketChannel.open(engine.address());
        engine.mainLoop().runOnce(0);
        loop.runOnce(0);
        return client;
    }

    @ParameterizedTest
    @EnumSource(value = PollerKind.class, names = {"NIO", "EPOLL"})
    void shouldKeepOneEntryPerOpenConnectionAndRemoveItOnClose(PollerKind poller) throws IOException {
        EventLoop loop = open(poller, ConnectionTableKind.MAP);
        List<SocketChannel> clients = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            clients.add(connectAndAdopt(loop));
        }
        assertThat(loop.lookup).isInstanceOf(MappedConnections.class);
        assertThat(loop.lookup.size()).isEqualTo(3).isEqualTo(loop.table.size());

        clients.getFirst().close(); // the peer's FIN: the loop reads EOF and closes its side
        for (int i = 0; i < 5 && loop.table.size() == 3; i++) {
            loop.runOnce(10);
        }
        assertThat(loop.table.size()).isEqualTo(2);
        assertThat(loop.lookup.size()).isEqualTo(2);

        for (SocketChannel client : clients.subList(1, 3)) {
            client.close();
        }
        for (int i = 0; i < 10 && loop.table.size() > 0; i++) {
            loop.runOnce(10);
        }
        assertThat(loop.lookup.size()).isZero();
    }

    @ParameterizedTest
    @EnumSource(value = PollerKind.class, names = {"NIO", "EPOLL"})
    void shouldServeTrafficThroughTheMapEntry(PollerKind poller) throws IOException {
        EventLoop loop = open(poller, ConnectionTableKind.MAP);
        try (SocketChannel client = connectAndAdopt(loop)) {
            client.write(ByteBuffer.wrap("ping".getBytes(StandardCharsets.US_ASCII)));
            loop.runOnce(0);
            ByteBuffer in = ByteBuffer.allocate(4);
            while (in.hasRemaining() && client.read(in) >= 0) {
                // the echo is already in the socket: these reads do not block for long
            }
            assertThat(new String(in.array(), StandardCharsets.US_ASCII)).isEqualTo("ping");
        }
    }

    @Test
    void shouldKeepNoEntriesWithTheSlotTable() throws IOException {
        EventLoop loop = open(PollerKind.EPOLL, ConnectionTableKind.SLOTS);
        try (SocketChannel client = connectAndAdopt(loop)) {
            assertThat(loop.table.size()).isEqualTo(1);
            assertThat(loop.lookup).isSameAs(SlotLookup.INSTANCE);
            assertThat(loop.lookup.size()).isZero();
        }
    }

    @Test
    void shouldRejectAnUnknownTableKindInOneLine() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ConnectionTableKind.parse("tree"))
                .hasMessage("unknown connection table 'tree' (known: slots, map)");
    }
}
