package io.reactorbench.wire.app;

import java.nio.charset.StandardCharsets;

/**
 * The responses the http app sends, as fixed bytes around the {@code Date} value: {@code prefix} ends with
 * "Date: ", {@code suffix} starts with the CRLF after the date and ends with the body. Built once.
 */
enum CannedHttpResponse {
    OK("200 OK", "", "Hello, World!"),
    OK_KEEP_ALIVE("200 OK", "Connection: keep-alive\r\n", "Hello, World!"),
    OK_CLOSE("200 OK", "Connection: close\r\n", "Hello, World!"),
    NOT_FOUND("404 Not Found", "", "Not Found"),
    NOT_FOUND_KEEP_ALIVE("404 Not Found", "Connection: keep-alive\r\n", "Not Found"),
    NOT_FOUND_CLOSE("404 Not Found", "Connection: close\r\n", "Not Found"),
    BAD_REQUEST("400 Bad Request", "Connection: close\r\n", "Bad Request"),
    HEADER_TOO_LARGE("431 Request Header Fields Too Large", "Connection: close\r\n",
            "Request Header Fields Too Large");

    final byte[] prefix;
    final byte[] suffix;

    CannedHttpResponse(String status, String connectionHeader, String body) {
        prefix = ascii("HTTP/1.1 " + status + "\r\nServer: reactorbench\r\nDate: ");
        suffix = ascii("\r\nContent-Type: text/plain\r\nContent-Length: " + body.length() + "\r\n"
                + connectionHeader + "\r\n" + body);
    }

    /** The variant for a request that wants the connection closed, or kept open under HTTP/1.0 rules. */
    static CannedHttpResponse of(boolean found, boolean close, boolean announceKeepAlive) {
        if (close) {
            return found ? OK_CLOSE : NOT_FOUND_CLOSE;
        }
        if (announceKeepAlive) {
            return found ? OK_KEEP_ALIVE : NOT_FOUND_KEEP_ALIVE;
        }
        return found ? OK : NOT_FOUND;
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
