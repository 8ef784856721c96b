package io.reactorbench.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.reactorbench.sys.PollerKind;
import java.io.IOException;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * An off-loop writer faster than its reader: asyncWrite is refused above the high-water mark, the handler hears
 * {@code onWritable} once the connection drained to the low mark, and the bytes the engine holds stay bounded —
 * measured in bytes queued, never in time.
 */
@Timeout(120)
class AsyncWriteBackpressureTest {

    private static final int LOW_WATER_BYTES = 64 * 1024;
    private static final int HIGH_WATER_BYTES = 256 * 1024;
    private static final int CHUNK_BYTES = 16 * 1024;
    /** 8 MiB: far beyond the water marks plus every socket buffer on the way. */
    private static final int CHUNKS = 512;
    /** A callback or onWritable comes within this, or the test fails (not a measurement). */
    private static final long AWAIT_SECONDS = 20;

    private Engine engine;
    private final AtomicReference<Long> connId = new AtomicReference<>();
    private final Semaphore writable = new Semaphore(0);

    private final EventHandler handler = new EventHandler() {
        @Override
        public Action onOpen(Conn conn) {
            connId.set(conn.id());
            return Action.NONE;
        }

        @Override
        public Action onTraffic(Conn conn) {
            conn.discard(conn.inboundBuffered());
            return Action.NONE;
        }

        @Override
        public void onWritable(Conn conn) {
            writable.release();
        }
    };

    private EngineConfig config(PollerKind poller) {
        return EngineConfig.defaults().withPoller(poller).withLoops(1)
                .withOutboundWaterMarks(LOW_WATER_BYTES, HIGH_WATER_BYTES)
                .withSocketOptions(true, false, 64 * 1024, 0);
    }

    @AfterEach
    void stop() {
        if (engine != null) {
            engine.stop(Duration.ofSeconds(5));
        }
    }

    @ParameterizedTest
    @EnumSource(value = PollerKind.class, names = {"NIO", "EPOLL", "URING"})
    void shouldRefuseAboveTheHighWaterMarkAndSignalWhenWritableAgain(PollerKind poller) throws Exception {
        PollerAssumptions.assumeAvailable(poller);
        engine = Engine.start(config(poller), handler);
        try (SocketChannel client = SocketChannel.open()) {
            client.setOption(StandardSocketOptions.SO_RCVBUF, 64 * 1024);
            client.connect(engine.address());
            long id = awaitConnection();
            AtomicLong maxOutboundBytes = new AtomicLong();

            int written = 0;
            Throwable firstRefusal = null;
            while (written < CHUNKS && firstRefusal == null) { // the client reads nothing yet
                Throwable error = write(id, chunk(written), maxOutboundBytes);
                if (error == null) {
                    written++;
                } else {
                    firstRefusal = error;
                }
            }
            assertThat(firstRefusal).as("a write refused while the peer read nothing")
                    .isInstanceOf(OutboundFullException.class);
            assertThat(maxOutboundBytes.get()).isLessThanOrEqualTo(HIGH_WATER_BYTES + CHUNK_BYTES);

            CompletableFuture<Long> received = CompletableFuture.supplyAsync(() -> readPattern(client));
            while (written < CHUNKS) {
                assertThat(writable.tryAcquire(AWAIT_SECONDS, TimeUnit.SECONDS)).as("onWritable").isTrue();
                Throwable error;
                while ((error = write(id, chunk(written), maxOutboundBytes)) == null && ++written < CHUNKS) {
                    // write on until refused again or done
                }
                if (error != null) {
                    assertThat(error).isInstanceOf(OutboundFullException.class);
                }
            }
            engine.asyncClose(id);
            assertThat(received.get(AWAIT_SECONDS, TimeUnit.SECONDS)).as("bytes received, in order")
                    .isEqualTo((long) CHUNKS * CHUNK_BYTES);
            assertThat(maxOutboundBytes.get()).as("most bytes the engine held for the connection")
                    .isLessThanOrEqualTo(HIGH_WATER_BYTES + CHUNK_BYTES);
        }
    }

