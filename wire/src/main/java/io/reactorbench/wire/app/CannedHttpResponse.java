package io.reactorbench.wire.app;

import java.nio.charset.StandardCharsets;

/**
 * The responses the http app sends, as fixed bytes around the {@code Date} value: {@code prefix} ends with
 * "Date: ", {@code suffix} starts with the CRLF after the date and ends with the body. Built once. A HEAD
 * request gets the same bytes without the body: the first {@link #headSuffixLength} bytes of the suffix
 * (RFC 9110 9.3.2: the same header fields, Content-Length included, as the GET response would have).
 */
enum CannedHttpResponse {
    OK("200 OK", "", "Hello, World!"),
    OK_KEEP_ALIVE("200 OK", "Connection: keep-alive\r\n", "Hello, World!"),
    OK_CLOSE("200 OK", "Connection: close\r\n", "Hello, World!"),
    NOT_FOUND("404 Not Found", "", "Not Found"),
    NOT_FOUND_KEEP_ALIVE("404 Not Found", "Connection: keep-alive\r\n", "Not Found"),
    NOT_FOUND_CLOSE("404 Not Found", "Connection: close\r\n", "Not Found"),
    /** A method other than GET and HEAD (RFC 9110 9.1: unrecognized or not implemented gets 501). */
    NOT_IMPLEMENTED("501 Not Implemented", "", "Not Implemented"),
    NOT_IMPLEMENTED_KEEP_ALIVE("501 Not Implemented", "Connection: keep-alive\r\n", "Not Implemented"),
    NOT_IMPLEMENTED_CLOSE("501 Not Implemented", "Connection: close\r\n", "Not Implemented"),
    BAD_REQUEST("400 Bad Request", "Connection: close\r\n", "Bad Request"),
    HEADER_TOO_LARGE("431 Request Header Fields Too Large", "Connection: close\r\n",
            "Request Header Fields Too Large");

    final byte[] prefix;
    final byte[] suffix;
    /** The suffix without the body: what a HEAD request is sent after the date. */
    final int headSuffixLength;

    CannedHttpResponse(String status, String connectionHeader, String body) {
        prefix = ascii("HTTP/1.1 " + status + "\r\nServer: reactorbench\r\nDate: ");
        suffix = ascii("\r\nContent-Type: text/plain\r\nContent-Length: " + body.length() + "\r\n"
                + connectionHeader + "\r\n" + body);
        headSuffixLength = suffix.length - body.length();
    }

    /**
     * The variant of {@code status} (one of {@link #OK}, {@link #NOT_FOUND}, {@link #NOT_IMPLEMENTED}) for a
     * request that wants the connection closed, or kept open under HTTP/1.0 rules.
     */
    static CannedHttpResponse of(CannedHttpResponse status, boolean close, boolean announceKeepAlive) {
        return switch (status) {
            case OK -> close ? OK_CLOSE : announceKeepAlive ? OK_KEEP_ALIVE : OK;
            case NOT_FOUND -> close ? NOT_FOUND_CLOSE : announceKeepAlive ? NOT_FOUND_KEEP_ALIVE : NOT_FOUND;
            case NOT_IMPLEMENTED -> close ? NOT_IMPLEMENTED_CLOSE
                    : announceKeepAlive ? NOT_IMPLEMENTED_KEEP_ALIVE : NOT_IMPLEMENTED;
            default -> throw new IllegalArgumentException("no connection variants of " + status);
        };
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
