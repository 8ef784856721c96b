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
 * What does the engine's per-connection inbound buffer cost when a handler leaves bytes unread? Four cases, one
 * per method, each on a 64-byte read: {@code keepLeftover} (the bytes become a pooled chunk and are consumed at
 * once: acquire, copy, release), {@code appendThenConsume} (a chunk already holds unread bytes; append and read
 * as much again, so the data window slides and compacts once per chunk: the amortized steady state),
 * {@code appendAtEndCompacts} (the data sits at the end of the chunk, so every append moves the unread bytes to
 * the front: the engine's answer to a ring's wrap, a copy of only the leftover) and {@code appendBeyondChunkGrows}
 * (the unread bytes no longer fit the pooled chunk size and move to a bigger, unpooled chunk).
 *
 * <p>Pitfalls avoided: buffers, pool and chunk are {@code @State} fields built in {@code @Setup}, and each
 * method restores the state it found, so every call does the same work instead of drifting into an easier
 * case; each returns a byte it read or a count, so nothing is dead code. Under {@code -prof gc} the first three
 * should be ~0 B/op (the engine's read path allocates nothing); {@code appendBeyondChunkGrows} allocates a
 * direct buffer by design, and shows what it costs. It frees that buffer's native memory at once: growing
 * millions of times a second would otherwise exhaust direct memory within milliseconds and measure the JDK's
 * reserve-memory path (a System.gc() and sleeps) instead of the growth; in a server growth is rare and the GC
 * frees the chunk.
 *
 * <p>Lives in {@code io.reactorbench.engine} because the buffers are package-private.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {JvmArgs.NATIVE_ACCESS, JvmArgs.UNSAFE_ALLOWED, JvmArgs.HEAP_MIN, JvmArgs.HEAP_MAX})
public class InboundBufferBenchmark {

    static final int READ_BYTES = 64;
    /** Unread bytes kept in the chunk between calls: a partial frame, as a handler waiting for the rest leaves. */
    static final int LEFTOVER_BYTES = 40;

    private BufferPool pool;
    private int chunkBytes;
    /** What one read delivered, in a direct buffer like the loop's shared read buffer. */
    private ByteBuffer read;
    /** A chunk holding {@link #LEFTOVER_BYTES} unread bytes, for the append cases. */
    private Chunk held;

    @Setup
    public void setUp() {
        chunkBytes = EngineConfig.defaults().chunkBytes();
        pool = new BufferPool(chunkBytes, 16);
        read = ByteBuffer.allocateDirect(READ_BYTES);
        for (int i = 0; i < READ_BYTES; i++) {
            read.put(i, (byte) i);
        }
        held = InboundBuffer.of(pool, ByteBuffer.allocateDirect(LEFTOVER_BYTES));
    }

    @Benchmark
    public byte keepLeftover() {
        read.clear();
        Chunk chunk = InboundBuffer.of(pool, read);
        ByteBuffer data = chunk.buffer;
        byte last = data.get(data.limit() - 1);
        data.position(data.limit()); // the handler consumed everything
        pool.release(chunk);
        return last;
    }

    @Benchmark
    public byte appendThenConsume() {
        read.clear();
        held = InboundBuffer.append(pool, held, read);
        ByteBuffer data = held.buffer;
        byte first = data.get(data.position());
        data.position(data.position() + READ_BYTES); // leaves LEFTOVER_BYTES unread, as before the call
        return first;
    }

    @Benchmark
    public int appendAtEndCompacts() {
        ByteBuffer data = held.buffer;
        data.limit(data.capacity()).position(data.capacity() - LEFTOVER_BYTES); // unread bytes at the very end
        read.clear();
        held = InboundBuffer.append(pool, held, read);
        return held.buffer.position() + held.buffer.limit();
    }

    @Benchmark
    public int appendBeyondChunkGrows() {
        Chunk chunk = pool.acquire();
        ByteBuffer data = chunk.buffer;
        data.clear().position(READ_BYTES / 2); // unread bytes fill all but the last half-read of the chunk
        read.clear();
        Chunk bigger = InboundBuffer.append(pool, chunk, read); // releases chunk back to the pool
        int readable = InboundBuffer.readable(bigger);
        pool.release(bigger); // not pooled: bigger than the pool's chunk size
        DirectMemory.free(bigger.buffer); // see the class comment: growth must not exhaust direct memory here
        return readable;
    }

    /*
     * How to run (after `mvn -B -o -q -pl microbench package`):
     *   java --enable-native-access=ALL-UNNAMED -jar microbench/target/benchmarks.jar InboundBufferBenchmark -prof gc
     */
}
