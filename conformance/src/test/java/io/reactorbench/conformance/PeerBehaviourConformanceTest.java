package io.reactorbench.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import io.reactorbench.conformance.RpcReplies.Request;
import io.reactorbench.wire.client.EchoVerifier;
import io.reactorbench.wire.spi.App;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Peers that misbehave or just end: half-close, reset, stop reading; and many peers at once. */
@ExtendWith(ConformanceReport.class)
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class PeerBehaviourConformanceTest {

    private static final Servers SERVERS = new Servers();
    /** Bound on the server's memory growth while a peer sends requests and reads none of the answers. */
    private static final long SLOW_READER_MEMORY_BOUND_BYTES = 64L * 1024 * 1024;
    /** What the slow reader sends at most: four times the bound, so a server that queues every answer exceeds it. */
    private static final long SLOW_READER_SEND_BYTES = 4 * SLOW_READER_MEMORY_BOUND_BYTES;
    /** The slow reader's send counts as stalled (the server pushes back) after this long without progress. */
    private static final long STALL_MS = 500;
    /** Bound on the slow reader's send: past this the case goes on even if the server still reads. */
    private static final long SEND_BOUND_MS = 20_000;
    private static final int MANY_CONNECTIONS = 1000;

    static Stream<Target> targets() {
        return Target.all(App.ECHO, App.RPC, App.HTTP);
    }

    @AfterAll
    static void stopServers() {
        SERVERS.stopAll();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("targets")
    void shouldAnswerWhatItGotThenCloseWhenThePeerHalfCloses(Target target) throws Exception {
        try (Client client = new Client(SERVERS.addressOf(target))) {
            switch (target.app()) {
                case ECHO -> {
                    byte[] message = new byte[100_000];
                    ByteBuffer fill = ByteBuffer.wrap(message);
                    EchoVerifier.put(fill, 0, 0, message.length);
                    client.write(message);
                    client.shutdownOutput();
                    assertThat(client.readUntilClosed(200_000)).isEqualTo(message);
                }
                case RPC -> {
                    List<Request> requests = List.of(Request.of(1, 10), Request.of(2, 100_000), Request.of(3, 0));
                    client.write(RpcReplies.encode(requests));
                    client.shutdownOutput();
                    assertThat(RpcReplies.decode(client.readUntilClosed(200_000)))
                            .isEqualTo(RpcReplies.expected(requests));
                }
                case HTTP -> {
                    client.write(HttpReplies.GET_PLAINTEXT + HttpReplies.GET_PLAINTEXT);
                    client.shutdownOutput();
                    List<HttpReplies.Reply> replies = HttpReplies.parse(client.readUntilClosed(10_000));
                    assertThat(replies).extracting(HttpReplies.Reply::status).containsExactly(200, 200);
                }
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("targets")
    void shouldKeepServingOthersWhenPeersResetMidMessage(Target target) throws Exception {
        InetSocketAddress address = SERVERS.addressOf(target);
        try (Client bystander = new Client(address)) {
            for (int i = 0; i < 20; i++) {
                Client resetter = new Client(address);
                resetter.write(partialMessage(target.app(), i % 2 == 0));
                resetter.reset();
            }
            bystander.write(RoundTrip.request(target.app(), 5));
            RoundTrip.expectResponse(bystander, target.app(), 5);
        }
        RoundTrip.check(address, target.app());
    }

    /**
     * Bytes that leave a message unfinished; with {@code bigAnswerPending} the peer has also asked for a large
     * answer, so the server is writing when the reset arrives.
     */
    private static byte[] partialMessage(App app, boolean bigAnswerPending) {
        return switch (app) {
            case ECHO -> new byte[bigAnswerPending ? 1024 * 1024 : 10];
            case RPC -> {
                byte[] whole = RpcReplies.encode(List.of(Request.of(1, bigAnswerPending ? 1024 * 1024 : 0),
                        new Request(2, 10, 0, 0, 1000)));
                yield java.util.Arrays.copyOf(whole, whole.length - 500);
            }
            case HTTP -> (HttpReplies.GET_PLAINTEXT.repeat(bigAnswerPending ? 500 : 1) + "GET /plain")
                    .getBytes(StandardCharsets.US_ASCII);
        };
    }

    /**
     * A peer that sends requests and never reads the answers must not grow the server's memory without bound: the
     * server stops reading it once its answers back up (and serves everyone else meanwhile). The slow reader sends
     * until its writes stall or it has sent {@link #SLOW_READER_SEND_BYTES}; the server's memory, measured before
     * and then ({@link ServerMemory}), may grow by less than {@link #SLOW_READER_MEMORY_BOUND_BYTES}.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("targets")
    void shouldServeOthersWithBoundedMemoryWhileAPeerSendsAndNeverReads(Target target) throws Exception {
        InetSocketAddress address = SERVERS.addressOf(target);
        RoundTrip.check(address, target.app()); // first-use allocations (pools, caches) are not the slow reader's
        long footprintBeforeBytes = ServerMemory.footprintBytes();
        Client slowReader = new Client(address);
        AtomicLong sentBytes = new AtomicLong();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            Future<?> sender = pool.submit(() -> {
                byte[] chunk = unreadChunk(target.app());
                while (sentBytes.get() < SLOW_READER_SEND_BYTES) {
                    slowReader.write(chunk); // expected to block once the server pushes back
                    sentBytes.addAndGet(chunk.length);
                }
                return null;
            });
            try {
                waitUntilStalledOrDone(sender, sentBytes);
                long growthBytes = ServerMemory.footprintBytes() - footprintBeforeBytes;
                System.out.println("slow reader on " + target + ": sent " + sentBytes.get() / 1024 + " KiB before "
                        + (sender.isDone() ? "finishing" : "the server pushed back") + "; server memory grew "
                        + growthBytes / 1024 + " KiB");
                assertThat(growthBytes).as("bytes the server's memory grew while a peer sent %d KiB and read"
                        + " nothing", sentBytes.get() / 1024).isLessThan(SLOW_READER_MEMORY_BOUND_BYTES);

                RoundTrip.check(address, target.app());
                try (Client other = new Client(address)) {
                    other.write(RoundTrip.request(target.app(), 9));
                    RoundTrip.expectResponse(other, target.app(), 9);
                }
            } finally {
                slowReader.reset(); // ends a blocked write (with an error, as it should) before the pool waits for it
            }
        }
        RoundTrip.check(address, target.app());
    }

    /** What the slow reader sends, 64 KiB at a time: requests whose answers it will never read. */
    private static byte[] unreadChunk(App app) {
        return switch (app) {
            case ECHO -> new byte[64 * 1024];
            case RPC -> {
                List<Request> requests = new ArrayList<>();
                for (int i = 0; i < 64 * 1024 / io.reactorbench.wire.rpc.RpcFrame.REQUEST_HEADER; i++) {
                    requests.add(Request.of(i, 4096));
                }
                yield RpcReplies.encode(requests);
            }
            case HTTP -> HttpReplies.GET_PLAINTEXT.repeat(64 * 1024 / HttpReplies.GET_PLAINTEXT.length())
                    .getBytes(StandardCharsets.US_ASCII);
        };
    }

    private static void waitUntilStalledOrDone(Future<?> sender, AtomicLong sentBytes) throws InterruptedException {
        long startMs = System.currentTimeMillis();
        long lastProgressMs = startMs;
        long lastSent = -1;
        while (!sender.isDone() && System.currentTimeMillis() - startMs < SEND_BOUND_MS) {
            Thread.sleep(50);
            long sent = sentBytes.get();
            long nowMs = System.currentTimeMillis();
            if (sent != lastSent) {
                lastSent = sent;
                lastProgressMs = nowMs;
            } else if (nowMs - lastProgressMs >= STALL_MS) {
                return;
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("targets")
    void shouldServe1000ConcurrentConnections(Target target) throws Exception {
        InetSocketAddress address = SERVERS.addressOf(target);
        List<Client> clients = new ArrayList<>(MANY_CONNECTIONS);
        try {
            for (int i = 0; i < MANY_CONNECTIONS; i++) {
                clients.add(new Client(address));
            }
            for (int i = 0; i < MANY_CONNECTIONS; i++) {
                clients.get(i).write(RoundTrip.request(target.app(), i));
            }
            for (int i = 0; i < MANY_CONNECTIONS; i++) {
                try {
                    RoundTrip.expectResponse(clients.get(i), target.app(), i);
                } catch (IOException | AssertionError e) {
                    throw new AssertionError("connection " + i + " of " + MANY_CONNECTIONS + ": " + e.getMessage(), e);
                }
            }
        } finally {
            clients.forEach(Client::close);
        }
    }
}
