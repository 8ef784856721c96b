package io.reactorbench.wire.spi;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeSet;

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

    /** Rejects option keys the design does not declare, with a one-line message. */
    public static void checkOptions(ServerDesign design, ServerConfig config) {
        for (String key : config.options().keySet()) {
            if (!design.supportedOptions().contains(key)) {
                throw new IllegalArgumentException("design " + design.id() + " has no option '" + key
                        + "'" + (design.supportedOptions().isEmpty() ? "" : " (it has: "
                        + String.join(", ", new TreeSet<>(design.supportedOptions())) + ")"));
            }
        }
    }
}
