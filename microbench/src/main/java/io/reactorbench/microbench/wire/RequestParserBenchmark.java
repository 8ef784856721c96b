package io.reactorbench.microbench.wire;

import io.reactorbench.microbench.JvmArgs;
import io.reactorbench.wire.app.ServerSession;
import io.reactorbench.wire.app.ServerSession.Outcome;
import io.reactorbench.wire.client.HttpRequests;
import io.reactorbench.wire.rpc.RpcFrame;
import io.reactorbench.wire.spi.App;
import java.nio.ByteBuffer;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What does the server side of a protocol cost per request, and does it stay the same when the request arrives
 * split across reads? One request is handed to the {@link ServerSession} every design uses (the http plaintext
 * GET, or an rpc frame with 64 payload bytes asking for 64 back), either as one buffer or in 7-byte pieces (7 is
 * prime, so the cuts fall inside tokens, header names and the rpc header), and its whole response is written.
 * The app is a {@code @Param} resolved by the sessions' own factory, {@link ServerSession#create}, so both
 * protocols go through the same code here.
 *
 * <p>Pitfalls avoided: the request bytes and the pieces are built once in {@code @Setup} and only rewound per
 * call, so the benchmark measures parsing, not buffer setup; they live in {@code @State} fields, so the JIT
 * cannot fold a constant request; the response size is returned and the outcome checked, so the parse cannot be
 * removed as dead code, and a session that stopped answering would fail the run instead of getting faster.
 * Under {@code -prof gc}, {@code gc.alloc.rate.norm} should be ~0 B/op: the sessions promise no allocation per
 * request.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {JvmArgs.NATIVE_ACCESS, JvmArgs.UNSAFE_ALLOWED, JvmArgs.HEAP_MIN, JvmArgs.HEAP_MAX})
public class RequestParserBenchmark {

    /** Bytes per piece when the request arrives split. */
    static final int PIECE_BYTES = 7;

    @Param({"http", "rpc"})
    String app;

    /** {@code whole}: one buffer per request; {@code split}: {@value #PIECE_BYTES}-byte pieces. */
    @Param({"whole", "split"})
    String input;

    private ServerSession session;
    private ByteBuffer[] pieces;
    private ByteBuffer out;

    @Setup
    public void setUp() {
        App parsed = App.parse(app);
        session = ServerSession.create(parsed);
        pieces = WireInputs.pieces(requestBytes(parsed), switch (input) {
            case "whole" -> Integer.MAX_VALUE;
            case "split" -> PIECE_BYTES;
            default -> throw new IllegalArgumentException("input must be whole or split, got " + input);
        });
        out = ByteBuffer.allocateDirect(64 * 1024);
    }

    /** The request of each app: what the load generator sends. */
    static byte[] requestBytes(App app) {
        return switch (app) {
            case HTTP -> HttpRequests.GET_PLAINTEXT.clone();
            case RPC -> {
                ByteBuffer frame = ByteBuffer.allocate(RpcFrame.requestLength(64));
                RpcFrame.writeRequest(frame, 1, 64, 0, 0, 64);
                yield frame.array();
            }
            case ECHO -> throw new IllegalArgumentException("echo has no parser");
        };
    }

    @Benchmark
    public int parseRequestAndWriteResponse() {
        out.clear();
        for (ByteBuffer piece : pieces) {
            piece.clear(); // rewinds the view; the bytes stay
            Outcome outcome = session.process(piece, out);
            if (outcome != Outcome.NEED_INPUT) {
                throw new IllegalStateException(app + " session answered " + outcome + " to a valid request");
            }
        }
        int responseBytes = out.position();
        if (responseBytes == 0) {
            throw new IllegalStateException(app + " session wrote no response");
        }
        return responseBytes;
    }

    /*
     * How to run (after `mvn -B -o -q -pl microbench package`):
     *   java --enable-native-access=ALL-UNNAMED -jar microbench/target/benchmarks.jar RequestParserBenchmark -prof gc
     * Expect split to cost more than whole (one call per piece, the byte-wise path for split rpc headers) and
     * gc.alloc.rate.norm ~0 B/op for both apps and both inputs.
     */
}
