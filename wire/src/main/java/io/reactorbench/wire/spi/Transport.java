package io.reactorbench.wire.spi;

import java.net.Inet6Address;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.UnixDomainSocketAddress;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The socket kind a server listens on and the load generator connects with, named in addresses by a prefix:
 * {@code 127.0.0.1:8080} (or {@code tcp:127.0.0.1:8080}), {@code udp:127.0.0.1:8080}, {@code unix:/path/rb.sock}.
 * One place for the syntax, so that what {@code serve} prints after READY is what {@code load --target} takes.
 */
public enum Transport {
    /** TCP stream: every design serves it. */
    TCP,
    /** UDP datagrams: one request per datagram, each answered to its sender (echo only). */
    UDP,
    /** Unix-domain stream socket on a path (same machine; no TCP/IP stack). */
    UNIX;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The transport a {@code prefix:} names ({@code tcp:}, {@code udp:}, {@code unix:}); none means TCP. */
    public static Transport ofAddress(String text) {
        for (Transport transport : values()) {
            if (text.regionMatches(true, 0, transport.id() + ":", 0, transport.id().length() + 1)) {
                return transport;
            }
        }
        return TCP;
    }

    /** The address without its transport prefix: {@code host:port} or a path. */
    public static String stripPrefix(String text) {
        Transport transport = ofAddress(text);
        String prefix = transport.id() + ":";
        return text.regionMatches(true, 0, prefix, 0, prefix.length()) ? text.substring(prefix.length()) : text;
    }

    /** Parses a transport id ({@code tcp}, {@code udp}, {@code unix}); the exception message is a one-line user error. */
    public static Transport parse(String id) {
        for (Transport transport : values()) {
            if (transport.id().equalsIgnoreCase(id)) {
                return transport;
            }
        }
        throw new IllegalArgumentException("unknown transport '" + id + "' (known: "
                + Arrays.stream(values()).map(Transport::id).collect(Collectors.joining(", ")) + ")");
    }

    /**
     * How {@code address} is written with this transport: {@code 127.0.0.1:8080} for TCP (unprefixed, as READY
     * has always printed it), {@code udp:127.0.0.1:8080}, {@code unix:/abs/path}.
     */
    public String format(SocketAddress address) {
        return switch (address) {
            case UnixDomainSocketAddress unix -> "unix:" + unix.getPath();
            case InetSocketAddress inet -> (this == TCP ? "" : id() + ":") + hostAndPort(inet);
            default -> throw new IllegalArgumentException("not an address of " + id() + ": " + address);
        };
    }

    private static String hostAndPort(InetSocketAddress address) {
        if (address.getAddress() == null) {
            return address.getHostString() + ":" + address.getPort(); // unresolved: as it was given
        }
        String host = address.getAddress().getHostAddress();
        return (address.getAddress() instanceof Inet6Address ? "[" + host + "]" : host) + ":" + address.getPort();
    }
}
