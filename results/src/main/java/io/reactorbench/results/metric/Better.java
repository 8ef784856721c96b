package io.reactorbench.results.metric;

/** Which direction of a metric is the better one, for marking the best value and judging changes. */
public enum Better {
    HIGHER,
    LOWER;

    public boolean isBetter(double candidate, double than) {
        return this == HIGHER ? candidate > than : candidate < than;
    }
}
