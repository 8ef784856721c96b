package io.reactorbench.conformance;

import io.reactorbench.wire.client.HttpResponseParser;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** http on the test side: reads responses with the wire parser and keeps each one's text for header checks. */
final class HttpReplies {

    static final String GET_PLAINTEXT = "GET /plaintext HTTP/1.1\r\nHost: localhost\r\nAccept: text/plain\r\n\r\n";
    /** A request the server answers and then closes the connection after. */
    static final String GET_PLAINTEXT_THEN_CLOSE =
            "GET /plaintext HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n";

    record Reply(int status, boolean close, String text) {

        String body() {
            int end = text.indexOf("\r\n\r\n");
            return end < 0 ? "" : text.substring(end + 4);
        }

        String head() {
            int end = text.indexOf("\r\n\r\n");
            return end < 0 ? text : text.substring(0, end);
        }
    }

    private HttpReplies() {
    }

    static String get(String path) {
        return "GET " + path + " HTTP/1.1\r\nHost: localhost\r\n\r\n";
    }

    /**
     * Reads one response head through its blank line and nothing more (a HEAD response has no body, which the
     * response parser cannot know); at most {@code 8 KiB}.
     */
    static String readHead(Client client) throws IOException {
        StringBuilder head = new StringBuilder();
        while (head.length() < 8 * 1024) {
            head.append((char) (client.readExactly(1)[0] & 0xff));
            if (head.length() >= 4 && head.lastIndexOf("\r\n\r\n") == head.length() - 4) {
                return head.toString();
            }
        }
        throw new IOException("no end of head within 8 KiB: " + head);
    }

    /** Reads {@code count} responses. */
    static List<Reply> read(Client client, int count) throws IOException {
        HttpResponseParser parser = new HttpResponseParser();
        List<Reply> replies = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        byte[] buffer = new byte[16 * 1024];
        while (replies.size() < count) {
            int n = client.read(buffer);
            if (n < 0) {
                throw new IOException("end of stream after " + replies.size() + " of " + count + " responses; "
                        + "pending: " + Client.preview(current.toString().getBytes(StandardCharsets.ISO_8859_1)));
            }
            parseAll(parser, ByteBuffer.wrap(buffer, 0, n), current, replies);
            if (replies.size() > count) {
                throw new IOException("more responses than requests: " + replies);
            }
        }
        return replies;
    }

    /** Parses every whole response in {@code bytes} (e.g. all a connection sent before it closed). */
    static List<Reply> parse(byte[] bytes) throws IOException {
        List<Reply> replies = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        parseAll(new HttpResponseParser(), ByteBuffer.wrap(bytes), current, replies);
        if (!current.isEmpty()) {
            throw new IOException("trailing partial response: " + current);
        }
        return replies;
    }

    private static void parseAll(HttpResponseParser parser, ByteBuffer in, StringBuilder current, List<Reply> replies)
            throws IOException {
        while (in.hasRemaining()) {
            int start = in.position();
            HttpResponseParser.Result result = parser.parse(in);
            current.append(new String(in.array(), in.arrayOffset() + start, in.position() - start,
                    StandardCharsets.ISO_8859_1));
            switch (result) {
                case RESPONSE -> {
                    replies.add(new Reply(parser.status(), parser.closeRequested(), current.toString()));
                    current.setLength(0);
                }
                case MALFORMED -> throw new IOException("malformed http response after " + replies.size()
                        + " responses: " + current);
                case NEED_MORE -> {
                }
            }
        }
    }
}
