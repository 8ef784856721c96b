package io.reactorbench.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.reactorbench.sys.PollerKind;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Real direct-memory exhaustion: this class runs in a JVM of its own with {@code -XX:MaxDirectMemorySize=16m}
 * (a surefire execution of the engine's pom). A peer sends more than that without a line end, the handler
 * keeps waiting for one, and growing the connection's inbound buffer fails in {@code allocateDirect}: that
 * connection must end with the OutOfMemoryError, and the loop must go on serving the others and new ones.
 */
@Timeout(120)
class DirectMemoryExhaustionTest {

    /** Well past the 16 MiB limit: the inbound buffer doubles past it on the way. */
    private static final int HOG_BYTES = 48 * 1024 * 1024;
    private static final int WRITE_BYTES = 64 * 1024;
    private static final long AWAIT_SECONDS = 60;

    /** Echoes whole lines; leaves a partial line unread until its end arrives. */
    private static final class LineEcho implements EventHandler {
        final AtomicReference<Throwable> closeCause = new AtomicReference<>();
        final AtomicInteger closes = new AtomicInteger();

        @Override
        public Action onTraffic(Conn conn) {
            ByteBuffer in = conn.inbound();
            if (in.hasRemaining() && in.get(in.limit() - 1) == '\n') {
                conn.write(in);
            }
            return Action.NONE;
        }

        @Override
        public void onClose(Conn conn, Throwable cause) {
            closeCause.compareAndSet(null, cause);
            closes.incrementAndGet();
        }
    }

    @ParameterizedTest
    @EnumSource(value = PollerKind.class, names = {"NIO", "EPOLL", "URING"})
    void shouldCloseOnlyTheConnectionThatRanTheLoopOutOfDirectMemory(PollerKind poller) throws Exception {
        PollerAssumptions.assumeAvailable(poller);
        assumeTrue(ManagementFactory.getRuntimeMXBean().getInputArguments().contains("-XX:MaxDirectMemorySize=16m"),
                "runs in the engine pom's direct-memory-limit execution");
        LineEcho handler = new LineEcho();
        Engine engine = Engine.start(EngineConfig.defaults().withPoller(poller).withLoops(1), handler);
        try (SocketChannel bystander = SocketChannel.open(engine.address());
                SocketChannel hog = SocketChannel.open(engine.address())) {
            assertThat(echo(bystander, "before\n")).isEqualTo("before\n");
            CompletableFuture<Void> flood = CompletableFuture.runAsync(() -> send(hog));
            long deadlineNs = System.nanoTime() + TimeUnit.SECONDS.toNanos(AWAIT_SECONDS);
            while (handler.closes.get() == 0 && System.nanoTime() < deadlineNs) {
                Thread.sleep(10); // waiting for the hog to be closed, not timing it
            }
            assertThat(handler.closeCause.get()).as("why the hog was closed").isInstanceOf(OutOfMemoryError.class);
            flood.get(AWAIT_SECONDS, TimeUnit.SECONDS);

            assertThat(echo(bystander, "after\n")).isEqualTo("after\n");
            try (SocketChannel newcomer = SocketChannel.open(engine.address())) {
                assertThat(echo(newcomer, "new\n")).isEqualTo("new\n");
            }
            assertThat(engine.failuresCaught()).isEqualTo(1);
        } finally {
            engine.stop(Duration.ofSeconds(5));
        }
    }

    /** Sends HOG_BYTES with no line end, until the server closes the connection. */
    private static void send(SocketChannel hog) {
        ByteBuffer data = ByteBuffer.allocate(WRITE_BYTES);
        try {
            for (int sent = 0; sent < HOG_BYTES; sent += WRITE_BYTES) {
                hog.write(data.clear());
            }
        } catch (IOException expected) {
            // reset by the server once it closed the connection
        }
    }

    private static String echo(SocketChannel client, String line) throws IOException {
        client.write(ByteBuffer.wrap(line.getBytes(StandardCharsets.US_ASCII)));
        return LoopbackClients.read(client, line.length());
    }
}
