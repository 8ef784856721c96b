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
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The loops driven by hand: no loop threads, no sleeps; time comes from a {@link ManualClock}. Loopback
 * sockets are real, and the kernel has queued a connection or bytes by the time connect/write returns, so
 * one {@code runOnce(0)} sees them.
 */
@Timeout(30)
class EventLoopSteppingTest {

    private final ManualClock clock = new ManualClock();
    private final List<String> events = new ArrayList<>();
    private long lastId;
    private Engine engine;

    private final EventHandler handler = new EventHandler() {
        @Override
        public Action onOpen(Conn conn) {
            events.add("open");
            lastId = conn.id();
            conn.write(ByteBuffer.wrap("hi\n".getBytes(StandardCharsets.US_ASCII)));
            return Action.NONE;
        }

        @Override
        public Action onTraffic(Conn conn) {
            events.add("traffic " + conn.inboundBuffered());
            if (conn.inboundBuffered() == 3) { // "v??": answer with a gathering write of three buffers
                conn.discard(3);
                ByteBuffer out = conn.outBuffer();
                out.put((byte) 'a').flip();
                conn.writev(out, ByteBuffer.wrap(new byte[] {'b'}), ByteBuffer.allocateDirect(1).put(0, (byte) 'c'));
                return Action.NONE;
            }
            if (conn.inboundBuffered() >= 4) {
                conn.write(conn.next(4)); // one 4-byte message per call; the rest stays buffered
            }
            return Action.NONE;
        }

        @Override
        public void onClose(Conn conn, Throwable cause) {
            events.add("close " + (cause == null ? "clean" : cause.getClass().getSimpleName()));
        }

        @Override
        public boolean ticks() {
            return true;
        }

        @Override
        public long onTick(int loopIndex) {
            events.add("tick");
            return 1_000_000_000L;
        }
    };

    private EventLoop open(PollerKind poller, long idleTimeoutMs) throws IOException {
        EngineConfig config = EngineConfig.defaults().withPoller(poller).withLoops(1).withClock(clock)
                .withIdleTimeoutNs(idleTimeoutMs * 1_000_000L);
        engine = Engine.open(config, handler);
        return engine.loop(0);
    }

    @AfterEach
    void stop() {
        if (engine != null) {
            engine.stop(Duration.ofSeconds(1));
        }
    }

    private SocketChannel connectAndAdopt(EventLoop loop) throws IOException {
        SocketChannel client = SocketChannel.open(engine.address());
        engine.mainLoop().runOnce(0); // accepts and queues the hand-over
        loop.runOnce(0); // adopts: onOpen
        return client;
    }

    private static String read(SocketChannel client, int bytes) throws IOException {
        ByteBuffer in = ByteBuffer.allocate(bytes);
        while (in.hasRemaining()) {
            if (client.read(in) < 0) {
                break;
            }
        }
        return new String(in.array(), 0, in.position(), StandardCharsets.US_ASCII);
    }

    @ParameterizedTest
    @EnumSource(value = PollerKind.class, names = {"NIO", "EPOLL", "URING"})
    void shouldGreetOnOpenAndTickInTheFirstIteration(PollerKind poller) throws IOException {
        PollerAssumptions.assumeAvailable(poller);
        EventLoop loop = open(poller, 0);
        try (SocketChannel client = connectAndAdopt(loop)) {
            assertThat(events).containsExactly("open", "tick"); // queued tasks run before timers in an iteration
            assertThat(read(client, 3)).isEqualTo("hi\n");
            assertThat(loop.connectionCount()).isEqualTo(1);
        }
    }

    @ParameterizedTest
    @EnumSource(value = PollerKind.class, names = {"NIO", "EPOLL", "URING"})
    void shouldKeepUnreadBytesForTheNextCallbackAndDeliverThemOnWake(PollerKind poller) throws IOException {
        PollerAssumptions.assumeAvailable(poller);
        EventLoop loop = open(poller, 0);
        try (SocketChannel client = connectAndAdopt(loop)) {
            read(client, 3);
            client.write(ByteBuffer.wrap("abcdefgh".getBytes(StandardCharsets.US_ASCII)));
            loop.runOnce(0);
            assertThat(events).contains("traffic 8");
            assertThat(read(client, 4)).isEqualTo("abcd");
            engine.wake(lastId);
            loop.runOnce(0);
            assertThat(events).contains("traffic 4");
            assertThat(read(client, 4)).isEqualTo("efgh");
        }
    }

    @ParameterizedTest
    @EnumSource(value = PollerKind.class, names = {"NIO", "EPOLL", "URING"})
    void shouldSendSeveralBuffersInOrderWithOneGatheringWrite(PollerKind poller) throws IOException {
        PollerAssumptions.assumeAvailable(poller);
        EventLoop loop = open(poller, 0);
        try (SocketChannel client = connectAndAdopt(loop)) {
            read(client, 3);
            client.write(ByteBuffer.wrap("v??".getBytes(StandardCharsets.US_ASCII)));
            loop.runOnce(0);
            assertThat(read(client, 3)).isEqualTo("abc");
        }
    }

