package io.reactorbench.engine;

import static io.reactorbench.engine.LoopbackClients.connectAndAdopt;
import static io.reactorbench.engine.LoopbackClients.read;
import static io.reactorbench.engine.LoopbackClients.roundTrip;
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
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Handler code that throws must cost at most its own connection, never the loop: the loop is stepped by hand
 * ({@code runOnce} is the whole body of the loop thread), so a failure that escaped it would reach the test.
 */
@Timeout(30)
class LoopSurvivesFailuresTest {

    private final ManualClock clock = new ManualClock();
    private final List<String> events = new ArrayList<>();
    private Engine engine;
    private EventLoop loop;
    private long lastId;
    private int ticks;

    /** Echoes; "boom" makes onTraffic throw; ticks throw when asked. */
    private final class Handler implements EventHandler {
        private final boolean tickThrows;

        Handler(boolean tickThrows) {
            this.tickThrows = tickThrows;
        }

        @Override
        public Action onOpen(Conn conn) {
            lastId = conn.id();
            return Action.NONE;
        }

        @Override
        public Action onTraffic(Conn conn) {
            ByteBuffer in = conn.inbound();
            if (in.remaining() == 4 && in.get(in.position()) == 'b') {
                throw new IllegalStateException("boom from onTraffic");
            }
            conn.write(in);
            return Action.NONE;
        }

        @Override
        public void onClose(Conn conn, Throwable cause) {
            events.add("close " + (cause == null ? "clean" : cause.getMessage()));
        }

        @Override
        public boolean ticks() {
            return tickThrows;
        }

        @Override
        public long onTick(int loopIndex) {
            ticks++;
            throw new IllegalStateException("boom from onTick");
        }
    }

    private void open(PollerKind poller, boolean tickThrows) throws IOException {
        engine = Engine.open(EngineConfig.defaults().withPoller(poller).withLoops(1).withClock(clock),
                new Handler(tickThrows));
        loop = engine.loop(0);
    }

    @AfterEach
    void stop() {
        if (engine != null) {
            engine.stop(Duration.ofSeconds(1));
        }
    }

    @ParameterizedTest
    @EnumSource(value = PollerKind.class, names = {"NIO", "EPOLL", "URING"})
    void shouldKeepServingOldAndNewConnectionsWhenOnTickThrows(PollerKind poller) throws IOException {
        PollerAssumptions.assumeAvailable(poller);
        open(poller, true);
        try (SocketChannel first = connectAndAdopt(engine, loop)) { // the first iteration ticks, and the tick throws
            assertThat(ticks).isEqualTo(1);
            assertThat(engine.failuresCaught()).isEqualTo(1);
            assertThat(roundTrip(first, loop, "ping")).isEqualTo("ping");
            try (SocketChannel second = connectAndAdopt(engine, loop)) {
                assertThat(roundTrip(second, loop, "pong")).isEqualTo("pong");
            }
            clock.advanceMs(10_000);
            loop.runOnce(0);
            assertThat(ticks).as("a tick that threw is not called again").isEqualTo(1);
            assertThat(engine.failuresCaught()).isEqualTo(1);
        }
    }

    @ParameterizedTest
    @EnumSource(value = PollerKind.class, names = {"NIO", "EPOLL", "URING"})
    void shouldKeepServingWhenAnAsyncWriteCallbackThrows(PollerKind poller) throws IOException {
        PollerAssumptions.assumeAvailable(poller);
        open(poller, false);
        try (SocketChannel first = connectAndAdopt(engine, loop)) {
            engine.asyncWrite(lastId, ByteBuffer.wrap("async".getBytes(StandardCharsets.US_ASCII)), (id, error) -> {
                throw new IllegalStateException("boom from a callback");
            });
            loop.runOnce(0);
            assertThat(read(first, 5)).as("the write itself went out").isEqualTo("async");
            assertThat(engine.failuresCaught()).isEqualTo(1);
            assertThat(events).as("a callback's failure is reported, its connection kept").isEmpty();
            assertThat(roundTrip(first, loop, "ping")).isEqualTo("ping");
            try (SocketChannel second = connectAndAdopt(engine, loop)) {
                assertThat(roundTrip(second, loop, "pong")).isEqualTo("pong");
            }
        }
    }

    @ParameterizedTest
    @EnumSource(value = PollerKind.class, names = {"NIO", "EPOLL", "URING"})
    void shouldCloseOnlyTheConnectionWhoseHandlerThrewAndLogItOnce(PollerKind poller) throws IOException {
        PollerAssumptions.assumeAvailable(poller);
        open(poller, false);
        try (SocketChannel victim = connectAndAdopt(engine, loop); SocketChannel bystander = connectAndAdopt(engine, loop)) {
            victim.write(ByteBuffer.wrap("boom".getBytes(StandardCharsets.US_ASCII)));
            loop.runOnce(0);
            assertThat(events).containsExactly("close boom from onTraffic");
            assertThat(engine.failuresCaught()).isEqualTo(1);
            assertThat(victim.read(ByteBuffer.allocate(1))).isEqualTo(-1);
            assertThat(roundTrip(bystander, loop, "ping")).isEqualTo("ping");
            assertThat(loop.connectionCount()).isEqualTo(1);
        }
    }
}
