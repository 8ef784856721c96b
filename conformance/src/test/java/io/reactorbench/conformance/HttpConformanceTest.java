package io.reactorbench.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import io.reactorbench.conformance.HttpReplies.Reply;
import io.reactorbench.wire.spi.App;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** http: TechEmpower plaintext, pipelining, the error statuses and connection handling. */
@ExtendWith(ConformanceReport.class)
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class HttpConformanceTest {

    private static final Servers SERVERS = new Servers();
    /** IMF-fixdate, e.g. "Thu, 26 Nov 2026 02:21:55 GMT". */
    private static final String DATE_PATTERN =
            "(?s).*\r\nDate: (Mon|Tue|Wed|Thu|Fri|Sat|Sun), \\d\\d (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)"
                    + " \\d{4} \\d\\d:\\d\\d:\\d\\d GMT(\r\n.*|$)";

    static Stream<Target> targets() {
        return Target.all(App.HTTP);
    }

    @AfterAll
    static void stopServers() {
        SERVERS.stopAll();
    }

    static void assertPlaintext(Reply reply) {
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.head()).startsWith("HTTP/1.1 200 OK\r\n")
                .contains("\r\nServer: reactorbench")
                .contains("\r\nContent-Type: text/plain")
                .contains("\r\nContent-Length: 13")
                .matches(DATE_PATTERN);
        assertThat(reply.body()).isEqualTo("Hello, World!");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("targets")
    void shouldAnswerPlaintextWithServerDateContentTypeAndLength(Target target) throws Exception {
        try (Client client = new Client(SERVERS.addressOf(target))) {
            client.write(HttpReplies.GET_PLAINTEXT);
            assertPlaintext(HttpReplies.read(client, 1).getFirst());
            client.write(HttpReplies.GET_PLAINTEXT);
            assertPlaintext(HttpReplies.read(client, 1).getFirst());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("targets")
    void shouldAnswer16PipelinedRequestsInOrder(Target target) throws Exception {
        StringBuilder pipeline = new StringBuilder();
        for (int i = 0; i < 16; i++) {
            pipeline.append(i % 5 == 3 ? HttpReplies.get("/missing-" + i) : HttpReplies.GET_PLAINTEXT);
        }
        try (Client client = new Client(SERVERS.addressOf(target))) {
            for (int round = 0; round < 3; round++) {
                client.write(pipeline.toString());
                List<Reply> replies = HttpReplies.read(client, 16);
                for (int i = 0; i < 16; i++) {
                    if (i % 5 == 3) {
                        assertThat(replies.get(i).status()).as("response %d", i).isEqualTo(404);
                    } else {
                        assertPlaintext(replies.get(i));
                    }
                }
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("targets")
    void shouldAnswerRequestsSplitAcrossReads(Target target) throws Exception {
        String two = HttpReplies.GET_PLAINTEXT + HttpReplies.get("/nothing-here");
        try (Client client = new Client(SERVERS.addressOf(target))) {
            client.writeByteByByte(two.getBytes(StandardCharsets.US_ASCII));
            List<Reply> replies = HttpReplies.read(client, 2);
            assertPlaintext(replies.get(0));
            assertThat(replies.get(1).status()).isEqualTo(404);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("targets")
    void shouldAnswer404ToOtherPathsAnd501ToOtherMethodsAndKeepTheConnection(Target target) throws Exception {
        try (Client client = new Client(SERVERS.addressOf(target))) {
            client.write(HttpReplies.get("/") + "POST /plaintext HTTP/1.1\r\nContent-Length: 5\r\n\r\nhello"
                    + "BREW /pot HTTP/1.1\r\nHost: localhost\r\n\r\n" + HttpReplies.GET_PLAINTEXT);
            List<Reply> replies = HttpReplies.read(client, 4);
            assertThat(replies.get(0).status()).isEqualTo(404);
            assertThat(replies.get(1).status()).as("POST (RFC 9110 9.1: not implemented)").isEqualTo(501);
            assertThat(replies.get(1).close()).isFalse();
            assertThat(replies.get(2).status()).as("an unknown method").isEqualTo(501);
            assertPlaintext(replies.get(3));
        }
    }

    /**
     * RFC 9110 9.3.2: HEAD gets the GET response's header fields, Content-Length of the GET body included, and
     * no body; a GET pipelined behind it must then parse as the next response (a stray body would break it).
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("targets")
    void shouldAnswerHeadWithPlaintextHeadersAndNoBodyThenAPipelinedGet(Target target) throws Exception {
        String head = "HEAD /plaintext HTTP/1.1\r\nHost: localhost\r\n\r\n";
        try (Client client = new Client(SERVERS.addressOf(target))) {
            for (int round = 0; round < 2; round++) {
                client.write(head + HttpReplies.GET_PLAINTEXT); // one write: the GET is pipelined behind the HEAD
                String headReply = HttpReplies.readHead(client);
                assertThat(headReply).startsWith("HTTP/1.1 200 OK\r\n")
                        .contains("\r\nServer: reactorbench")
                        .contains("\r\nContent-Type: text/plain")
                        .contains("\r\nContent-Length: 13\r\n")
                        .doesNotContain("Connection: close")
                        .matches(DATE_PATTERN);
                assertPlaintext(HttpReplies.read(client, 1).getFirst());
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("targets")
    void shouldAnswer400AndCloseOnAChunkedRequestBody(Target target) throws Exception {
        String chunked = "POST /plaintext HTTP/1.1\r\nHost: localhost\r\nTransfer-Encoding: chunked\r\n\r\n"
                + "5\r\nhello\r\n0\r\n\r\n";
        expectErrorThenClose(target, HttpReplies.GET_PLAINTEXT + chunked + HttpReplies.GET_PLAINTEXT, 400);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("targets")
    void shouldAnswer400AndCloseOnAMalformedRequestLine(Target target) throws Exception {
        expectErrorThenClose(target, HttpReplies.GET_PLAINTEXT + "GET /plaintext HTTP/9.9\r\n\r\n", 400);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("targets")
    void shouldAnswer400AndCloseOnAMalformedHeader(Target target) throws Exception {
        expectErrorThenClose(target, HttpReplies.GET_PLAINTEXT + "GET /plaintext HTTP/1.1\r\nBad Header: x\r\n\r\n", 400);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("targets")
    void shouldAnswer431AndCloseOnAHeaderBlockOver8KiB(Target target) throws Exception {
        String big = "GET /plaintext HTTP/1.1\r\nX-Filler: " + "f".repeat(9 * 1024) + "\r\n\r\n";
        expectErrorThenClose(target, HttpReplies.GET_PLAINTEXT + big, 431);
    }

    /** The first (valid) request is answered 200, the bad one gets {@code status}, then the server closes. */
    private static void expectErrorThenClose(Target target, String input, int status) throws Exception {
        try (Client client = new Client(SERVERS.addressOf(target))) {
            client.write(input);
            List<Reply> replies = HttpReplies.parse(client.readUntilClosed(64 * 1024));
            assertThat(replies).hasSize(2);
            assertPlaintext(replies.get(0));
            assertThat(replies.get(1).status()).isEqualTo(status);
            assertThat(replies.get(1).close()).as("says Connection: close").isTrue();
        }
        RoundTrip.check(SERVERS.addressOf(target), App.HTTP);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("targets")
    void shouldCloseAfterRespondingToConnectionClose(Target target) throws Exception {
        try (Client client = new Client(SERVERS.addressOf(target))) {
            client.write(HttpReplies.GET_PLAINTEXT + HttpReplies.GET_PLAINTEXT_THEN_CLOSE);
            List<Reply> replies = HttpReplies.parse(client.readUntilClosed(64 * 1024));
            assertThat(replies).hasSize(2);
            assertPlaintext(replies.get(0));
            assertPlaintext(replies.get(1));
        }
    }

    /** What follows a request that says Connection: close is not answered, even when it is already in the pipe. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("targets")
    void shouldAnswerNothingAfterAConnectionCloseRequestWhileThePeerKeepsSending(Target target) throws Exception {
        try (Client client = new Client(SERVERS.addressOf(target))) {
            client.write(HttpReplies.GET_PLAINTEXT_THEN_CLOSE + HttpReplies.GET_PLAINTEXT);
            List<Reply> replies = HttpReplies.parse(client.readUntilClosed(64 * 1024));
            assertThat(replies).hasSize(1);
            assertPlaintext(replies.get(0));
        }
    }
}
