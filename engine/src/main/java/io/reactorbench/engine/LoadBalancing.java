package io.reactorbench.engine;

/** The load-balancing policies, by the id used in options ({@code lb=least-connections}). */
public enum LoadBalancing {
    ROUND_ROBIN,
    LEAST_CONNECTIONS,
    SOURCE_HASH;

    public String id() {
        return OptionIds.id(this);
    }

    public static LoadBalancing parse(String id) {
        return OptionIds.parse(values(), id, "load balancing");
    }
}
