package io.reactorbench.baseline.netty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.reactorbench.wire.client.RpcResponseDecoder;
import io.reactorbench.wire.rpc.RpcFrame;
import io.reactorbench.wire.spi.App;
import io.reactorbench.wire.spi.Availability;
import io.reactorbench.wire.spi.RunningServer;
import io.reactorbench.wire.spi.ServerConfig;
import io.reactorbench.wire.spi.ServerDesign;
import io.reactorbench.wire.spi.ServerDesigns;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Small round trips through the three Netty designs; the conformance module has the full suite. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class NettyDesignTest {

    /**
     * Bytes the slow peer has written before the other peer asks: more than loopback socket buffers take from a
     * peer the server does not read (so the server is reading it), well past the server's 64 KiB water mark.
     */
    private static final long FLOOD_UNDER_WAY_BYTES = 1024 * 1024;

    static Stream<String> designs() {
        return Stream.of("netty-nio", "netty-epoll", "netty-iouring");
    }

    @ParameterizedTest
    @MethodSource("designs")
    void shouldEchoOneMebibyteAndCloseAfterPeerHalfCloses(String id) throws Exception {
        byte[] sent = randomBytes(1024 * 1024);
        try (RunningServer server = start(id, App.ECHO); Socket socket = connect(server)) {
            assertThat(sendThenReadToEnd(socket, sent)).isEqualTo(sent);
        }
    }

    @ParameterizedTest
    @MethodSource("designs")
    void shouldAnswerRpcRequestsInOrderAroundBlockingWorkAndLargeResponses(String id) throws Exception {
        // Request 2 blocks off the loop; request 3 asks for 4 MiB, far above the high water mark.
        int[] responseSizes = {100, 100, 4 * 1024 * 1024, 7};
        int[] blockMicros = {0, 5_000, 0, 1_000};
        ByteBuffer requests = ByteBuffer.allocate(responseSizes.length * RpcFrame.requestLength(10));
        for (int i = 0; i < responseSizes.length; i++) {
            RpcFrame.writeRequest(requests, i + 1, responseSizes[i], 1_000, blockMicros[i], 10);
        }
        try (RunningServer server = start(id, App.RPC); Socket socket = connect(server)) {
            ByteBuffer responses = ByteBuffer.wrap(sendThenReadToEnd(socket, requests.array()));
            RpcResponseDecoder decoder = new RpcResponseDecoder(true);
            List<Long> ids = new ArrayList<>();
            List<Integer> sizes = new ArrayList<>();
            while (decoder.decode(responses) == RpcResponseDecoder.Result.RESPONSE) {
                ids.add(decoder.id());
                sizes.add(decoder.payloadSize());
            }
            assertThat(ids).containsExactly(1L, 2L, 3L, 4L);
            assertThat(sizes).containsExactly(100, 100, 4 * 1024 * 1024, 7);
        }
    }

    @ParameterizedTest
    @MethodSource("designs")
    void shouldServeOthersWhileAPeerSendsWithoutReadingThenEchoEverything(String id) throws Exception {
        byte[] sent = randomBytes(16 * 1024 * 1024);
        try (RunningServer server = start(id, App.ECHO); Socket slow = connect(server); Socket other = connect(server)) {
            AtomicLong sentBytes = new AtomicLong();
            CompletableFuture<Void> sending = CompletableFuture.runAsync(() -> writeCounting(slow, sent, sentBytes));
            // The other peer asks in the middle of the flood, not before it starts (what a fixed sleep hoped for).
            awaitAtLeast(sentBytes, FLOOD_UNDER_WAY_BYTES, sending);
            other.getOutputStream().write('x');
            assertThat(other.getInputStream().read()).isEqualTo('x');
            assertThat(slow.getInputStream().readNBytes(sent.length)).isEqualTo(sent);
            sending.get();
        }
    }

    @ParameterizedTest
    @MethodSource("designs")
    void shouldCountOpenConnectionsAndCloseThemOnStop(String id) throws Exception {
        RunningServer server = start(id, App.HTTP);
        try (Socket first = connect(server); Socket second = connect(server)) {
            byte[] request = "GET /plaintext HTTP/1.1\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
            first.getOutputStream().write(request);
            second.getOutputStream().write(request);
            first.getInputStream().readNBytes(10);
            second.getInputStream().readNBytes(10);
            assertThat(server.openConnections()).isEqualTo(2);
            server.stop(Duration.ofSeconds(5));
            first.getInputStream().skip(Long.MAX_VALUE);
            assertThat(first.getInputStream().read()).isEqualTo(-1);
        } finally {
            server.stop(Duration.ofSeconds(1));
        }
    }

    private static RunningServer start(String id, App app) throws IOException {
        ServerDesign design = ServerDesigns.require(id);
        Availability availability = design.availability();
        if (!availability.available()) {
            System.out.println(id + " skipped: unavailable: " + availability.cause());
        }
        assumeTrue(availability.available(), () -> id + " unavailable: " + availability.cause());
        return design.start(ServerConfig.of(app).withLoops(2));
    }

    private static Socket connect(RunningServer server) throws IOException {
        return new Socket(server.address().getAddress(), server.address().getPort());
    }

    private static byte[] randomBytes(int length) {
        byte[] bytes = new byte[length];
        new Random(42).nextBytes(bytes);
        return bytes;
    }

    /** Writes {@code bytes} in 64 KiB pieces, adding each piece to {@code sentBytes} once it is written. */
    private static void writeCounting(Socket socket, byte[] bytes, AtomicLong sentBytes) {
        try {
            for (int offset = 0; offset < bytes.length; offset += 64 * 1024) {
                int n = Math.min(64 * 1024, bytes.length - offset);
                socket.getOutputStream().write(bytes, offset, n);
                sentBytes.addAndGet(n);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits until {@code sentBytes} reaches {@code bytes}; fails if the writer fails or 10 s pass first. */
    private static void awaitAtLeast(AtomicLong sentBytes, long bytes, CompletableFuture<Void> writer)
            throws InterruptedException {
        long deadlineNs = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (sentBytes.get() < bytes && !writer.isCompletedExceptionally()) {
            if (System.nanoTime() - deadlineNs > 0) {
                throw new AssertionError("the slow peer sent only " + sentBytes.get() + " of " + bytes
                        + " bytes within 10 s: the server does not read it");
            }
            Thread.sleep(5); // polling a condition, not timing anything
        }
        assertThat(writer).as("the slow peer's writes").isNotCompletedExceptionally();
    }

    private static void write(Socket socket, byte[] bytes) {
        try {
            socket.getOutputStream().write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes on another thread (the server answers while we still send), half-closes, reads until the server closes. */
    private static byte[] sendThenReadToEnd(Socket socket, byte[] bytes) throws Exception {
        CompletableFuture<Void> sending = CompletableFuture.runAsync(() -> {
            write(socket, bytes);
            try {
                socket.shutdownOutput();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        InputStream in = socket.getInputStream();
        byte[] received = in.readAllBytes();
        sending.get();
        return received;
    }
}
