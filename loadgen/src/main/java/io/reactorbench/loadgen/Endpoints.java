package io.reactorbench.loadgen;

import java.net.Inet4Address;
import java.net.InetAddress;
import io.reactorbench.wire.spi.HostPort;
import io.reactorbench.wire.spi.Transport;
import java.net.InetSocketAddress;
import java.net.UnixDomainSocketAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Parses targets ({@code host:port}, {@code udp:host:port}, {@code unix:path}, comma lists) and source address
 * ranges, and tells loopback apart.
 */
public final class Endpoints {

    /** Upper bound on a source range: more addresses than this is almost certainly a typo. */
    private static final int MAX_SOURCES = 65_536;

    private Endpoints() {
    }

    /**
     * Each element may itself be a comma-separated list; {@code [::1]:8080} and {@code ::1:8080} both work. One run
     * drives one transport: a list that mixes them is refused.
     */
    public static List<Target> parseTargets(List<String> texts) {
        List<Target> targets = new ArrayList<>();
        for (String text : texts) {
            for (String part : text.split(",")) {
                if (!part.isBlank()) {
                    targets.add(parseTarget(part.trim()));
                }
            }
        }
        if (targets.stream().map(Target::transport).distinct().count() > 1) {
            throw new IllegalArgumentException("targets mix transports (" + String.join(", ",
                    targets.stream().map(Target::text).toList()) + "): one run drives one transport");
        }
        return targets;
    }

    /** {@code host:port} or {@code tcp:host:port}, {@code udp:host:port}, {@code unix:path}. */
    public static Target parseTarget(String text) {
        Transport transport = Transport.ofAddress(text);
        String rest = Transport.stripPrefix(text);
        if (transport == Transport.UNIX) {
            if (rest.isBlank()) {
                throw new IllegalArgumentException("bad target '" + text + "' (expected unix:PATH)");
            }
            return new Target(transport, UnixDomainSocketAddress.of(Path.of(rest).toAbsolutePath().normalize()));
        }
        return new Target(transport, parseHostPort(rest, text));
    }

    private static InetSocketAddress parseHostPort(String hostPort, String text) {
        HostPort parsed;
        try {
            parsed = HostPort.parse(hostPort);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("bad target '" + text + "' (" + e.getMessage()
                    + "; targets are host:port, udp:host:port or unix:path)");
        }
        if (parsed.port() == 0) {
            throw new IllegalArgumentException("port out of range in target '" + text + "'");
        }
        return new InetSocketAddress(resolve(parsed.host(), text), parsed.port());
    }

    /** {@code 127.0.0.2-127.0.0.40} (IPv4 range, inclusive), a single address, or a comma list of either. */
    public static List<InetAddress> parseSources(String text) {
        List<InetAddress> sources = new ArrayList<>();
        for (String part : text.split(",")) {
            String p = part.trim();
            if (p.isEmpty()) {
                continue;
            }
            int dash = p.indexOf('-');
            if (dash < 0) {
                sources.add(resolve(p, text));
                continue;
            }
            InetAddress from = resolve(p.substring(0, dash).trim(), text);
            InetAddress to = resolve(p.substring(dash + 1).trim(), text);
            if (!(from instanceof Inet4Address) || !(to instanceof Inet4Address)) {
                throw new IllegalArgumentException("source ranges must be IPv4: '" + p + "'");
            }
            long a = toUnsigned(from);
            long b = toUnsigned(to);
            if (b < a || b - a >= MAX_SOURCES) {
                throw new IllegalArgumentException("bad source range '" + p + "'");
            }
            for (long v = a; v <= b; v++) {
                sources.add(fromUnsigned(v));
            }
        }
        if (sources.isEmpty()) {
            throw new IllegalArgumentException("empty source list '" + text + "'");
        }
        return sources;
    }

    /** 127.0.0.0/8, ::1 (and IPv4-mapped loopback). */
    public static boolean isLoopback(InetAddress address) {
        return address.isLoopbackAddress();
    }

    private static InetAddress resolve(String host, String context) {
        try {
            return InetAddress.getByName(host);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("unknown host '" + host + "' in '" + context + "'");
        }
    }

    private static long toUnsigned(InetAddress address) {
        byte[] b = address.getAddress();
        return ((b[0] & 0xffL) << 24) | ((b[1] & 0xffL) << 16) | ((b[2] & 0xffL) << 8) | (b[3] & 0xffL);
    }

    private static InetAddress fromUnsigned(long v) {
        byte[] b = {(byte) (v >>> 24), (byte) (v >>> 16), (byte) (v >>> 8), (byte) v};
        try {
            return InetAddress.getByAddress(b);
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }
}
