package io.reactorbench.wire.app;

import static io.reactorbench.wire.app.SessionDriver.ascii;
import static org.assertj.core.api.Assertions.assertThat;

import io.reactorbench.wire.client.HttpRequests;
import io.reactorbench.wire.http.HttpDate;
import java.nio.ByteBuffer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HttpSessionTest {

    /** 2026-11-26T02:21:55Z. */
    private static final long NOW_MS = 1_795_659_715_000L;
    private static final HttpDate FIXED_DATE = new HttpDate(() -> NOW_MS);
    private static final String DATE = "Thu, 26 Nov 2026 02:21:55 GMT";

    private static final String PLAINTEXT_RESPONSE = "HTTP/1.1 200 OK\r\n"
            + "Server: reactorbench\r\n"
            + "Date: " + DATE + "\r\n"
            + "Content-Type: text/plain\r\n"
            + "Content-Length: 13\r\n"
            + "\r\n"
            + "Hello, World!";
    /** What HEAD /plaintext gets: the GET response's head, Content-Length 13 included, and no body. */
    private static final String PLAINTEXT_HEAD_RESPONSE =
            PLAINTEXT_RESPONSE.substring(0, PLAINTEXT_RESPONSE.length() - "Hello, World!".length());

    private static SessionDriver.Run serve(String input, int chunkBytes, int outBytes) {
        return SessionDriver.run(new HttpSession(FIXED_DATE), ascii(input), chunkBytes, outBytes);
    }

    private static SessionDriver.Run serve(String input) {
        return serve(input, input.length(), 64 * 1024);
    }

    private static int count(String text, String what) {
        Matcher m = Pattern.compile(Pattern.quote(what)).matcher(text);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    @Test
    void shouldAnswerPlaintextExactlyAsTechEmpowerRequires() {
        SessionDriver.Run run = serve(new String(HttpRequests.GET_PLAINTEXT, java.nio.charset.StandardCharsets.US_ASCII));

        assertThat(run.text()).isEqualTo(PLAINTEXT_RESPONSE);
        assertThat(run.closed()).isFalse();
    }

    @Test
    void shouldAnswerWhateverTheSplitPointOfTheRequest() {
        String request = "GET /plaintext HTTP/1.1\r\nHost: x\r\nConnection: keep-alive\r\nContent-Length: 3\r\n\r\nabc";
        byte[] input = ascii(request + request);
        for (int split = 1; split < input.length; split++) {
            HttpSession session = new HttpSession(FIXED_DATE);
            ByteBuffer out = ByteBuffer.allocate(4096);
            assertThat(session.process(ByteBuffer.wrap(input, 0, split), out)).isEqualTo(ServerSession.Outcome.NEED_INPUT);
            assertThat(session.process(ByteBuffer.wrap(input, split, input.length - split), out))
                    .isEqualTo(ServerSession.Outcome.NEED_INPUT);
            assertThat(new String(out.array(), 0, out.position(), java.nio.charset.StandardCharsets.US_ASCII))
                    .as("split at %d", split).isEqualTo(PLAINTEXT_RESPONSE + PLAINTEXT_RESPONSE);
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 13, 1000})
    void shouldAnswerPipelinedRequestsInOrderWhateverTheChunkAndOutputRoom(int chunkBytes) {
        String plaintext = "GET /plaintext HTTP/1.1\r\nHost: localhost\r\n\r\n";
        String missing = "GET /nope HTTP/1.1\r\nHost: localhost\r\n\r\n";
        String input = (plaintext + missing).repeat(8);

        SessionDriver.Run run = serve(input, chunkBytes, 50);

        String notFound = "HTTP/1.1 404 Not Found\r\nServer: reactorbench\r\nDate: " + DATE
                + "\r\nContent-Type: text/plain\r\nContent-Length: 9\r\n\r\nNot Found";
        assertThat(run.text()).isEqualTo((PLAINTEXT_RESPONSE + notFound).repeat(8));
        assertThat(run.closed()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"GET /plaintex HTTP/1.1\r\n\r\n", "GET /plaintextx HTTP/1.1\r\n\r\n",
        "GET / HTTP/1.1\r\n\r\n", "GET /PLAINTEXT HTTP/1.1\r\n\r\n"})
    void shouldAnswer404ToOtherPathsAndKeepTheConnection(String request) {
        SessionDriver.Run run = serve(request);

        assertThat(run.text()).startsWith("HTTP/1.1 404 Not Found\r\n").endsWith("\r\n\r\nNot Found");
        assertThat(run.closed()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"POST /plaintext HTTP/1.1\r\n\r\n", "GETX /plaintext HTTP/1.1\r\n\r\n",
        "GE /plaintext HTTP/1.1\r\n\r\n", "HEA /plaintext HTTP/1.1\r\n\r\n", "HEADS /plaintext HTTP/1.1\r\n\r\n",
        "get /plaintext HTTP/1.1\r\n\r\n", "DELETE /missing HTTP/1.1\r\n\r\n", "BREW /pot HTTP/1.1\r\n\r\n"})
    void shouldAnswer501ToMethodsOtherThanGetAndHeadAndKeepTheConnection(String request) {
        SessionDriver.Run run = serve(request + "GET /plaintext HTTP/1.1\r\n\r\n");

        String notImplemented = "HTTP/1.1 501 Not Implemented\r\nServer: reactorbench\r\nDate: " + DATE
                + "\r\nContent-Type: text/plain\r\nContent-Length: 15\r\n\r\nNot Implemented";
        assertThat(run.text()).isEqualTo(notImplemented + PLAINTEXT_RESPONSE);
        assertThat(run.closed()).isFalse();
    }

    @Test
    void shouldAnswerHeadLikeGetWithTheSameHeadersAndNoBody() {
        SessionDriver.Run run = serve("HEAD /plaintext HTTP/1.1\r\nHost: localhost\r\n\r\n");

        assertThat(run.text()).isEqualTo(PLAINTEXT_HEAD_RESPONSE).contains("\r\nContent-Length: 13\r\n");
        assertThat(run.closed()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 7, 13, 1000})
    void shouldAnswerHeadPipelinedWithGetInOrderWhateverTheChunkAndOutputRoom(int chunkBytes) {
        String head = "HEAD /plaintext HTTP/1.1\r\nHost: localhost\r\n\r\n";
        String get = "GET /plaintext HTTP/1.1\r\nHost: localhost\r\n\r\n";
        String input = (head + get + head + head + get).repeat(4);

        for (int outBytes : new int[] {1, 50, 64 * 1024}) {
            SessionDriver.Run run = serve(input, chunkBytes, outBytes);

            assertThat(run.text()).as("output room %d", outBytes).isEqualTo((PLAINTEXT_HEAD_RESPONSE + PLAINTEXT_RESPONSE
                    + PLAINTEXT_HEAD_RESPONSE + PLAINTEXT_HEAD_RESPONSE + PLAINTEXT_RESPONSE).repeat(4));
            assertThat(run.closed()).isFalse();
        }
    }

    @Test
    void shouldAnswerHeadToAMissingPathWith404HeadersAndNoBody() {
        SessionDriver.Run run = serve("HEAD /nope HTTP/1.1\r\n\r\nGET /plaintext HTTP/1.1\r\n\r\n");

        String notFoundHead = "HTTP/1.1 404 Not Found\r\nServer: reactorbench\r\nDate: " + DATE
                + "\r\nContent-Type: text/plain\r\nContent-Length: 9\r\n\r\n";
        assertThat(run.text()).isEqualTo(notFoundHead + PLAINTEXT_RESPONSE);
    }

    @Test
    void shouldCloseAfterAHeadThatAsksForClose() {
        SessionDriver.Run run = serve("HEAD /plaintext HTTP/1.1\r\nConnection: close\r\n\r\nGET /plaintext HTTP/1.1\r\n\r\n");

        assertThat(run.text()).startsWith("HTTP/1.1 200 OK\r\n").contains("\r\nConnection: close\r\n")
                .contains("\r\nContent-Length: 13\r\n").endsWith("\r\n\r\n");
        assertThat(count(run.text(), "HTTP/1.1 ")).isEqualTo(1);
        assertThat(run.closed()).isTrue();
    }

    @Test
    void shouldSendNoBodyWithA400ToAMalformedHead() {
        SessionDriver.Run run = serve("HEAD /plaintext HTTP/1.1\r\nBad Header: x\r\n\r\n");

        assertThat(run.text()).startsWith("HTTP/1.1 400 Bad Request\r\n").contains("\r\nConnection: close\r\n")
                .endsWith("\r\n\r\n");
        assertThat(run.closed()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Transfer-Encoding: chunked", "transfer-encoding: gzip, chunked",
        "Content-Length: 5\r\nTransfer-Encoding: chunked"})
    void shouldAnswer400AndCloseOnAChunkedRequestBodyWhateverTheMethod(String header) {
        for (String method : new String[] {"POST", "GET", "HEAD", "PUT"}) {
            String request = method + " /plaintext HTTP/1.1\r\n" + header + "\r\n\r\n5\r\nhello\r\n0\r\n\r\n"
                    + "GET /plaintext HTTP/1.1\r\n\r\n";
            SessionDriver.Run run = serve(request);

            assertThat(run.text()).as(method).startsWith("HTTP/1.1 400 Bad Request\r\n")
                    .contains("\r\nConnection: close\r\n");
            assertThat(count(run.text(), "HTTP/1.1 ")).as("nothing after the 400").isEqualTo(1);
            assertThat(run.closed()).isTrue();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "GET /plaintext HTTP/1.2\r\n\r\n",
        "GET /plaintext HTTP/2.0\r\n\r\n",
        "GET  /plaintext HTTP/1.1\r\n\r\n",
        "GET /plaintext\r\n\r\n",
        "GET /plaintext HTTP/1.1 \r\n\r\n",
        " GET /plaintext HTTP/1.1\r\n\r\n",
        "G(T /plaintext HTTP/1.1\r\n\r\n",
        "GET /plain\u0001text HTTP/1.1\r\n\r\n",
        "GET /plaintext HTTP/1.1\rX\n\r\n",
        "GET /plaintext HTTP/1.1\r\nHost : x\r\n\r\n",
        "GET /plaintext HTTP/1.1\r\n: x\r\n\r\n",
        "GET /plaintext HTTP/1.1\r\nNo colon\r\n\r\n",
        "GET /plaintext HTTP/1.1\r\nHost: x\r\n folded\r\n\r\n",
        "GET /plaintext HTTP/1.1\r\nHost: a\u0000b\r\n\r\n",
        "GET /plaintext HTTP/1.1\r\nContent-Length: 1x\r\n\r\n",
        "GET /plaintext HTTP/1.1\r\nContent-Length: 1 2\r\n\r\n",
        "GET /plaintext HTTP/1.1\r\nContent-Length:\r\n\r\n",
        "GET /plaintext HTTP/1.1\r\nContent-Length: 1\r\nContent-Length: 1\r\n\r\nx",
        "GET /plaintext HTTP/1.1\r\nContent-Length: 99999999999999999999\r\n\r\n",
        "GET /plaintext HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n",
        "GET /plaintext HTTP/1.1\r\nHost: x\r\r\n\r\n"})
    void shouldAnswer400AndCloseOnAMalformedRequest(String request) {
        for (int chunk : new int[] {1, request.length()}) {
            SessionDriver.Run run = serve(request, chunk, 64 * 1024);
            assertThat(run.text()).startsWith("HTTP/1.1 400 Bad Request\r\n").contains("\r\nConnection: close\r\n")
                    .endsWith("\r\n\r\nBad Request");
            assertThat(run.closed()).isTrue();
        }
    }

    @Test
    void shouldAnswerRequestsBeforeAMalformedOneThen400() {
        SessionDriver.Run run = serve("GET /plaintext HTTP/1.1\r\n\r\nBAD\r\n\r\nGET /plaintext HTTP/1.1\r\n\r\n");

        assertThat(run.text()).startsWith(PLAINTEXT_RESPONSE + "HTTP/1.1 400 Bad Request\r\n");
        assertThat(count(run.text(), "HTTP/1.1")).isEqualTo(2);
        assertThat(run.closed()).isTrue();
    }

    @Test
    void shouldAnswer431AndCloseWhenTheHeadExceeds8KiB() {
        String request = "GET /plaintext HTTP/1.1\r\nX-Big: " + "a".repeat(8 * 1024) + "\r\n\r\n";

        for (int chunk : new int[] {1, 1000, request.length()}) {
            SessionDriver.Run run = serve(request, chunk, 128);
            assertThat(run.text()).startsWith("HTTP/1.1 431 Request Header Fields Too Large\r\n")
                    .contains("\r\nConnection: close\r\n");
            assertThat(run.closed()).isTrue();
        }
    }

    @Test
    void shouldAcceptAHeadOfExactly8KiB() {
        String start = "GET /plaintext HTTP/1.1\r\nX-Big: ";
        String end = "\r\n\r\n";
        String request = start + "a".repeat(HttpSession.MAX_HEAD_BYTES - start.length() - end.length()) + end;

        assertThat(serve(request).text()).isEqualTo(PLAINTEXT_RESPONSE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Connection: close", "connection: CLOSE", "CONNECTION:close  ", "Connection: keep-alive, Close",
        "Connection: Upgrade,close"})
    void shouldCloseAfterTheResponseWhenTheClientAsks(String header) {
        SessionDriver.Run run = serve("GET /plaintext HTTP/1.1\r\n" + header + "\r\n\r\nGET /plaintext HTTP/1.1\r\n\r\n");

        assertThat(run.text()).startsWith("HTTP/1.1 200 OK\r\n").contains("\r\nConnection: close\r\n")
                .endsWith("Hello, World!");
        assertThat(count(run.text(), "HTTP/1.1 ")).isEqualTo(1);
        assertThat(run.closed()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Connection: closed", "Connection: clo se", "X-Connection: close", "Connection: keep-alive"})
    void shouldKeepTheConnectionForOtherConnectionValues(String header) {
        SessionDriver.Run run = serve("GET /plaintext HTTP/1.1\r\n" + header + "\r\n\r\n");

        assertThat(run.text()).isEqualTo(PLAINTEXT_RESPONSE);
        assertThat(run.closed()).isFalse();
    }

    @Test
    void shouldCloseAfterAnHttp10RequestWithoutKeepAlive() {
        SessionDriver.Run run = serve("GET /plaintext HTTP/1.0\r\n\r\n");

        assertThat(run.text()).startsWith("HTTP/1.1 200 OK\r\n").contains("\r\nConnection: close\r\n");
        assertThat(run.closed()).isTrue();
    }

    @Test
    void shouldKeepAnHttp10ConnectionThatAsksForKeepAlive() {
        SessionDriver.Run run = serve("GET /plaintext HTTP/1.0\r\nConnection: Keep-Alive\r\n\r\n");

        assertThat(run.text()).contains("\r\nConnection: keep-alive\r\n").endsWith("Hello, World!");
        assertThat(run.closed()).isFalse();
    }

    @Test
    void shouldSkipARequestBodyAndAnswerTheNextRequest() {
        String body = "x".repeat(10_000);
        String input = "POST /plaintext HTTP/1.1\r\nContent-Length: 10000\r\n\r\n" + body
                + "GET /plaintext HTTP/1.1\r\n\r\n";

        SessionDriver.Run run = serve(input, 333, 100);

        assertThat(run.text()).startsWith("HTTP/1.1 501 Not Implemented\r\n").endsWith(PLAINTEXT_RESPONSE);
        assertThat(count(run.text(), "HTTP/1.1 ")).isEqualTo(2);
    }

    @Test
    void shouldIgnoreEmptyLinesBeforeARequestAndAcceptBareLineFeeds() {
        SessionDriver.Run run = serve("\r\n\r\nGET /plaintext HTTP/1.1\nHost: x\n\n");

        assertThat(run.text()).isEqualTo(PLAINTEXT_RESPONSE);
    }

    @Test
    void shouldStreamAResponseThroughAOneByteOutputBuffer() {
        SessionDriver.Run run = serve("GET /plaintext HTTP/1.1\r\n\r\n", 1, 1);

        assertThat(run.text()).isEqualTo(PLAINTEXT_RESPONSE);
    }

    @Test
    void shouldReportPendingOutputWhileAResponseStreams() {
        HttpSession session = new HttpSession(FIXED_DATE);
        ByteBuffer out = ByteBuffer.allocate(10);

        assertThat(session.process(ByteBuffer.wrap(HttpRequests.GET_PLAINTEXT), out))
                .isEqualTo(ServerSession.Outcome.OUTPUT_FULL);
        assertThat(session.hasPendingOutput()).isTrue();
    }

    @Test
    void shouldKeepTheDateOfAResponseThatStartedBeforeTheSecondTurned() {
        long[] nowMs = {NOW_MS};
        HttpSession session = new HttpSession(new HttpDate(() -> nowMs[0]));
        ByteBuffer out = ByteBuffer.allocate(50);
        ByteBuffer in = ByteBuffer.wrap(HttpRequests.GET_PLAINTEXT);
        StringBuilder text = new StringBuilder();
        ServerSession.Outcome outcome;
        do {
            outcome = session.process(in, out);
            text.append(new String(out.array(), 0, out.position(), java.nio.charset.StandardCharsets.US_ASCII));
            out.clear();
            nowMs[0] += 1000;
        } while (outcome == ServerSession.Outcome.OUTPUT_FULL);

        assertThat(text.toString()).isEqualTo(PLAINTEXT_RESPONSE);
    }
}
