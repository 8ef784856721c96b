package io.reactorbench.engine;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The load-balancing policies, by the id used in options ({@code lb=least-connections}). */
public enum LoadBalancing {
    ROUND_ROBIN,
    LEAST_CONNECTIONS,
    SOURCE_HASH;

    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static LoadBalancing parse(String id) {
        for (LoadBalancing lb : values()) {
            if (lb.id().equalsIgnoreCase(id)) {
                return lb;
            }
        }
        throw new IllegalArgumentException("unknown load balancing '" + id + "' (known: "
                + Arrays.stream(values()).map(LoadBalancing::id).collect(Collectors.joining(", ")) + ")");
    }
}
