package io.reactorbench.engine.apps;

import static org.assertj.core.api.Assertions.assertThat;

import io.reactorbench.wire.http.HttpRequests;
import io.reactorbench.wire.spi.App;
import io.reactorbench.wire.spi.RunningServer;
import io.reactorbench.wire.spi.ServerConfig;
import io.reactorbench.wire.spi.ServerDesign;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Steady state allocates nothing per request on the loop threads: after a warm-up, the bytes the engine's
 * threads allocated over many requests (from {@code com.sun.management.ThreadMXBean}) stay below a small
 * bound per request. Counts bytes, not time.
 */
@Timeout(120)
class ZeroAllocationTest {

    private static final int WARMUP_REQUESTS = 50_000;
    private static final int MEASURED_REQUESTS = 20_000;
    /** Well under one object per request: what is left is one-off (JIT, a Date header refresh per second). */
    private static final double MAX_BYTES_PER_REQUEST = 1.0;

    record Case(String name, ServerDesign design, App app, Map<String, String> options) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of(new Case("echo nio", new EngineNioDesign(), App.ECHO, Map.of())),
                Arguments.of(new Case("echo epoll", new EngineEpollDesign(), App.ECHO, Map.of())),
                Arguments.of(new Case("echo epoll edge-triggered", new EngineEpollDesign(), App.ECHO,
                        Map.of("edge-triggered", "true"))),
                Arguments.of(new Case("http nio", new EngineNioDesign(), App.HTTP, Map.of())),
                Arguments.of(new Case("http epoll", new EngineEpollDesign(), App.HTTP, Map.of())));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void shouldAllocateNothingPerRequestOnTheLoopThreads(Case testCase) throws Exception {
        try (RunningServer server = testCase.design().start(
                new ServerConfig("127.0.0.1", 0, 1, testCase.app(), testCase.options()));
                SocketChannel client = SocketChannel.open(server.address())) {
            Exchange exchange = testCase.app() == App.ECHO ? new EchoExchange() : new HttpExchange();
            exchange.run(client, WARMUP_REQUESTS);
            long[] loopThreads = engineThreadIds();
            long before = allocatedBytes(loopThreads);
            exchange.run(client, MEASURED_REQUESTS);
            long allocated = allocatedBytes(loopThreads) - before;
            double perRequest = (double) allocated / MEASURED_REQUESTS;
            System.out.printf("%s: %d bytes allocated by engine threads over %d requests = %.3f bytes/request%n",
                    testCase, allocated, MEASURED_REQUESTS, perRequest);
            assertThat(perRequest).isLessThan(MAX_BYTES_PER_REQUEST);
        }
    }

    private static long[] engineThreadIds() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().startsWith("engine-"))
                .mapToLong(Thread::threadId)
                .toArray();
    }

    private static long allocatedBytes(long[] threadIds) {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long total = 0;
        for (long bytes : threads.getThreadAllocatedBytes(threadIds)) {
            total += Math.max(0, bytes);
        }
        return total;
    }

    /** A client conversation of some number of requests. */
    interface Exchange {
        void run(SocketChannel client, int requests) throws IOException;
    }

    /** 64-byte ping-pong. */
    static final class EchoExchange implements Exchange {
        private final ByteBuffer out = ByteBuffer.allocateDirect(64);
        private final ByteBuffer in = ByteBuffer.allocateDirect(64);

        @Override
        public void run(SocketChannel client, int requests) throws IOException {
            for (int i = 0; i < requests; i++) {
                out.clear();
                while (out.hasRemaining()) {
                    client.write(out);
                }
                in.clear();
                while (in.hasRemaining()) {
                    if (client.read(in) < 0) {
                        throw new IOException("server closed");
                    }
                }
            }
        }
    }

    /** Pipelines of 16 plaintext requests; counts responses by their fixed length. */
    static final class HttpExchange implements Exchange {
        private static final int DEPTH = 16;
        private final ByteBuffer out = ByteBuffer.allocateDirect(HttpRequests.GET_PLAINTEXT.length * DEPTH);
        private final ByteBuffer in = ByteBuffer.allocateDirect(64 * 1024);
        private int responseBytes;

        HttpExchange() {
            for (int i = 0; i < DEPTH; i++) {
                out.put(HttpRequests.GET_PLAINTEXT);
            }
        }

        @Override
        public void run(SocketChannel client, int requests) throws IOException {
            if (responseBytes == 0) {
                responseBytes = measureResponseBytes(client);
                requests--;
            }
            for (int done = 0; done < requests; done += DEPTH) {
                out.clear();
                while (out.hasRemaining()) {
                    client.write(out);
                }
                long expected = (long) responseBytes * DEPTH;
                long received = 0;
                while (received < expected) {
                    in.clear();
                    int n = client.read(in);
                    if (n < 0) {
                        throw new IOException("server closed");
                    }
                    received += n;
                }
            }
        }

        private int measureResponseBytes(SocketChannel client) throws IOException {
            client.write(ByteBuffer.wrap(HttpRequests.GET_PLAINTEXT));
            ByteBuffer first = ByteBuffer.allocate(4096);
            String text;
            do {
                client.read(first);
                text = new String(first.array(), 0, first.position(), java.nio.charset.StandardCharsets.US_ASCII);
            } while (!text.endsWith("Hello, World!"));
            return first.position();
        }
    }
}