    @ParameterizedTest
    @EnumSource(value = PollerKind.class, names = {"NIO", "EPOLL", "URING"})
    void shouldBoundWhatALoopHoldsForAWriterThatNeverWaits(PollerKind poller) throws Exception {
        PollerAssumptions.assumeAvailable(poller);
        engine = Engine.open(config(poller), handler); // stepped by hand: the loop runs nothing until told
        EventLoop loop = engine.loop(0);
        try (SocketChannel _ = LoopbackClients.connectAndAdopt(engine, loop)) {
            long id = connId.get();
            ByteBuffer oneMiB = ByteBuffer.allocate(1024 * 1024);
            List<Throwable> outcomes = new ArrayList<>(); // the loop does not run here: any outcome came at once
            long maxQueuedBytes = 0;
            for (int i = 0; i < 1000 && outcomes.isEmpty(); i++) {
                engine.asyncWrite(id, oneMiB.duplicate(), (c, error) -> outcomes.add(error));
                maxQueuedBytes = Math.max(maxQueuedBytes, loop.asyncWrites.queuedBytes());
            }
            assertThat(outcomes).as("refused on the calling thread once the loop holds too much")
                    .singleElement().isInstanceOf(OutboundFullException.class);
            outcomes.clear();
            assertThat(maxQueuedBytes).isLessThanOrEqualTo(AsyncWrites.MAX_QUEUED_BYTES + oneMiB.capacity());

            while (loop.asyncWrites.queuedBytes() > 0) {
                loop.runOnce(0); // bounded: each iteration takes up to MAX_TASKS_PER_ITERATION writes
            }
            assertThat(loop.writes.outboundBytes((int) id)).isLessThanOrEqualTo(HIGH_WATER_BYTES + oneMiB.capacity());
            assertThat(outcomes).as("some written, the rest refused above the high-water mark")
                    .contains((Throwable) null).hasAtLeastOneElementOfType(OutboundFullException.class);
        }
    }

    private long awaitConnection() throws InterruptedException {
        long deadlineNs = System.nanoTime() + TimeUnit.SECONDS.toNanos(AWAIT_SECONDS);
        while (connId.get() == null && System.nanoTime() < deadlineNs) {
            Thread.sleep(5); // waiting for the hand-over to the loop, not timing it
        }
        assertThat(connId.get()).as("connection adopted").isNotNull();
        return connId.get();
    }

    /** One asyncWrite, awaited; records the connection's queued bytes as the loop saw them. Null = written. */
    private Throwable write(long id, ByteBuffer data, AtomicLong maxOutboundBytes) throws Exception {
        CompletableFuture<Throwable> done = new CompletableFuture<>();
        engine.asyncWrite(id, data, (c, error) -> {
            maxOutboundBytes.accumulateAndGet(engine.loop(0).writes.outboundBytes((int) c), Math::max); // on the loop
            done.complete(error);
        });
        return done.get(AWAIT_SECONDS, TimeUnit.SECONDS);
    }

    private static ByteBuffer chunk(int index) {
        ByteBuffer chunk = ByteBuffer.allocateDirect(CHUNK_BYTES);
        for (int i = 0; i < CHUNK_BYTES; i++) {
            chunk.put(i, patternByte((long) index * CHUNK_BYTES + i));
        }
        return chunk;
    }

    private static byte patternByte(long offset) {
        return (byte) (offset % 251);
    }

    /** Reads to EOF, checking every byte against the pattern; returns how many. */
    private static long readPattern(SocketChannel client) {
        ByteBuffer in = ByteBuffer.allocate(64 * 1024);
        long offset = 0;
        try {
            while (client.read(in.clear()) >= 0) {
                in.flip();
                while (in.hasRemaining()) {
                    if (in.get() != patternByte(offset)) {
                        throw new AssertionError("byte " + offset + " out of order");
                    }
                    offset++;
                }
            }
        } catch (IOException e) {
            throw new AssertionError("read failed after " + offset + " bytes", e);
        }
        return offset;
    }
}
