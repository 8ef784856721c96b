package io.reactorbench.engine.apps;

import static org.assertj.core.api.Assertions.assertThat;

import io.reactorbench.engine.Action;
import io.reactorbench.engine.Conn;
import io.reactorbench.engine.Engine;
import io.reactorbench.engine.EngineConfig;
import io.reactorbench.engine.EventHandler;
import io.reactorbench.sys.PollerKind;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

@Timeout(60)
class GracefulStopTest {

    /** Counts closes and shutdowns; answers "bye" with SHUTDOWN. */
    static final class Counting implements EventHandler {
        final AtomicInteger closes = new AtomicInteger();
        final AtomicInteger shutdowns = new AtomicInteger();

        @Override
        public Action onTraffic(Conn conn) {
            ByteBuffer in = conn.inbound();
            if (in.remaining() == 3 && in.get(in.position()) == 'b') {
                in.position(in.limit());
                return Action.SHUTDOWN;
            }
            conn.write(in);
            return Action.NONE;
        }

        @Override
        public void onClose(Conn conn, Throwable cause) {
            closes.incrementAndGet();
        }

        @Override
        public void onShutdown(Engine engine) {
            shutdowns.incrementAndGet();
        }
    }

    @ParameterizedTest
    @EnumSource(value = PollerKind.class, names = {"NIO", "EPOLL"})
    void shouldStopWithinTheTimeoutEvenWhenAClientNeverReads(PollerKind poller) throws Exception {
        Counting handler = new Counting();
        Engine engine = Engine.start(EngineConfig.defaults().withPoller(poller).withLoops(2), handler);
        try (SocketChannel idle = SocketChannel.open(engine.address());
                SocketChannel hog = SocketChannel.open(engine.address())) {
            long openDeadline = System.nanoTime() + 10_000_000_000L;
            while (engine.openConnections() < 2 && System.nanoTime() < openDeadline) {
                Thread.sleep(5); // waiting for the hand-over to the loops, not timing it
            }
            hog.configureBlocking(false);
            ByteBuffer chunk = ByteBuffer.allocateDirect(1 << 20);
            for (int i = 0; i < 64 && hog.write(chunk.clear()) > 0; i++) {
                // fill both directions' socket buffers: the echo has nowhere to go
            }
            // That stop returns at all is the point (the class's @Timeout fails a hang); how fast is not asserted
            // here: a wall-clock bound belongs in a benchmark, not in the default build.
            engine.stop(Duration.ofMillis(1500));
            assertThat(engine.openConnections()).isZero();
            assertThat(handler.closes.get()).isEqualTo(2);
            assertThat(handler.shutdowns.get()).isEqualTo(1);
            assertThat(idle.read(ByteBuffer.allocate(1))).isEqualTo(-1);
        }
    }

    @ParameterizedTest
    @EnumSource(value = PollerKind.class, names = {"NIO", "EPOLL"})
    void shouldShutDownWhenAHandlerAsksTo(PollerKind poller) throws Exception {
        Counting handler = new Counting();
        Engine engine = Engine.start(EngineConfig.defaults().withPoller(poller).withLoops(1), handler);
        try (SocketChannel client = SocketChannel.open(engine.address())) {
            client.write(ByteBuffer.wrap("bye".getBytes(java.nio.charset.StandardCharsets.US_ASCII)));
            assertThat(client.read(ByteBuffer.allocate(1))).as("closed by the shutdown").isEqualTo(-1);
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (!engine.isStopped() && System.nanoTime() < deadline) {
                Thread.sleep(5); // waiting for the background stop to finish, not timing it
            }
            assertThat(engine.isStopped()).isTrue();
            assertThat(handler.shutdowns.get()).isEqualTo(1);
        } finally {
            engine.stop(Duration.ofSeconds(1));
        }
    }
}
