package io.reactorbench.microbench.sys;

import io.reactorbench.microbench.JvmArgs;
import io.reactorbench.sys.Errno;
import io.reactorbench.sys.IoUring;
import io.reactorbench.sys.IoUringFlags;
import io.reactorbench.sys.LinuxSys;
import io.reactorbench.sys.ProvidedBuffers;
import io.reactorbench.sys.SocketFlags;
import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What do the io_uring ring's submission and completion paths cost through FFM (issue 21)? Three views of one ring
 * ({@link IoUring}, opened as the engine's poller opens it: SINGLE_ISSUER + DEFER_TASKRUN where the kernel has them):
 * <ul>
 *   <li>{@code enterEmpty}: one {@code io_uring_enter} with nothing to submit and nothing to wait for: the system
 *       call's floor on this machine, which every loop iteration pays once.</li>
 *   <li>{@code nopBatch}: {@code batch} NOP SQEs claimed and filled, submitted with one enter, their CQEs read and
 *       consumed: the Java side of the rings (claim, zero, fill, publish, read, consume) per batch. Divide by
 *       {@code batch} for one request; the difference from {@code enterEmpty} is what the ring's bookkeeping
 *       adds to the one system call.</li>
 *   <li>{@code pingPong}: one 64-byte round trip over a loopback TCP pair, both ends on this ring the way the engine
 *       serves them: a multishot recv armed on each socket with a provided-buffer ring, each arrival sent on from the
 *       buffer it came in, the buffer recycled when its send completes. The whole per-request path of an io_uring
 *       echo server, both directions.</li>
 * </ul>
 *
 * <p>Pitfalls avoided: the ring, buffers and sockets are built once per trial, not per call, and on the benchmark
 * thread itself (a SINGLE_ISSUER ring must be driven by one thread: the ring starts disabled and is enabled by the
 * first enter, made in {@code @Setup} on that thread); each call returns what it read (user data and results
 * summed), so neither the CQE reads nor the SQE writes are dead code; every wait is bounded by a timeout and a
 * call that sees no progress throws, so a broken ring fails the run rather than looking fast. Under
 * {@code -prof gc}, {@code gc.alloc.rate.norm} should be ~0 B/op: the ring allocates nothing per request.
 *
 * <p>Run alone: {@code $JAVA -jar microbench/target/benchmarks.jar IoUringRingBenchmark -f 1 -wi 3 -w 1s -i 5 -r 1s
 * -prof gc} (see docs/microbench.md for {@code $JAVA}).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {JvmArgs.NATIVE_ACCESS, JvmArgs.HEAP_MIN, JvmArgs.HEAP_MAX})
public class IoUringRingBenchmark {

    /** NOP SQEs per enter in {@code nopBatch} only (a state of its own, so the other two run once each). */
    @State(Scope.Thread)
    public static class Batch {
        /** One request, a loop iteration's worth, half of the ring. */
        @Param({"1", "16", "128"})
        int size;
    }

    private static final int RING_ENTRIES = 256;
    private static final int MESSAGE_BYTES = 64;
    private static final int BUFFERS = 64;
    private static final int BUFFER_BYTES = 2048;
    private static final int BUFFER_GROUP = 0;
    /** An enter waits at most this long for a completion; a round trip on loopback takes microseconds. */
    private static final long WAIT_NS = 1_000_000_000L;
    /** Enters without the awaited completion before a call gives up (bounded: a lost message fails the run). */
    private static final int MAX_ENTERS = 1_000;

    private static final long CLIENT_RECV = 1;
    private static final long SERVER_RECV = 2;
    private static final long SEND_TAG = 1L << 40;

