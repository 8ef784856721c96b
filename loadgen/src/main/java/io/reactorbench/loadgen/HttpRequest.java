package io.reactorbench.loadgen;

import io.reactorbench.wire.client.HttpRequests;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The one request an http load sends over and over, encoded once: the worker copies its bytes and never builds
 * a request per send. {@link #PLAINTEXT} is the TechEmpower request whose answer is checked byte for byte; any
 * other request (from {@code --url}, {@code --method}, {@code --header}, {@code --body}) accepts answers of any
 * status and length and counts them by status code, as wrk does.
 *
 * @param bytes the whole request on the wire: request line, headers, blank line, body
 * @param method the method, which decides whether answers have a body (HEAD: never)
 * @param description what the summary calls it, e.g. {@code POST /anything (2 headers, 120 body bytes)}
 * @param checksPlaintextAnswer answers must be {@code 200} with the body {@code Hello, World!}
 */
public record HttpRequest(byte[] bytes, String method, String description, boolean checksPlaintextAnswer) {

    public static final HttpRequest PLAINTEXT =
            new HttpRequest(HttpRequests.GET_PLAINTEXT, "GET", "GET /plaintext", true);

    /** A token (RFC 9110 5.6.2): header names and methods. */
    private static final Pattern TOKEN = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");

    /**
     * Encodes a request. {@code headers} are {@code Name: value} lines; a {@code Host} among them replaces the
     * one taken from the URL, and {@code Content-Length} is the body's, so giving it is an error.
     */
    public static HttpRequest of(String method, String hostHeader, String requestTarget, List<String> headers,
            byte[] body) {
        if (!TOKEN.matcher(method).matches()) {
            throw new IllegalArgumentException("bad --method '" + method + "' (expected a token such as GET or POST)");
        }
        if (requestTarget.isEmpty() || requestTarget.chars().anyMatch(c -> c <= ' ' || c >= 0x7f)) {
            throw new IllegalArgumentException("bad request target '" + requestTarget + "' (spaces and control"
                    + " characters must be percent-encoded)");
        }
        StringBuilder head = new StringBuilder(method).append(' ').append(requestTarget).append(" HTTP/1.1\r\n");
        boolean hostGiven = false;
        for (String header : headers) {
            int colon = header.indexOf(':');
            String name = colon < 0 ? header : header.substring(0, colon).strip();
            String value = colon < 0 ? "" : header.substring(colon + 1).strip();
            if (colon < 0 || !TOKEN.matcher(name).matches()) {
                throw new IllegalArgumentException("bad --header '" + header + "' (expected 'Name: value')");
            }
            if (value.chars().anyMatch(c -> c == '\r' || c == '\n' || c == 0)) {
                throw new IllegalArgumentException("bad --header '" + name + "': the value holds a line break");
            }
            String lower = name.toLowerCase(Locale.ROOT);
            if (lower.equals("content-length") || lower.equals("transfer-encoding")) {
                throw new IllegalArgumentException("--header " + name + " is not allowed: the request's body"
                        + " framing comes from --body (Content-Length: its size)");
            }
            hostGiven |= lower.equals("host");
            head.append(name).append(": ").append(value).append("\r\n");
        }
        if (!hostGiven) {
            head.insert(head.indexOf("\r\n") + 2, "Host: " + hostHeader + "\r\n");
        }
        if (body.length > 0 || method.equals("POST") || method.equals("PUT") || method.equals("PATCH")) {
            // RFC 9110 8.6: a POST/PUT without a body still says so, or some servers wait for one (411).
            head.append("Content-Length: ").append(body.length).append("\r\n");
        }
        head.append("\r\n");
        ByteArrayOutputStream out = new ByteArrayOutputStream(head.length() + body.length);
        out.writeBytes(head.toString().getBytes(StandardCharsets.ISO_8859_1));
        out.writeBytes(body);
        String description = method + " " + requestTarget + " (" + headers.size() + " header"
                + (headers.size() == 1 ? "" : "s") + ", " + body.length + " body bytes)";
        return new HttpRequest(out.toByteArray(), method, description, false);
    }

    /** Answers to this request have no body whatever their headers say (RFC 9110 9.3.2). */
    public boolean answersHaveNoBody() {
        return method.equals("HEAD");
    }
}
