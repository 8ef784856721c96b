package io.reactorbench.engine;

import io.reactorbench.microbench.JvmArgs;
import java.nio.ByteBuffer;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What does the engine's outbound buffer cost when a write comes up short? Each method is one write, one
 * gathering flush ({@code gather}: what the poller hands to writev) and the bytes the kernel took
 * ({@code consume}): {@code writeGatherDrainSmall} queues a 64-byte reply and drains it (the usual short write);
 * {@code writeGatherDrainAcrossWrap} streams one chunk's worth through a queue that keeps half a chunk, so the
 * head of the chunk ring advances every call and wraps around its array every few calls;
 * {@code growChunkRing} fills a fresh buffer past its initial four chunks, so its ring array doubles (the first
 * burst a new connection's buffer sees), then gives everything back.
 *
 * <p>Pitfalls avoided: pool, buffers and the gather arrays are {@code @State} fields built once; every method
 * leaves the queue as it found it, so each call does the same work; the gathered count and bytes are returned,
 * so neither {@code gather} nor the copy can be dropped as dead code. Under {@code -prof gc} the first two should
 * be ~0 B/op (chunks come from and go back to the pool); {@code growChunkRing} allocates the new buffer and its
 * bigger ring by design.
 *
 * <p>Lives in {@code io.reactorbench.engine} because the buffers are package-private.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {JvmArgs.NATIVE_ACCESS, JvmArgs.UNSAFE_ALLOWED, JvmArgs.HEAP_MIN, JvmArgs.HEAP_MAX})
public class OutboundBufferBenchmark {

    static final int REPLY_BYTES = 64;

    private BufferPool pool;
    private int chunkBytes;
    private ByteBuffer reply;
    private ByteBuffer chunkOfBytes;
    private ByteBuffer fiveChunksOfBytes;
    private OutboundBuffer small;
    private OutboundBuffer streaming;
    private final ByteBuffer[] gathered = new ByteBuffer[WritePath.MAX_BUFFERS_PER_WRITE];
    private final long[] addresses = new long[WritePath.MAX_BUFFERS_PER_WRITE];

    @Setup
    public void setUp() {
        chunkBytes = EngineConfig.defaults().chunkBytes();
        pool = new BufferPool(chunkBytes, 64);
        reply = filledDirect(REPLY_BYTES);
        chunkOfBytes = filledDirect(chunkBytes);
        fiveChunksOfBytes = filledDirect(5 * chunkBytes);
        small = new OutboundBuffer();
        streaming = new OutboundBuffer();
        streaming.append(pool, filledDirect(chunkBytes / 2)); // half a chunk stays queued between calls
    }

    private static ByteBuffer filledDirect(int bytes) {
        ByteBuffer buffer = ByteBuffer.allocateDirect(bytes);
        for (int i = 0; i < bytes; i++) {
            buffer.put(i, (byte) i);
        }
        return buffer;
    }

    @Benchmark
    public long writeGatherDrainSmall() {
        reply.clear();
        small.append(pool, reply);
        int buffers = small.gather(gathered, addresses, gathered.length);
        long bytes = small.bytes();
        small.consume(pool, bytes); // the kernel took everything
        return bytes + buffers;
    }

    @Benchmark
    public long writeGatherDrainAcrossWrap() {
        chunkOfBytes.clear();
        streaming.append(pool, chunkOfBytes);
        int buffers = streaming.gather(gathered, addresses, gathered.length);
        streaming.consume(pool, chunkBytes); // half a chunk is left, now at the start of the next ring slot
        return streaming.bytes() + buffers;
    }

    @Benchmark
    public long growChunkRing() {
        OutboundBuffer fresh = new OutboundBuffer();
        fiveChunksOfBytes.clear();
        fresh.append(pool, fiveChunksOfBytes); // a fifth chunk does not fit the initial ring of four
        int buffers = fresh.gather(gathered, addresses, gathered.length);
        fresh.clear(pool);
        return buffers;
    }

    /*
     * How to run (after `mvn -B -o -q -pl microbench package`):
     *   java --enable-native-access=ALL-UNNAMED -jar microbench/target/benchmarks.jar OutboundBufferBenchmark -prof gc
     */
}
