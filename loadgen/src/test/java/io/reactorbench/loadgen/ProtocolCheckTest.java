package io.reactorbench.loadgen;

import static org.assertj.core.api.Assertions.assertThat;

import io.reactorbench.wire.rpc.RpcFrame;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The response checkers: what counts as an answer, split anywhere, and what is a protocol error. */
class ProtocolCheckTest {

    private static ByteBuffer requests(Protocol protocol, int globalConn, long firstSeq, int count) {
        ByteBuffer out = ByteBuffer.allocate(protocol.requestBytes() * count);
        protocol.writeRequestBytes(0, globalConn, firstSeq, 0, (long) protocol.requestBytes() * count, out);
        return out.flip();
    }

    /** Feeds {@code in} in pieces of {@code step} bytes; returns responses completed, or MISMATCH. */
    private static int feed(Protocol protocol, int globalConn, int outstanding, ByteBuffer in, int step) {
        int completed = 0;
        while (in.hasRemaining()) {
            ByteBuffer piece = in.slice(in.position(), Math.min(step, in.remaining()));
            in.position(in.position() + piece.remaining());
            int n = protocol.onResponseBytes(0, globalConn, completed, outstanding - completed, piece);
            if (n == Protocol.MISMATCH) {
                return n;
            }
            completed += n;
        }
        return completed;
    }

    @Test
    void shouldCompleteEchoRequestsWhenTheirBytesComeBackInAnySplit() {
        EchoProtocol echo = new EchoProtocol(1, 10);
        ByteBuffer sent = requests(echo, 7, 0, 3);
        assertThat(feed(echo, 7, 3, sent, 7)).isEqualTo(3);
    }

    @Test
    void shouldRejectEchoBytesOfAnotherConnection() {
        EchoProtocol echo = new EchoProtocol(1, 10);
        ByteBuffer other = requests(new EchoProtocol(1, 10), 8, 0, 1);
        assertThat(feed(echo, 7, 1, other, 10)).isEqualTo(Protocol.MISMATCH);
        assertThat(echo.mismatch()).contains("stream offset 0").contains("connection 7");
    }

    @Test
    void shouldRejectMoreEchoBytesThanOutstanding() {
        EchoProtocol echo = new EchoProtocol(1, 10);
        ByteBuffer sent = requests(echo, 1, 0, 2);
        assertThat(feed(echo, 1, 1, sent, 20)).isEqualTo(Protocol.MISMATCH);
        assertThat(echo.mismatch()).contains("outstanding");
    }

    private static ByteBuffer rpcResponse(long id, int size) {
        ByteBuffer b = ByteBuffer.allocate(RpcFrame.RESPONSE_HEADER + size);
        b.putInt(8 + size).putLong(id);
        for (int i = 0; i < size; i++) {
            b.put((byte) i);
        }
        return b.flip();
    }

    private static ByteBuffer concat(ByteBuffer... parts) {
        int n = 0;
        for (ByteBuffer p : parts) {
            n += p.remaining();
        }
        ByteBuffer all = ByteBuffer.allocate(n);
        for (ByteBuffer p : parts) {
            all.put(p);
        }
        return all.flip();
    }

    @Test
    void shouldAcceptRpcResponsesWithTheExpectedIdsAndSizeSplitByteByByte() {
        RpcProtocol rpc = new RpcProtocol(1, 0, 300, 0, 0);
        ByteBuffer in = concat(rpcResponse(RpcProtocol.requestId(5, 0), 300), rpcResponse(RpcProtocol.requestId(5, 1), 300));
        assertThat(feed(rpc, 5, 2, in, 1)).isEqualTo(2);
    }

    @Test
    void shouldRejectAnRpcResponseWithAnotherId() {
        RpcProtocol rpc = new RpcProtocol(1, 0, 16, 0, 0);
        assertThat(feed(rpc, 5, 1, rpcResponse(RpcProtocol.requestId(5, 1), 16), 64)).isEqualTo(Protocol.MISMATCH);
        assertThat(rpc.mismatch()).contains("response id");
    }

