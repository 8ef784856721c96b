package io.reactorbench.baseline.nio;

import static org.assertj.core.api.Assertions.assertThat;

import io.reactorbench.wire.client.RpcResponseDecoder;
import io.reactorbench.wire.rpc.RpcFrame;
import io.reactorbench.wire.spi.App;
import io.reactorbench.wire.spi.RunningServer;
import io.reactorbench.wire.spi.ServerConfig;
import io.reactorbench.wire.spi.ServerDesigns;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Small round trips through both thread-per-connection designs; the conformance module has the full suite. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class ThreadPerConnectionDesignTest {

    static Stream<String> designs() {
        return Stream.of("threads", "vthreads");
    }

    @ParameterizedTest
    @MethodSource("designs")
    void shouldEchoOneMebibyteAndCloseAfterPeerHalfCloses(String id) throws Exception {
        byte[] sent = new byte[1024 * 1024];
        new Random(42).nextBytes(sent);
        try (RunningServer server = start(id, App.ECHO); Socket socket = connect(server)) {
            byte[] received = sendThenReadToEnd(socket, sent);
            assertThat(received).isEqualTo(sent);
        }
    }

    @ParameterizedTest
    @MethodSource("designs")
    void shouldAnswerRpcRequestsInOrderAfterBlockingWork(String id) throws Exception {
        ByteBuffer requests = ByteBuffer.allocate(3 * RpcFrame.requestLength(10));
        for (long requestId = 1; requestId <= 3; requestId++) {
            RpcFrame.writeRequest(requests, requestId, 100, 1_000, 2_000, 10);
        }
        try (RunningServer server = start(id, App.RPC); Socket socket = connect(server)) {
            ByteBuffer responses = ByteBuffer.wrap(sendThenReadToEnd(socket, requests.array()));
            RpcResponseDecoder decoder = new RpcResponseDecoder(true);
            List<Long> ids = new ArrayList<>();
            while (decoder.decode(responses) == RpcResponseDecoder.Result.RESPONSE) {
                ids.add(decoder.id());
                assertThat(decoder.payloadSize()).isEqualTo(100);
            }
            assertThat(ids).containsExactly(1L, 2L, 3L);
        }
    }

    @ParameterizedTest
    @MethodSource("designs")
    void shouldCountOpenConnectionsAndCloseThemOnStop(String id) throws Exception {
        RunningServer server = start(id, App.ECHO);
        try (Socket first = connect(server); Socket second = connect(server)) {
            roundTrip(first);
            roundTrip(second);
            assertThat(server.openConnections()).isEqualTo(2);
            server.stop(java.time.Duration.ofSeconds(5));
            assertThat(first.getInputStream().read()).isEqualTo(-1);
            assertThat(server.openConnections()).isZero();
        } finally {
            server.stop(java.time.Duration.ofSeconds(1));
        }
    }

    private static RunningServer start(String id, App app) throws IOException {
        return ServerDesigns.require(id).start(ServerConfig.of(app));
    }

    private static Socket connect(RunningServer server) throws IOException {
        return new Socket(server.address().getAddress(), server.address().getPort());
    }

    private static void roundTrip(Socket socket) throws IOException {
        socket.getOutputStream().write('x');
        assertThat(socket.getInputStream().read()).isEqualTo('x');
    }

    /** Writes on another thread (the server answers while we still send), half-closes, reads until the server closes. */
    private static byte[] sendThenReadToEnd(Socket socket, byte[] bytes) throws Exception {
        CompletableFuture<Void> sending = CompletableFuture.runAsync(() -> {
            try {
                socket.getOutputStream().write(bytes);
                socket.shutdownOutput();
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        InputStream in = socket.getInputStream();
        byte[] received = in.readAllBytes();
        sending.get();
        return received;
    }
}
