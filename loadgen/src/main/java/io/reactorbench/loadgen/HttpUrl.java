package io.reactorbench.loadgen;

import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URISyntaxException;

/**
 * A {@code --url}: {@code http://HOST[:PORT]/path?query}, split into the address to connect to (resolved and
 * then checked for loopback by {@link LoadSpec} like any {@code --target}), the {@code Host} header value and the
 * request target. Only plain http: the load generator speaks no TLS.
 *
 * @param address where the connections go
 * @param hostHeader the {@code Host} header as the URL gave it ({@code host[:port]})
 * @param requestTarget path and query ({@code /} when the URL has none)
 */
public record HttpUrl(InetSocketAddress address, String hostHeader, String requestTarget) {

    private static final int DEFAULT_PORT = 80;

    public static HttpUrl parse(String text) {
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("bad --url '" + text + "': " + e.getReason());
        }
        if (!"http".equalsIgnoreCase(uri.getScheme())) {
            throw new IllegalArgumentException("bad --url '" + text + "': only http:// URLs are supported"
                    + (uri.getScheme() == null ? "" : " (not " + uri.getScheme() + "://)"));
        }
        if (uri.getHost() == null) {
            throw new IllegalArgumentException("bad --url '" + text + "': no host (expected http://HOST:PORT/path)");
        }
        if (uri.getRawFragment() != null) {
            throw new IllegalArgumentException("bad --url '" + text + "': a #fragment is never sent to a server");
        }
        int port = uri.getPort() < 0 ? DEFAULT_PORT : uri.getPort();
        InetSocketAddress address = Endpoints.parseTarget(uri.getHost() + ":" + port).inet(); // http: always tcp
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        String target = uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
        String host = uri.getPort() < 0 ? uri.getHost() : uri.getHost() + ":" + uri.getPort();
        return new HttpUrl(address, host, target);
    }
}