    @Test
    void shouldRejectAnRpcResponseOfTheWrongSize() {
        RpcProtocol rpc = new RpcProtocol(1, 0, 16, 0, 0);
        assertThat(feed(rpc, 5, 1, rpcResponse(RpcProtocol.requestId(5, 0), 15), 64)).isEqualTo(Protocol.MISMATCH);
        assertThat(rpc.mismatch()).contains("15 bytes, asked for 16");
    }

    @Test
    void shouldWriteRpcRequestsThatCarryTheConnectionAndSequenceInTheirId() {
        RpcProtocol rpc = new RpcProtocol(1, 5, 64, 1000, 2);
        ByteBuffer req = requests(rpc, 3, 41, 1);
        assertThat(req.getInt()).isEqualTo(20 + 5);
        assertThat(req.getLong()).isEqualTo(RpcProtocol.requestId(3, 41));
        assertThat(req.getInt()).isEqualTo(64);
        assertThat(req.getInt()).isEqualTo(1000);
        assertThat(req.getInt()).isEqualTo(2);
    }

    @Test
    void shouldRecreateAPartlyWrittenRpcRequestFromItsStreamOffset() {
        RpcProtocol rpc = new RpcProtocol(1, 5, 64, 0, 0);
        ByteBuffer whole = requests(rpc, 3, 0, 2);
        ByteBuffer tail = ByteBuffer.allocate(whole.remaining() - 30);
        rpc.writeRequestBytes(0, 3, 0, 30, whole.remaining(), tail);
        assertThat(tail.flip()).isEqualTo(whole.position(30));
    }

    private static ByteBuffer ascii(String s) {
        return ByteBuffer.wrap(s.getBytes(StandardCharsets.US_ASCII));
    }

    private static final String OK = "HTTP/1.1 200 OK\r\nServer: x\r\nContent-Type: text/plain\r\ncontent-length: 13\r\n"
            + "Date: Thu, 26 Nov 2026 02:00:00 GMT\r\n\r\nHello, World!";

    @Test
    void shouldAcceptPipelinedPlaintextResponsesSplitAnywhere() {
        for (int step = 1; step <= 40; step += 13) {
            HttpProtocol http = new HttpProtocol(1, HttpRequest.PLAINTEXT);
            assertThat(feed(http, 0, 3, ascii(OK + OK + OK), step)).as("step " + step).isEqualTo(3);
        }
    }

    @Test
    void shouldRejectAStatusOtherThan200() {
        HttpProtocol http = new HttpProtocol(1, HttpRequest.PLAINTEXT);
        assertThat(feed(http, 0, 1, ascii(OK.replace("200 OK", "404 Not Found")), 1000)).isEqualTo(Protocol.MISMATCH);
        assertThat(http.mismatch()).contains("status 404");
    }

    @Test
    void shouldRejectAWrongContentLengthOrBody() {
        HttpProtocol http = new HttpProtocol(1, HttpRequest.PLAINTEXT);
        assertThat(feed(http, 0, 1, ascii(OK.replace("13", "12").replace("World!", "World")), 1000))
                .isEqualTo(Protocol.MISMATCH);
        assertThat(http.mismatch()).contains("Content-Length 12");
        http = new HttpProtocol(1, HttpRequest.PLAINTEXT);
        assertThat(feed(http, 0, 1, ascii(OK.replace("World!", "world!")), 1000)).isEqualTo(Protocol.MISMATCH);
        assertThat(http.mismatch()).contains("body byte 7");
    }

    @Test
    void shouldRejectAnHttpResponseNobodyAskedFor() {
        HttpProtocol http = new HttpProtocol(1, HttpRequest.PLAINTEXT);
        assertThat(feed(http, 0, 1, ascii(OK + OK), 1000)).isEqualTo(Protocol.MISMATCH);
        assertThat(http.mismatch()).contains("no request outstanding");
    }
}
