package io.reactorbench.wire.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.reactorbench.wire.client.HttpResponseParser.Result;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class HttpResponseParserTest {

    private record Parsed(int status, long contentLength, boolean close) {
    }

    private static ByteBuffer ascii(String text) {
        return ByteBuffer.wrap(text.getBytes(StandardCharsets.US_ASCII));
    }

    private static List<Parsed> parseAll(String text, int chunkBytes) {
        byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
        HttpResponseParser parser = new HttpResponseParser();
        List<Parsed> parsed = new ArrayList<>();
        for (int offset = 0; offset < bytes.length; offset += chunkBytes) {
            ByteBuffer in = ByteBuffer.wrap(bytes, offset, Math.min(chunkBytes, bytes.length - offset));
            while (in.hasRemaining()) {
                Result result = parser.parse(in);
                assertThat(result).as(parser.malformation()).isNotEqualTo(Result.MALFORMED);
                if (result == Result.RESPONSE) {
                    parsed.add(new Parsed(parser.status(), parser.contentLength(), parser.closeRequested()));
                }
            }
        }
        return parsed;
    }

    private static final String OK = "HTTP/1.1 200 OK\r\nServer: x\r\nContent-Length: 13\r\n\r\nHello, World!";
    private static final String CLOSE = "HTTP/1.1 400 Bad Request\r\ncontent-length: 3\r\nCONNECTION: Close\r\n\r\nbad";
    private static final String KEEP_ALIVE = "HTTP/1.1 404 Not Found\r\nConnection: keep-alive\r\nContent-Length: 0\r\n\r\n";
    private static final String EMPTY = "HTTP/1.0 204\r\n\r\n";
    private static final String CHUNKED = "HTTP/1.1 200 OK\r\nTransfer-Encoding: gzip, Chunked\r\n\r\n"
            + "5;name=value\r\nhello\r\n1A\r\nabcdefghijklmnopqrstuvwxyz\r\n0\r\nX-Trailer: t\r\n\r\n";
    private static final String INTERIM = "HTTP/1.1 100 Continue\r\n\r\n";

    @Test
    void shouldParsePipelinedResponsesWhateverTheSplit() {
        String all = OK + CLOSE + KEEP_ALIVE + EMPTY + INTERIM + CHUNKED + OK;
        for (int chunk = 1; chunk <= all.length(); chunk++) {
            assertThat(parseAll(all, chunk)).as("chunk %d", chunk).containsExactly(
                    new Parsed(200, 13, false), new Parsed(400, 3, true), new Parsed(404, 0, false),
                    new Parsed(204, 0, false), new Parsed(200, 0, false), new Parsed(200, 13, false));
        }
    }

    @Test
    void shouldRejectWhatIsNotAnHttpResponse() {
        for (String bad : new String[] {"HTTX/1.1 200 OK\r\n\r\n", "HTTP/2.0 200 OK\r\n\r\n", "HTTP/1.1 2x0 OK\r\n\r\n",
            "HTTP/1.1 200 OK\r\nContent-Length: abc\r\n\r\n", "HTTP/1.1 200 OK\r\nServer: x\r\n\r\n",
            "HTTP/1.1 200 OK\r\nContent-Length: 1\r\nContent-Length: 1\r\n\r\nx",
            "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n"}) {
            HttpResponseParser parser = new HttpResponseParser();
            assertThat(parser.parse(ascii(bad))).as(bad).isEqualTo(Result.MALFORMED);
        }
    }

    @Test
    void shouldReportTheHeadBeforeJudgingTheFramingThenTheResponse() {
        HttpResponseParser parser = new HttpResponseParser(1, false, null);
        ByteBuffer in = ascii(EMPTY);
        assertThat(parser.parse(0, in)).isEqualTo(Result.HEAD);
        assertThat(parser.status(0)).isEqualTo(204);
        assertThat(in.hasRemaining()).isFalse();
        assertThat(parser.parse(0, in)).isEqualTo(Result.RESPONSE);
        assertThat(parser.parse(0, in)).isEqualTo(Result.NEED_MORE);
    }

    @Test
    void shouldCheckAnExpectedBodyByteForByte() {
        byte[] hello = "Hello, World!".getBytes(StandardCharsets.US_ASCII);
        HttpResponseParser parser = new HttpResponseParser(1, false, hello);
        ByteBuffer in = ascii(OK + OK.replace("World!", "world!"));
        assertThat(parser.parse(0, in)).isEqualTo(Result.HEAD);
        assertThat(parser.parse(0, in)).isEqualTo(Result.RESPONSE);
        assertThat(parser.parse(0, in)).isEqualTo(Result.HEAD);
        assertThat(parser.parse(0, in)).isEqualTo(Result.MALFORMED);
        assertThat(parser.malformation()).contains("body byte 7");

        parser = new HttpResponseParser(1, false, hello);
        in = ascii(KEEP_ALIVE);
        assertThat(parser.parse(0, in)).isEqualTo(Result.HEAD);
        assertThat(parser.parse(0, in)).isEqualTo(Result.MALFORMED);
        assertThat(parser.malformation()).contains("status 404, expected 200");
    }

    @Test
    void shouldNotWaitForABodyWhenAnswersHaveNone() {
        HttpResponseParser parser = new HttpResponseParser(1, true, null);
        ByteBuffer in = ascii(OK.replace("Hello, World!", ""));
        assertThat(parser.parse(0, in)).isEqualTo(Result.HEAD);
        assertThat(parser.parse(0, in)).isEqualTo(Result.RESPONSE);
    }

    @Test
    void shouldKeepEachSlotsPartialResponseApart() {
        HttpResponseParser parser = new HttpResponseParser(2, false, null);
        assertThat(parser.parse(0, ascii(OK.substring(0, 20)))).isEqualTo(Result.NEED_MORE);
        ByteBuffer close = ascii(CLOSE);
        assertThat(parser.parse(1, close)).isEqualTo(Result.HEAD);
        assertThat(parser.parse(1, close)).isEqualTo(Result.RESPONSE);
        assertThat(parser.status()).isEqualTo(400);
        assertThat(parser.closeRequested()).isTrue();
        ByteBuffer rest = ascii(OK.substring(20));
        assertThat(parser.parse(0, rest)).isEqualTo(Result.HEAD);
        assertThat(parser.parse(0, rest)).isEqualTo(Result.RESPONSE);
        assertThat(parser.status()).isEqualTo(200);
        assertThat(parser.closeRequested()).isFalse();
    }
}