    private Arena arena;
    private IoUring ring;
    private ProvidedBuffers buffers;
    private MemorySegment message;
    private int listener;
    private int client;
    private int server;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        arena = Arena.ofShared();
        ring = IoUring.open(RING_ENTRIES, RING_ENTRIES * 4);
        ring.submitAndWait(0); // enables the ring from this, the benchmark, thread: its single issuer
        buffers = new ProvidedBuffers(arena, BUFFERS, BUFFER_BYTES, BUFFER_GROUP);
        check(buffers.register(ring), "register the provided-buffer ring");
        message = arena.allocate(MESSAGE_BYTES);
        for (int i = 0; i < MESSAGE_BYTES; i++) {
            message.set(ValueLayout.JAVA_BYTE, i, (byte) i);
        }
        listener = check(LinuxSys.socket(SocketFlags.AF_INET, SocketFlags.SOCK_STREAM, 0), "socket");
        check(LinuxSys.bind(listener, new InetSocketAddress(InetAddress.getLoopbackAddress(), 0)), "bind");
        check(LinuxSys.listen(listener, 1), "listen");
        client = check(LinuxSys.socket(SocketFlags.AF_INET, SocketFlags.SOCK_STREAM, 0), "socket");
        check(LinuxSys.connect(client, new InetSocketAddress(InetAddress.getLoopbackAddress(),
                LinuxSys.localPort(listener))), "connect");
        server = check(LinuxSys.accept4(listener, 0), "accept4");
        ring.prepRecvMultishot(client, BUFFER_GROUP, CLIENT_RECV);
        ring.prepRecvMultishot(server, BUFFER_GROUP, SERVER_RECV);
        ring.submitAndWait(0);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        LinuxSys.close(client);
        LinuxSys.close(server);
        LinuxSys.close(listener);
        ring.close();
        arena.close();
    }

    @Benchmark
    public int enterEmpty() {
        return ring.submitAndWait(0);
    }

    @Benchmark
    public long nopBatch(Batch b) {
        int batch = b.size;
        for (int i = 0; i < batch; i++) {
            ring.prepNop(i);
        }
        ring.submitAndWait(0);
        long seen = 0;
        int reaped = 0;
        for (int enters = 0; reaped < batch; enters++) {
            int ready = ring.completionsReady();
            for (int i = 0; i < ready; i++) {
                seen += ring.userData(i) + ring.result(i);
            }
            ring.consume(ready);
            reaped += ready;
            if (reaped < batch) {
                progress(enters, "NOP completions");
                ring.submitAndWait(WAIT_NS);
            }
        }
        return seen;
    }

    @Benchmark
    public long pingPong() {
        ring.prepSend(client, message.address(), MESSAGE_BYTES, SocketFlags.MSG_NOSIGNAL, SEND_TAG);
        long seen = 0;
        boolean echoed = false;
        for (int enters = 0; !echoed; enters++) {
            progress(enters, "the echo");
            ring.submitAndWait(WAIT_NS);
            int ready = ring.completionsReady();
            for (int i = 0; i < ready; i++) {
                long tag = ring.userData(i);
                int result = ring.result(i);
                int flags = ring.flags(i);
                seen += result;
                if (tag >= SEND_TAG) {
                    if (tag > SEND_TAG) {
                        buffers.recycle((int) (tag - SEND_TAG - 1)); // the server's answer left its buffer
                    }
                    continue;
                }
                if (result <= 0) {
                    throw new IllegalStateException("recv on " + (tag == CLIENT_RECV ? "client" : "server") + ": "
                            + (result == 0 ? "end of stream" : Errno.message(result)));
                }
                int id = flags >>> IoUringFlags.IORING_CQE_BUFFER_SHIFT;
                if (tag == SERVER_RECV) { // answer from the buffer it arrived in; recycled when the send completes
                    ring.prepSend(server, buffers.address(id), result, SocketFlags.MSG_NOSIGNAL, SEND_TAG + 1 + id);
                } else {
                    buffers.recycle(id);
                    echoed = true; // a 64-byte message arrives whole on loopback
                }
                if ((flags & IoUringFlags.IORING_CQE_F_MORE) == 0) { // the multishot ended (ran out of buffers): re-arm
                    ring.prepRecvMultishot(tag == SERVER_RECV ? server : client, BUFFER_GROUP, tag);
                }
            }
            ring.consume(ready);
        }
        return seen;
    }

    private static void progress(int enters, String what) {
        if (enters >= MAX_ENTERS) {
            throw new IllegalStateException("no " + what + " after " + MAX_ENTERS + " enters");
        }
    }

    private static int check(int result, String what) {
        if (result < 0) {
            throw new IllegalStateException(what + ": " + Errno.message(result));
        }
        return result;
    }
}
