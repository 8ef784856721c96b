package io.reactorbench.engine.apps;

import static org.assertj.core.api.Assertions.assertThat;

import io.reactorbench.wire.client.HttpRequests;
import io.reactorbench.wire.spi.App;
import io.reactorbench.wire.spi.RunningServer;
import io.reactorbench.wire.spi.ServerConfig;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Half-close, resets, slow readers and many connections, on every poller. */
@Timeout(30)
class EngineEdgeCaseTest {

    static Stream<Arguments> variants() {
        return EngineRoundTripTest.variants();
    }

    private static RunningServer start(EngineRoundTripTest.Variant variant, App app) throws IOException {
        return variant.design().start(new ServerConfig("127.0.0.1", 0, 2, app, variant.options()));
    }

    private static byte[] readToEnd(SocketChannel client) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        ByteBuffer in = ByteBuffer.allocate(64 * 1024);
        while (client.read(in) >= 0) {
            in.flip();
            all.write(in.array(), 0, in.limit());
            in.clear();
        }
        in.flip();
        all.write(in.array(), 0, in.limit());
        return all.toByteArray();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("variants")
    void shouldEchoWhatWasSentThenCloseWhenPeerHalfCloses(EngineRoundTripTest.Variant variant) throws Exception {
        try (RunningServer server = start(variant, App.ECHO); SocketChannel client = SocketChannel.open(server.address())) {
            client.write(ByteBuffer.wrap("hello, half-close".getBytes(StandardCharsets.US_ASCII)));
            client.shutdownOutput();
            assertThat(new String(readToEnd(client), StandardCharsets.US_ASCII)).isEqualTo("hello, half-close");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("variants")
    void shouldAnswerPipelinedHttpThenCloseWhenPeerHalfCloses(EngineRoundTripTest.Variant variant) throws Exception {
        try (RunningServer server = start(variant, App.HTTP); SocketChannel client = SocketChannel.open(server.address())) {
            for (int i = 0; i < 3; i++) {
                client.write(ByteBuffer.wrap(HttpRequests.GET_PLAINTEXT));
            }
            client.shutdownOutput();
            String all = new String(readToEnd(client), StandardCharsets.US_ASCII);
            assertThat(all.split("HTTP/1.1 200", -1)).hasSize(4);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("variants")
    void shouldAnswer400AndCloseOnAMalformedRequest(EngineRoundTripTest.Variant variant) throws Exception {
        try (RunningServer server = start(variant, App.HTTP); SocketChannel client = SocketChannel.open(server.address())) {
            client.write(ByteBuffer.wrap("BLAH\r\n\r\n".getBytes(StandardCharsets.US_ASCII)));
            assertThat(new String(readToEnd(client), StandardCharsets.US_ASCII)).startsWith("HTTP/1.1 400");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("variants")
    void shouldSurviveAResetMidMessageAndServeOthers(EngineRoundTripTest.Variant variant) throws Exception {
        try (RunningServer server = start(variant, App.HTTP)) {
            for (int i = 0; i < 20; i++) {
                SocketChannel rude = SocketChannel.open(server.address());
                rude.setOption(StandardSocketOptions.SO_LINGER, 0);
                rude.write(ByteBuffer.wrap("GET /plaintext HTTP/1.1\r\nHost: x".getBytes(StandardCharsets.US_ASCII)));
                rude.close(); // RST
            }
            try (SocketChannel client = SocketChannel.open(server.address())) {
                client.write(ByteBuffer.wrap(HttpRequests.GET_PLAINTEXT));
                assertThat(EngineRoundTripTest.readHttpResponses(client, 1)).isEqualTo(1);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("variants")
    void shouldStayUpAndBoundedWhenAClientSendsButNeverReads(EngineRoundTripTest.Variant variant) throws Exception {
        try (RunningServer server = start(variant, App.ECHO);
                SocketChannel hog = SocketChannel.open(server.address())) {
            hog.configureBlocking(false);
            ByteBuffer chunk = ByteBuffer.allocateDirect(256 * 1024);
            long sent = 0;
            long deadline = System.nanoTime() + 10_000_000_000L;
            int stalls = 0;
            while (sent < 64L * 1024 * 1024 && System.nanoTime() < deadline && stalls < 200) {
                chunk.clear();
                int n = hog.write(chunk);
                if (n == 0) {
                    stalls++;
                    Thread.sleep(5); // the server stopped reading us: that is the point
                } else {
                    stalls = 0;
                    sent += n;
                }
            }
            assertThat(sent).as("the server must stop reading a client that never reads").isLessThan(64L * 1024 * 1024);
            try (SocketChannel other = SocketChannel.open(server.address())) {
                other.write(ByteBuffer.wrap(new byte[] {1, 2, 3}));
                ByteBuffer back = ByteBuffer.allocate(3);
                while (back.hasRemaining()) {
                    assertThat(other.read(back)).isGreaterThanOrEqualTo(0);
                }
                assertThat(back.array()).containsExactly(1, 2, 3);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("variants")
    void shouldServeAThousandConcurrentConnections(EngineRoundTripTest.Variant variant) throws Exception {
        try (RunningServer server = start(variant, App.ECHO)) {
            List<SocketChannel> clients = new ArrayList<>();
            try {
                for (int i = 0; i < 1000; i++) {
                    clients.add(SocketChannel.open(server.address()));
                }
                for (int i = 0; i < clients.size(); i++) {
                    clients.get(i).write(ByteBuffer.allocate(4).putInt(0, i));
                }
                for (int i = 0; i < clients.size(); i++) {
                    ByteBuffer back = ByteBuffer.allocate(4);
                    while (back.hasRemaining()) {
                        assertThat(clients.get(i).read(back)).isGreaterThanOrEqualTo(0);
                    }
                    assertThat(back.getInt(0)).isEqualTo(i);
                }
                assertThat(server.openConnections()).isEqualTo(1000);
            } finally {
                for (SocketChannel client : clients) {
                    client.close();
                }
            }
        }
    }
}
