package io.reactorbench.loadgen;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The http checker for requests other than the plaintext one: answers of any length, framed by Content-Length or
 * chunked, split anywhere, counted by status code; and what it refuses.
 */
class HttpAnswerParsingTest {

    private static final HttpRequest POST = HttpRequest.of("POST", "127.0.0.1:8080", "/anything",
            List.of("X-A: 1"), "hi".getBytes(StandardCharsets.US_ASCII));
    private static final String SIZED = "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 27\r\n\r\n"
            + "<html>a longer body</html>\n";
    private static final String CHUNKED = "HTTP/1.1 404 Not Found\r\nTransfer-Encoding: gzip, Chunked\r\n\r\n"
            + "5;name=value\r\nhello\r\n1A\r\nabcdefghijklmnopqrstuvwxyz\r\n0\r\nX-Trailer: t\r\n\r\n";
    private static final String EMPTY = "HTTP/1.1 204 No Content\r\nServer: x\r\n\r\n";

    /** Feeds {@code text} in pieces of {@code step} bytes; returns answers completed, or MISMATCH. */
    private static int feed(Protocol protocol, int outstanding, String text, int step) {
        ByteBuffer in = ByteBuffer.wrap(text.getBytes(StandardCharsets.US_ASCII));
        int completed = 0;
        while (in.hasRemaining()) {
            ByteBuffer piece = in.slice(in.position(), Math.min(step, in.remaining()));
            in.position(in.position() + piece.remaining());
            int n = protocol.onResponseBytes(0, 0, completed, outstanding - completed, piece);
            if (n == Protocol.MISMATCH) {
                return n;
            }
            completed += n;
        }
        return completed;
    }

    private static long[] statusCounts(Protocol protocol) {
        long[] counts = new long[HttpProtocol.STATUS_CODES];
        protocol.addStatusCounts(counts);
        return counts;
    }

    @Test
    void shouldCountSizedChunkedAndEmptyAnswersByStatusWhateverTheSplit() {
        for (int step = 1; step <= 40; step++) {
            HttpProtocol http = new HttpProtocol(1, POST);
            String answers = SIZED + CHUNKED + EMPTY + "HTTP/1.1 100 Continue\r\n\r\n" + SIZED;
            assertThat(feed(http, 4, answers, step)).as("step " + step).isEqualTo(4);
            long[] counts = statusCounts(http);
            assertThat(counts[200]).as("step " + step).isEqualTo(2);
            assertThat(counts[404]).isEqualTo(1);
            assertThat(counts[204]).isEqualTo(1);
            assertThat(counts[100]).as("interim answers are not answers").isZero();
        }
    }

    @Test
    void shouldNotWaitForABodyAfterHead() {
        HttpProtocol http = new HttpProtocol(1, HttpRequest.of("HEAD", "h", "/", List.of(), new byte[0]));
        assertThat(feed(http, 2, "HTTP/1.1 200 OK\r\nContent-Length: 500\r\n\r\n".repeat(2), 3)).isEqualTo(2);
    }

    @Test
    void shouldRefuseAnAnswerWhoseEndCannotBeTold() {
        HttpProtocol http = new HttpProtocol(1, POST);
        assertThat(feed(http, 1, "HTTP/1.1 200 OK\r\nConnection: keep-alive\r\n\r\nbody", 100))
                .isEqualTo(Protocol.MISMATCH);
        assertThat(http.mismatch()).contains("neither Content-Length nor chunked");
    }

    @Test
    void shouldRefuseBrokenChunkFraming() {
        HttpProtocol http = new HttpProtocol(1, POST);
        assertThat(feed(http, 1, "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabcX\r\n", 100))
                .isEqualTo(Protocol.MISMATCH);
        assertThat(http.mismatch()).contains("chunk data not followed by CRLF");
        http = new HttpProtocol(1, POST);
        assertThat(feed(http, 1, "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n", 100))
                .isEqualTo(Protocol.MISMATCH);
        assertThat(http.mismatch()).contains("bad chunk size line");
    }

    @Test
    void shouldNotTakeChunkedForTheFramingWhenItIsNotTheLastCoding() {
        // "chunked, gzip" is not chunked framing; with no Content-Length the end is unknown: refused, not guessed.
        HttpProtocol http = new HttpProtocol(1, POST);
        assertThat(feed(http, 1, "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked, gzip\r\n\r\n0\r\n\r\n", 100))
                .isEqualTo(Protocol.MISMATCH);
    }

    @Test
    void shouldStillCheckThePlaintextAnswerByteForByte() {
        HttpProtocol http = new HttpProtocol(1, HttpRequest.PLAINTEXT);
        assertThat(feed(http, 1, SIZED, 100)).isEqualTo(Protocol.MISMATCH);
        assertThat(http.mismatch()).contains("Content-Length 27, expected 13");
    }

    @Test
    void shouldSendThePrecomputedRequestWithHostAndContentLength() {
        assertThat(new String(POST.bytes(), StandardCharsets.US_ASCII)).isEqualTo("POST /anything HTTP/1.1\r\n"
                + "Host: 127.0.0.1:8080\r\nX-A: 1\r\nContent-Length: 2\r\n\r\nhi");
        HttpRequest ownHost = HttpRequest.of("GET", "127.0.0.1:8080", "/", List.of("Host: example"), new byte[0]);
        assertThat(new String(ownHost.bytes(), StandardCharsets.US_ASCII)).isEqualTo("GET / HTTP/1.1\r\n"
                + "Host: example\r\n\r\n");
    }
}
