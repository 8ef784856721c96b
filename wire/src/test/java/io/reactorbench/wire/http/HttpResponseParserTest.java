package io.reactorbench.wire.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class HttpResponseParserTest {

    private record Parsed(int status, long contentLength, boolean close) {
    }

    private static List<Parsed> parseAll(String text, int chunkBytes) {
        byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
        HttpResponseParser parser = new HttpResponseParser();
        List<Parsed> parsed = new ArrayList<>();
        for (int offset = 0; offset < bytes.length; offset += chunkBytes) {
            ByteBuffer in = ByteBuffer.wrap(bytes, offset, Math.min(chunkBytes, bytes.length - offset));
            while (in.hasRemaining()) {
                HttpResponseParser.Result result = parser.parse(in);
                assertThat(result).isNotEqualTo(HttpResponseParser.Result.MALFORMED);
                if (result == HttpResponseParser.Result.RESPONSE) {
                    parsed.add(new Parsed(parser.status(), parser.contentLength(), parser.closeRequested()));
                }
            }
        }
        return parsed;
    }

    private static final String OK = "HTTP/1.1 200 OK\r\nServer: x\r\nContent-Length: 13\r\n\r\nHello, World!";
    private static final String CLOSE = "HTTP/1.1 400 Bad Request\r\ncontent-length: 3\r\nCONNECTION: Close\r\n\r\nbad";
    private static final String EMPTY = "HTTP/1.0 204\r\n\r\n";

    @Test
    void shouldParsePipelinedResponsesWhateverTheSplit() {
        String all = OK + CLOSE + EMPTY + OK;
        for (int chunk = 1; chunk <= all.length(); chunk++) {
            assertThat(parseAll(all, chunk)).as("chunk %d", chunk).containsExactly(
                    new Parsed(200, 13, false), new Parsed(400, 3, true), new Parsed(204, 0, false),
                    new Parsed(200, 13, false));
        }
    }

    @Test
    void shouldRejectWhatIsNotAnHttpResponse() {
        for (String bad : new String[] {"HTTX/1.1 200 OK\r\n\r\n", "HTTP/1.1 2x0 OK\r\n\r\n",
            "HTTP/1.1 200 OK\r\nContent-Length: abc\r\n\r\n", "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"}) {
            HttpResponseParser parser = new HttpResponseParser();
            assertThat(parser.parse(ByteBuffer.wrap(bad.getBytes(StandardCharsets.US_ASCII))))
                    .as(bad).isEqualTo(HttpResponseParser.Result.MALFORMED);
        }
    }
}
