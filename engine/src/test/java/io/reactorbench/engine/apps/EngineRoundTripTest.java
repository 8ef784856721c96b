package io.reactorbench.engine.apps;

import static org.assertj.core.api.Assertions.assertThat;

import io.reactorbench.wire.client.HttpRequests;
import io.reactorbench.wire.client.HttpResponseParser;
import io.reactorbench.wire.client.RpcResponseDecoder;
import io.reactorbench.wire.rpc.RpcFrame;
import io.reactorbench.wire.spi.App;
import io.reactorbench.wire.spi.RunningServer;
import io.reactorbench.wire.spi.ServerConfig;
import io.reactorbench.wire.spi.ServerDesign;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.util.Arrays;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Small echo/rpc/http round trips through real loopback sockets, for every poller and trigger mode. */
@Timeout(30)
class EngineRoundTripTest {

    record Variant(String name, ServerDesign design, Map<String, String> options) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Arguments> variants() {
        return Stream.of(
                Arguments.of(new Variant("nio", new EngineNioDesign(), Map.of())),
                Arguments.of(new Variant("epoll", new EngineEpollDesign(), Map.of())),
                Arguments.of(new Variant("uring", new EngineUringDesign(), Map.of())),
                Arguments.of(new Variant("uring-reuseport", new EngineUringDesign(), Map.of("reuse-port", "true"))),
                Arguments.of(new Variant("uring-sqpoll", new EngineUringDesign(), Map.of("sqpoll", "true"))),
                Arguments.of(new Variant("epoll-et", new EngineEpollDesign(), Map.of("edge-triggered", "true"))),
                Arguments.of(new Variant("epoll-reuseport", new EngineEpollDesign(), Map.of("reuse-port", "true"))),
                Arguments.of(new Variant("nio-least-conn", new EngineNioDesign(), Map.of("lb", "least-connections"))),
                Arguments.of(new Variant("epoll-maptable", new EngineEpollDesign(), Map.of("table", "map"))),
                Arguments.of(new Variant("nio-copyread", new EngineNioDesign(), Map.of("read", "copy"))),
                Arguments.of(new Variant("epoll-et-copyread", new EngineEpollDesign(),
                        Map.of("edge-triggered", "true", "read", "copy"))));
    }

    private static RunningServer start(Variant variant, App app) throws IOException {
        org.junit.jupiter.api.Assumptions.assumeTrue(variant.design().availability().available(),
                () -> variant + " unavailable here: " + variant.design().availability().cause());
        return variant.design().start(new ServerConfig("127.0.0.1", 0, 2, app, variant.options()));
    }

    private static SocketChannel connect(RunningServer server) throws IOException {
        SocketChannel channel = SocketChannel.open(server.address());
        channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
        return channel;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("variants")
    void shouldEchoEveryByteOfLargeAndSmallMessages(Variant variant) throws Exception {
        try (RunningServer server = start(variant, App.ECHO); SocketChannel client = connect(server)) {
            Random random = new Random(42);
            for (int size : new int[] {1, 64, 4096, 70_000, 1 << 20}) {
                byte[] sent = new byte[size];
                random.nextBytes(sent);
                Thread writer = Thread.ofVirtual().start(() -> {
                    try {
                        ByteBuffer src = ByteBuffer.wrap(sent);
                        while (src.hasRemaining()) {
                            client.write(src);
                        }
                    } catch (IOException e) {
                        throw new RuntimeException(e);
                    }
                });
                ByteBuffer received = ByteBuffer.allocate(size);
                while (received.hasRemaining()) {
                    assertThat(client.read(received)).isGreaterThanOrEqualTo(0);
                }
                writer.join();
                assertThat(Arrays.equals(received.array(), sent)).as("echo of %d bytes", size).isTrue();
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("variants")
    void shouldAnswerPipelinedHttpRequests(Variant variant) throws Exception {
        try (RunningServer server = start(variant, App.HTTP); SocketChannel client = connect(server)) {
            int depth = 16;
            ByteBuffer requests = ByteBuffer.allocate(HttpRequests.GET_PLAINTEXT.length * depth);
            for (int i = 0; i < depth; i++) {
                requests.put(HttpRequests.GET_PLAINTEXT);
            }
            requests.flip();
            for (int round = 0; round < 3; round++) {
                requests.rewind();
                while (requests.hasRemaining()) {
                    client.write(requests);
                }
                assertThat(readHttpResponses(client, depth)).isEqualTo(depth);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("variants")
    void shouldAnswerRpcWithCpuAndBlockingWorkInOrder(Variant variant) throws Exception {
        try (RunningServer server = start(variant, App.RPC); SocketChannel client = connect(server)) {
            ByteBuffer requests = ByteBuffer.allocate(64 * 1024);
            int count = 8;
            for (int i = 0; i < count; i++) {
                RpcFrame.writeRequest(requests, i, 100 + i, i % 2 == 0 ? 1000 : 0, i % 3 == 0 ? 200 : 0, 10);
            }
            requests.flip();
            while (requests.hasRemaining()) {
                client.write(requests);
            }
            RpcResponseDecoder decoder = new RpcResponseDecoder(true);
            ByteBuffer in = ByteBuffer.allocate(64 * 1024);
            int answered = 0;
            while (answered < count) {
                assertThat(client.read(in)).isGreaterThanOrEqualTo(0);
                in.flip();
                RpcResponseDecoder.Result result;
                while ((result = decoder.decode(in)) == RpcResponseDecoder.Result.RESPONSE) {
                    assertThat(decoder.id()).isEqualTo(answered);
                    assertThat(decoder.payloadSize()).isEqualTo(100 + answered);
                    answered++;
                }
                assertThat(result).isNotEqualTo(RpcResponseDecoder.Result.MALFORMED);
                in.compact();
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("variants")
    void shouldAnswerRequestsThatArriveWhileBlockingWorkRuns(Variant variant) throws Exception {
        try (RunningServer server = start(variant, App.RPC); SocketChannel client = connect(server)) {
            ByteBuffer request = ByteBuffer.allocate(1024);
            RpcFrame.writeRequest(request, 0, 8, 0, 20_000, 0); // blocks 20 ms on the offload executor
            client.write(request.flip());
            Thread.sleep(5); // the next request lands while the connection is paused
            request.clear();
            RpcFrame.writeRequest(request, 1, 8, 0, 0, 0);
            client.write(request.flip());
            RpcResponseDecoder decoder = new RpcResponseDecoder(true);
            ByteBuffer in = ByteBuffer.allocate(1024);
            int answered = 0;
            while (answered < 2) {
                assertThat(client.read(in)).isGreaterThanOrEqualTo(0);
                in.flip();
                while (decoder.decode(in) == RpcResponseDecoder.Result.RESPONSE) {
                    assertThat(decoder.id()).isEqualTo(answered++);
                }
                in.compact();
            }
        }
    }

    static int readHttpResponses(SocketChannel client, int expected) throws IOException {
        HttpResponseParser parser = new HttpResponseParser();
        ByteBuffer in = ByteBuffer.allocate(64 * 1024);
        int responses = 0;
        while (responses < expected) {
            if (client.read(in) < 0) {
                break;
            }
            in.flip();
            HttpResponseParser.Result result;
            while ((result = parser.parse(in)) == HttpResponseParser.Result.RESPONSE) {
                assertThat(parser.status()).isEqualTo(200);
                responses++;
            }
            assertThat(result).isNotEqualTo(HttpResponseParser.Result.MALFORMED);
            in.compact();
        }
        return responses;
    }
}