    @ParameterizedTest
    @EnumSource(value = PollerKind.class, names = {"NIO", "EPOLL", "URING"})
    void shouldCloseAConnectionIdleLongerThanTheTimeoutAndNotAnActiveOne(PollerKind poller) throws IOException {
        PollerAssumptions.assumeAvailable(poller);
        EventLoop loop = open(poller, 1000);
        try (SocketChannel client = connectAndAdopt(loop)) {
            read(client, 3);
            clock.advanceMs(600);
            client.write(ByteBuffer.wrap("ping".getBytes(StandardCharsets.US_ASCII)));
            loop.runOnce(0); // activity at +600 ms
            assertThat(read(client, 4)).isEqualTo("ping");
            clock.advanceMs(900); // +1500: idle 900 ms < 1000 ms
            loop.runOnce(0);
            assertThat(events).doesNotContain("close TimeoutException");
            clock.advanceMs(200); // +1700: idle 1100 ms
            loop.runOnce(0);
            assertThat(events).contains("close TimeoutException");
            assertThat(client.read(ByteBuffer.allocate(1))).isEqualTo(-1);
            assertThat(loop.connectionCount()).isZero();
        }
    }

    @ParameterizedTest
    @EnumSource(value = PollerKind.class, names = {"NIO", "EPOLL", "URING"})
    void shouldWriteAndCloseFromAnotherThreadThroughTheTaskQueue(PollerKind poller) throws Exception {
        PollerAssumptions.assumeAvailable(poller);
        EventLoop loop = open(poller, 0);
        try (SocketChannel client = connectAndAdopt(loop)) {
            read(client, 3);
            AtomicReference<String> completion = new AtomicReference<>();
            Thread other = Thread.ofPlatform().start(() -> engine.asyncWrite(lastId,
                    ByteBuffer.wrap("async".getBytes(StandardCharsets.US_ASCII)),
                    (id, error) -> completion.set(error == null ? "ok" : error.toString())));
            other.join();
            loop.runOnce(0);
            assertThat(completion.get()).isEqualTo("ok");
            assertThat(read(client, 5)).isEqualTo("async");
            engine.asyncClose(lastId);
            loop.runOnce(0);
            client.shutdownOutput(); // answer the lingering close
            loop.runOnce(0);
            assertThat(events).contains("close clean");
            engine.asyncWrite(lastId, ByteBuffer.allocate(1), (id, error) -> completion.set(String.valueOf(error)));
            loop.runOnce(0);
            assertThat(completion.get()).contains("ClosedChannelException");
        }
    }

    @ParameterizedTest
    @EnumSource(value = PollerKind.class, names = {"NIO", "EPOLL", "URING"})
    void shouldCloseLingeringConnectionsAfterTheLingerTimeout(PollerKind poller) throws IOException {
        PollerAssumptions.assumeAvailable(poller);
        EventLoop loop = open(poller, 0);
        try (SocketChannel _ = connectAndAdopt(loop)) {
            engine.asyncClose(lastId);
            loop.runOnce(0);
            assertThat(events).doesNotContain("close clean");
            clock.advanceMs(EventLoop.LINGER_TIMEOUT_NS / 1_000_000 + 20);
            loop.runOnce(0);
            assertThat(events).contains("close clean");
        }
    }

    @ParameterizedTest
    @EnumSource(value = PollerKind.class, names = {"NIO", "EPOLL", "URING"})
    void shouldCloseALingeringConnectionOnceItHasDroppedTheLingerByteCap(PollerKind poller) throws Exception {
        PollerAssumptions.assumeAvailable(poller);
        EventLoop loop = open(poller, 0);
        try (SocketChannel client = connectAndAdopt(loop)) {
            read(client, 3);
            engine.asyncClose(lastId);
            loop.runOnce(0);
            long capBytes = EventLoop.LINGER.maxBytes();

            drainWhileWriting(loop, client, capBytes - 1); // the clock stands still: only the byte cap can close
            assertThat(events).doesNotContain("close clean");
            drainWhileWriting(loop, client, 1);
            assertThat(events).contains("close clean");
        }
    }

    /**
     * Writes {@code bytes} from another thread (a blocking write would wait for the loop) while stepping the loop,
     * until the writer is done and one more step finds nothing to read.
     */
    private static void drainWhileWriting(EventLoop loop, SocketChannel client, long bytes) throws Exception {
        Thread writer = Thread.ofPlatform().start(() -> {
            ByteBuffer chunk = ByteBuffer.allocate(64 * 1024);
            long left = bytes;
            try {
                while (left > 0) {
                    chunk.clear().limit((int) Math.min(chunk.capacity(), left));
                    left -= client.write(chunk);
                }
            } catch (IOException closedByTheLoop) {
                // the assertions on the close events tell whether that was right
            }
        });
        for (int step = 0; step < 100_000; step++) {
            boolean writerDone = !writer.isAlive();
            if (loop.runOnce(0) == 0 && writerDone) {
                return;
            }
        }
        throw new AssertionError("the loop was still reading after 100,000 steps");
    }
}
