package io.reactorbench.wire.spi;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** The registry of designs on the class path, found through {@link ServiceLoader}. */
public final class ServerDesigns {

    private ServerDesigns() {
    }

    /** Every design on the class path, sorted by id. */
    public static List<ServerDesign> all() {
        List<ServerDesign> designs = new ArrayList<>();
        ServiceLoader.load(ServerDesign.class).forEach(designs::add);
        designs.sort(Comparator.comparing(ServerDesign::id));
        return designs;
    }

    public static Optional<ServerDesign> find(String id) {
        return all().stream().filter(d -> d.id().equals(id)).findFirst();
    }

    /** Like {@link #find} but fails with a one-line message listing the known ids. */
    public static ServerDesign require(String id) {
        return find(id).orElseThrow(() -> new IllegalArgumentException(
                "unknown server design '" + id + "' (known: " + String.join(", ", ids()) + ")."
                        + NearestName.hint(id, ids())));
    }

    public static Set<String> ids() {
        Set<String> ids = new TreeSet<>();
        all().forEach(d -> ids.add(d.id()));
        return ids;
    }

    /** Rejects a transport the design cannot listen on, with a one-line message naming those it can. */
    public static void checkTransport(ServerDesign design, ServerConfig config) {
        if (!design.transports().contains(config.transport())) {
            throw new IllegalArgumentException("design " + design.id() + " cannot listen on " + config.transport().id()
                    + " (it serves: " + transportList(design) + ")");
        }
        if (config.flag(ServerConfig.REUSE_PORT) && config.transport() == Transport.UNIX) {
            throw new IllegalArgumentException("reuse-port shares a tcp or udp port; a Unix-domain socket path has one"
                    + " listener: drop reuse-port");
        }
        if (config.transport() == Transport.UDP && config.app() != App.ECHO) {
            throw new IllegalArgumentException("udp serves the echo app only (one datagram per request), not "
                    + config.app().id());
        }
    }

    /** The design's transports in declaration order, e.g. {@code tcp, udp, unix}. */
    public static String transportList(ServerDesign design) {
        return design.transports().stream().sorted().map(Transport::id).collect(Collectors.joining(", "));
    }

    /** Rejects option keys the design does not declare, with a one-line message. */
    public static void checkOptions(ServerDesign design, ServerConfig config) {
        for (String key : config.options().keySet()) {
            if (key.equals(ServerConfig.REUSE_PORT) && !design.sharesPort()) {
                throw new IllegalArgumentException("design " + design.id() + " cannot share its port with other"
                        + " processes (no SO_REUSEPORT listener): drop reuse-port");
            }
            if (!design.supportedOptions().contains(key)) {
                throw new IllegalArgumentException("design " + design.id() + " has no option '" + key
                        + "'" + (design.supportedOptions().isEmpty() ? "" : " (it has: "
                        + String.join(", ", new TreeSet<>(design.supportedOptions())) + ")"));
            }
        }
    }
}
