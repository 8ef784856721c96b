package io.reactorbench.wire.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.reactorbench.wire.client.HttpRequests;
import io.reactorbench.wire.client.HttpResponseParser;
import io.reactorbench.wire.client.RpcResponseDecoder;
import io.reactorbench.wire.rpc.RpcFrame;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

/**
 * Server sessions and client decoders allocate nothing per request once warm: measured with the JVM's
 * per-thread allocation counter over 100,000 requests (a behaviour check: bytes, not time).
 */
class SteadyStateAllocationTest {

    private static final int REQUESTS = 100_000;
    private static final int PIPELINE_DEPTH = 16;
    /** Slack for the counter itself and the Date value formatted once per second. */
    private static final long ALLOWED_BYTES = 4 * 1024;
    private static final int WARM_UP_PASSES = 3;
    /** Requests served by warm-up and the measured pass together. */
    private static final long SERVED = (WARM_UP_PASSES + 1L) * (REQUESTS / PIPELINE_DEPTH) * PIPELINE_DEPTH;

    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    /** One round: the server answers a pipelined batch, the client decodes every response. */
    private interface Round {
        void run();
    }

    private static long allocatedBytesOver(Round round, int rounds) {
        long before = THREADS.getCurrentThreadAllocatedBytes();
        for (int i = 0; i < rounds; i++) {
            round.run();
        }
        return THREADS.getCurrentThreadAllocatedBytes() - before;
    }

    private static void assertAllocationFree(Round round) {
        int rounds = REQUESTS / PIPELINE_DEPTH;
        for (int i = 0; i < WARM_UP_PASSES; i++) {
            allocatedBytesOver(round, rounds); // class loading, JIT and escape analysis
        }
        assertThat(allocatedBytesOver(round, rounds)).isLessThan(ALLOWED_BYTES);
    }

    /** Serves {@code in} completely, handing each filled {@code out} to {@code client}. */
    private static void serve(ServerSession session, ByteBuffer in, ByteBuffer out, java.util.function.Consumer<ByteBuffer> client) {
        in.rewind();
        while (true) {
            ServerSession.Outcome outcome = session.process(in, out);
            if (outcome == ServerSession.Outcome.BLOCK) {
                session.workDone();
                continue;
            }
            out.flip();
            client.accept(out);
            out.clear();
            if (outcome == ServerSession.Outcome.NEED_INPUT) {
                return;
            }
            if (outcome != ServerSession.Outcome.OUTPUT_FULL) {
                throw new AssertionError("unexpected " + outcome); // not AssertJ: it would allocate per call
            }
        }
    }

    @Test
    void shouldNotAllocatePerHttpRequest() {
        ByteBuffer in = ByteBuffer.allocateDirect(HttpRequests.GET_PLAINTEXT.length * PIPELINE_DEPTH);
        for (int i = 0; i < PIPELINE_DEPTH; i++) {
            in.put(HttpRequests.GET_PLAINTEXT);
        }
        in.flip();
        ByteBuffer out = ByteBuffer.allocateDirect(1024); // smaller than a batch: responses straddle writes
        HttpSession session = new HttpSession();
        HttpResponseParser parser = new HttpResponseParser();
        long[] ok = {0};
        java.util.function.Consumer<ByteBuffer> client = buffer -> {
            while (buffer.hasRemaining()) {
                if (parser.parse(buffer) == HttpResponseParser.Result.RESPONSE && parser.status() == 200) {
                    ok[0]++;
                }
            }
        };

        assertAllocationFree(() -> serve(session, in, out, client));
        assertThat(ok[0]).isEqualTo(SERVED);
    }

    @Test
    void shouldNotAllocatePerHttpRequestWhenHeadAnd501And404ArePipelined() {
        byte[] batch = ("HEAD /plaintext HTTP/1.1\r\nHost: localhost\r\n\r\n"
                + "POST /plaintext HTTP/1.1\r\nContent-Length: 5\r\n\r\nhello"
                + "GET /missing HTTP/1.1\r\n\r\n"
                + "GET /plaintext HTTP/1.1\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        ByteBuffer in = ByteBuffer.allocateDirect(batch.length * PIPELINE_DEPTH / 4);
        for (int i = 0; i < PIPELINE_DEPTH / 4; i++) {
            in.put(batch);
        }
        in.flip();
        ByteBuffer out = ByteBuffer.allocateDirect(1024);
        HttpSession session = new HttpSession();
        long[] bytes = {0};
        java.util.function.Consumer<ByteBuffer> client = buffer -> bytes[0] += buffer.remaining();

        assertAllocationFree(() -> serve(session, in, out, client));
        assertThat(bytes[0]).isPositive();
    }

    @Test
    void shouldNotAllocatePerRpcRequest() {
        ByteBuffer in = ByteBuffer.allocateDirect(RpcFrame.requestLength(32) * PIPELINE_DEPTH);
        for (int i = 0; i < PIPELINE_DEPTH; i++) {
            RpcFrame.writeRequest(in, i, 100, 0, i % 4 == 0 ? 1 : 0, 32);
        }
        ByteBuffer out = ByteBuffer.allocateDirect(1000);
        RpcSession session = new RpcSession();
        RpcResponseDecoder decoder = new RpcResponseDecoder(true);
        long[] responses = {0};
        java.util.function.Consumer<ByteBuffer> client = buffer -> {
            while (buffer.hasRemaining()) {
                if (decoder.decode(buffer) == RpcResponseDecoder.Result.RESPONSE) {
                    responses[0]++;
                }
            }
        };

        assertAllocationFree(() -> serve(session, in, out, client));
        assertThat(responses[0]).isEqualTo(SERVED);
    }

    @Test
    void shouldNotAllocatePerEchoRead() {
        ByteBuffer in = ByteBuffer.allocateDirect(4096);
        ByteBuffer out = ByteBuffer.allocateDirect(1000);
        EchoSession session = new EchoSession();
        long[] echoed = {0};
        java.util.function.Consumer<ByteBuffer> client = buffer -> echoed[0] += buffer.remaining();

        assertAllocationFree(() -> serve(session, in, out, client));
        assertThat(echoed[0]).isEqualTo(SERVED / PIPELINE_DEPTH * 4096);
    }
}
