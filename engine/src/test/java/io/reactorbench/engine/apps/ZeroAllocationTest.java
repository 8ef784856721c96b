package io.reactorbench.engine.apps;

import static org.assertj.core.api.Assertions.assertThat;

import io.reactorbench.wire.client.HttpRequests;
import io.reactorbench.wire.spi.App;
import io.reactorbench.wire.spi.RunningServer;
import io.reactorbench.wire.spi.ServerConfig;
import io.reactorbench.wire.spi.ServerDesign;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.List;
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
 *
 * <p>The many-connection cases matter for the nio poller: the JDK's epoll Selector looks each ready fd up in a
 * {@code HashMap<Integer, SelectionKeyImpl>}, boxing the fd, so every event on an fd above the Integer cache
 * (127 by default) allocates 16 bytes inside {@code Selector.select}. With one connection the fds stay small
 * and hide it; the module's test JVM raises the cache ({@code -XX:AutoBoxCacheMax}, see the pom) as a server
 * JVM must.
 */
@Timeout(120)
class ZeroAllocationTest {

    private static final int WARMUP_REQUESTS = 50_000;
    private static final int MEASURED_REQUESTS = 20_000;
    /**
     * Far under one object per request: what is left is one-off (JIT, a Date header refresh per second). Tight
     * enough to catch one 16-byte box per event of a 16-deep pipeline (about 0.8 bytes/request at 256 connections).
     */
    private static final double MAX_BYTES_PER_REQUEST = 0.25;

