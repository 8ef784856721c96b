package io.reactorbench.loadgen;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;

/** Parses targets ({@code host:port}, comma lists) and source address ranges, and tells loopback apart. */
public final class Endpoints {

    /** Upper bound on a source range: more addresses than this is almost certainly a typo. */
    private static final int MAX_SOURCES = 65_536;

    private Endpoints() {
    }

    /** Each element may itself be a comma-separated list; {@code [::1]:8080} and {@code ::1:8080} both work. */
    public static List<InetSocketAddress> parseTargets(List<String> texts) {
        List<InetSocketAddress> targets = new ArrayList<>();
        for (String text : texts) {
            for (String part : text.split(",")) {
                if (!part.isBlank()) {
                    targets.add(parseTarget(part.trim()));
                }
            }
        }
        return targets;
    }

    public static InetSocketAddress parseTarget(String text) {
        int colon = text.lastIndexOf(':');
        if (colon <= 0 || colon == text.length() - 1) {
            throw new IllegalArgumentException("bad target '" + text + "' (expected host:port)");
        }
        String host = text.substring(0, colon);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        int port;
        try {
            port = Integer.parseInt(text.substring(colon + 1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("bad port in target '" + text + "'");
        }
        if (port < 1 || port > 65_535) {
            throw new IllegalArgumentException("port out of range in target '" + text + "'");
        }
        return new InetSocketAddress(resolve(host, text), port);
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
