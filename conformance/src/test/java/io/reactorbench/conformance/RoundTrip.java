package io.reactorbench.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import io.reactorbench.wire.client.EchoVerifier;
import io.reactorbench.wire.spi.App;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.List;

/** One request and its response for any app: the "does it still serve?" probe of the conformance cases. */
final class RoundTrip {

    private RoundTrip() {
    }

    /** The bytes of one request of {@code app}, tagged with {@code tag} where the protocol allows. */
    static byte[] request(App app, int tag) {
        return switch (app) {
            case ECHO -> {
                ByteBuffer out = ByteBuffer.allocate(4 + 60);
                out.putInt(tag);
                EchoVerifier.put(out, 0, 0, 60);
                yield out.array();
            }
            case RPC -> RpcReplies.encode(List.of(RpcReplies.Request.of(tag, 100)));
            case HTTP -> HttpReplies.GET_PLAINTEXT.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        };
    }

    /** Reads and checks the response to {@link #request(App, int)}. */
    static void expectResponse(Client client, App app, int tag) throws IOException {
        switch (app) {
            case ECHO -> assertThat(client.readExactly(64)).isEqualTo(request(app, tag));
            case RPC -> assertThat(RpcReplies.read(client, 1)).containsExactly(new RpcReplies.Reply(tag, 100));
            case HTTP -> {
                HttpReplies.Reply reply = HttpReplies.read(client, 1).getFirst();
                assertThat(reply.status()).isEqualTo(200);
                assertThat(reply.body()).isEqualTo("Hello, World!");
            }
        }
    }

    /** Connects, sends one request, checks the response, closes. */
    static void check(InetSocketAddress address, App app) throws IOException {
        try (Client client = new Client(address)) {
            client.write(request(app, 7));
            expectResponse(client, app, 7);
        }
    }
}