    record Case(String name, ServerDesign design, App app, int connections, Map<String, String> options) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of(new Case("echo nio", new EngineNioDesign(), App.ECHO, 1, Map.of())),
                Arguments.of(new Case("echo nio 1,000 connections", new EngineNioDesign(), App.ECHO, 1_000, Map.of())),
                Arguments.of(new Case("echo epoll", new EngineEpollDesign(), App.ECHO, 1, Map.of())),
                Arguments.of(new Case("echo epoll 1,000 connections", new EngineEpollDesign(), App.ECHO, 1_000, Map.of())),
                Arguments.of(new Case("echo epoll edge-triggered", new EngineEpollDesign(), App.ECHO, 1,
                        Map.of("edge-triggered", "true"))),
                Arguments.of(new Case("http nio", new EngineNioDesign(), App.HTTP, 1, Map.of())),
                Arguments.of(new Case("http nio 256 connections", new EngineNioDesign(), App.HTTP, 256, Map.of())),
                Arguments.of(new Case("http epoll", new EngineEpollDesign(), App.HTTP, 1, Map.of())),
                Arguments.of(new Case("echo uring", new EngineUringDesign(), App.ECHO, 1, Map.of())),
                Arguments.of(new Case("echo uring 1,000 connections", new EngineUringDesign(), App.ECHO, 1_000, Map.of())),
                Arguments.of(new Case("http uring", new EngineUringDesign(), App.HTTP, 1, Map.of())),
                Arguments.of(new Case("http uring 256 connections", new EngineUringDesign(), App.HTTP, 256, Map.of())),
                // the map ablation's per-event lookup boxes its key from the Integer cache: its cost is memory, not garbage
                Arguments.of(new Case("echo epoll map table 1,000 connections", new EngineEpollDesign(), App.ECHO, 1_000,
                        Map.of("table", "map"))));
    }

    /** UDP echo: each datagram is one onTraffic with Conn bound to it; {@code connections} is the number of senders. */
    static Stream<Arguments> datagramCases() {
        return Stream.of(
                Arguments.of(new Case("udp echo epoll", new EngineEpollDesign(), App.ECHO, 1, Map.of())),
                Arguments.of(new Case("udp echo uring", new EngineUringDesign(), App.ECHO, 1, Map.of())),
                Arguments.of(new Case("udp echo uring 64 senders", new EngineUringDesign(), App.ECHO, 64, Map.of())));
    }

    /** The read-copy ablation, where the test must see the garbage the default path does not make. */
    static Stream<Arguments> copyingCases() {
        return Stream.of(
                Arguments.of(new Case("echo epoll read copy", new EngineEpollDesign(), App.ECHO, 1,
                        Map.of("read", "copy"))),
                Arguments.of(new Case("echo nio read copy", new EngineNioDesign(), App.ECHO, 1,
                        Map.of("read", "copy"))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void shouldAllocateNothingPerRequestOnTheLoopThreads(Case testCase) throws Exception {
        if (testCase.connections() > 127) {
            assertThat(Integer.valueOf(20_000)).as("the test JVM must run with -XX:AutoBoxCacheMax=20000 (see the"
                    + " engine pom): the JDK Selector boxes every ready fd").isSameAs(Integer.valueOf(20_000));
        }
        assertThat(allocatedBytesPerRequest(testCase)).isLessThan(MAX_BYTES_PER_REQUEST);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("datagramCases")
    void shouldAllocateNothingPerDatagramOnTheLoopThreads(Case testCase) throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(testCase.design().availability().available(),
                () -> testCase + " unavailable here: " + testCase.design().availability().cause());
        List<DatagramChannel> senders = new ArrayList<>();
        try (RunningServer server = testCase.design().start(
                new ServerConfig("127.0.0.1", 0, 1, testCase.app(), testCase.options()).withUdp())) {
            for (int i = 0; i < testCase.connections(); i++) {
                senders.add(DatagramChannel.open().connect(server.address()));
            }
            DatagramExchange exchange = new DatagramExchange();
            assertThat(bytesPerRequest(testCase, requests -> exchange.run(senders, requests)))
                    .isLessThan(MAX_BYTES_PER_REQUEST);
        } finally {
            for (DatagramChannel sender : senders) {
                sender.close();
            }
        }
    }

    /** At least the 64 copied bytes per 64-byte request (the array alone is 80 B with its header). */
    @ParameterizedTest(name = "{0}")
    @MethodSource("copyingCases")
    void shouldAllocateAtLeastTheCopiedBytesPerRequestWhenReadsAreCopied(Case testCase) throws Exception {
        assertThat(allocatedBytesPerRequest(testCase)).isGreaterThanOrEqualTo(64);
    }

    private static double allocatedBytesPerRequest(Case testCase) throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(testCase.design().availability().available(),
                () -> testCase + " unavailable here: " + testCase.design().availability().cause());
        List<SocketChannel> clients = new ArrayList<>();
        try (RunningServer server = testCase.design().start(
                new ServerConfig("127.0.0.1", 0, 1, testCase.app(), testCase.options()))) {
            for (int i = 0; i < testCase.connections(); i++) {
                clients.add(SocketChannel.open(server.address()));
            }
            Exchange exchange = testCase.app() == App.ECHO ? new EchoExchange() : new HttpExchange();
            return bytesPerRequest(testCase, requests -> exchange.run(clients, requests));
        } finally {
            for (SocketChannel client : clients) {
                client.close();
            }
        }
    }

    /** Whole rounds of a conversation until at least {@code requests} were answered; returns how many were. */
    interface Rounds {
        int run(int requests) throws IOException;
    }

    /** Warms up, then measures what the engine's threads allocated per request over the measured rounds. */
    private static double bytesPerRequest(Case testCase, Rounds rounds) throws IOException {
        rounds.run(WARMUP_REQUESTS);
        long[] loopThreads = engineThreadIds();
        long before = allocatedBytes(loopThreads);
        int measured = rounds.run(MEASURED_REQUESTS);
        long allocated = allocatedBytes(loopThreads) - before;
        double perRequest = (double) allocated / measured;
        System.out.printf("%s: %d bytes allocated by engine threads over %d requests = %.3f bytes/request%n",
                testCase, allocated, measured, perRequest);
        return perRequest;
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

    /**
     * A closed-loop client conversation: rounds in which every connection sends its requests, then every
     * connection reads its answers, so the server sees many connections ready at once.
     */
    interface Exchange {
        /** Runs whole rounds until at least {@code requests} were answered; returns how many were. */
        int run(List<SocketChannel> clients, int requests) throws IOException;
    }

    /** 64-byte ping-pong. */
    static final class EchoExchange implements Exchange {
        private final ByteBuffer out = ByteBuffer.allocateDirect(64);
        private final ByteBuffer in = ByteBuffer.allocateDirect(64);

        @Override
        public int run(List<SocketChannel> clients, int requests) throws IOException {
            int done = 0;
            while (done < requests) {
                for (SocketChannel client : clients) {
                    out.clear();
                    while (out.hasRemaining()) {
                        client.write(out);
                    }
                }
                for (SocketChannel client : clients) {
                    in.clear();
                    while (in.hasRemaining()) {
                        if (client.read(in) < 0) {
                            throw new IOException("server closed");
                        }
                    }
                }
                done += clients.size();
            }
            return done;
        }
    }

    /** 64-byte datagram ping-pong: every sender sends one, then every sender reads its answer (loopback drops none). */
    static final class DatagramExchange {
        private final ByteBuffer out = ByteBuffer.allocateDirect(64);
        private final ByteBuffer in = ByteBuffer.allocateDirect(64);

        int run(List<DatagramChannel> senders, int requests) throws IOException {
            int done = 0;
            while (done < requests) {
                for (DatagramChannel sender : senders) {
                    out.clear();
                    sender.write(out);
                }
                for (DatagramChannel sender : senders) {
                    in.clear();
                    if (sender.read(in) != 64) {
                        throw new IOException("answer of " + in.position() + " bytes, not 64");
                    }
                }
                done += senders.size();
            }
            return done;
        }
    }

    /** Pipelines of 16 plaintext requests per connection; counts responses by their fixed length. */
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
        public int run(List<SocketChannel> clients, int requests) throws IOException {
            int done = 0;
            if (responseBytes == 0) {
                responseBytes = measureResponseBytes(clients.getFirst());
                done++;
            }
            while (done < requests) {
                for (SocketChannel client : clients) {
                    out.clear();
                    while (out.hasRemaining()) {
                        client.write(out);
                    }
                }
                long expected = (long) responseBytes * DEPTH;
                for (SocketChannel client : clients) {
                    long received = 0;
                    while (received < expected) {
                        in.clear();
                        in.limit((int) Math.min(in.capacity(), expected - received)); // never into the next round's
                        int n = client.read(in);
                        if (n < 0) {
                            throw new IOException("server closed");
                        }
                        received += n;
                    }
                }
                done += clients.size() * DEPTH;
            }
            return done;
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
