package io.reactorbench.wire.spi;

/**
 * {@code host:port} as written after a {@link Transport} prefix ({@code 127.0.0.1:8080}, {@code [::1]:8080},
 * {@code ::1:8080}: split at the last colon), parsed the same way by {@code serve --listen} and {@code load --target};
 * the host is not resolved here.
 */
public record HostPort(String host, int port) {

    /** The exception's message says what is wrong, for the caller to put in its own one-line error. */
    public static HostPort parse(String text) {
        int colon = text.lastIndexOf(':');
        if (colon <= 0 || colon == text.length() - 1) {
            throw new IllegalArgumentException("expected HOST:PORT");
        }
        String host = text.substring(0, colon);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        int port;
        try {
            port = Integer.parseInt(text.substring(colon + 1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("bad port '" + text.substring(colon + 1) + "'");
        }
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port " + port + " out of range");
        }
        return new HostPort(host, port);
    }
}
