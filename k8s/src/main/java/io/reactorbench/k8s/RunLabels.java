package io.reactorbench.k8s;

import java.util.Collections;
import java.util.TreeMap;
import java.util.Map;

/**
 * The labels on every object of one run (Kubernetes' recommended {@code app.kubernetes.io/*} keys): the run's name
 * as instance, and the component that tells the coordinator's pod (the Service's selector) from the agents' (the
 * spread constraint's selector).
 */
public final class RunLabels {

    public static final String NAME = "app.kubernetes.io/name";
    public static final String INSTANCE = "app.kubernetes.io/instance";
    public static final String COMPONENT = "app.kubernetes.io/component";
    public static final String AGENT = "agent";
    public static final String COORDINATOR = "coordinator";

    private RunLabels() {
    }

    /** Every object of the run: {@code kubectl delete all,cm,secret -l app.kubernetes.io/instance=NAME}. */
    public static Map<String, String> of(ManifestSpec spec) {
        return sorted(Map.of(NAME, "reactorbench", INSTANCE, spec.name()));
    }

    /** The pods of one component of the run. */
    public static Map<String, String> of(ManifestSpec spec, String component) {
        return sorted(Map.of(NAME, "reactorbench", INSTANCE, spec.name(), COMPONENT, component));
    }

    /** Sorted, so that one command prints the same YAML each time ({@code Map.of}'s order varies by JVM run). */
    static <V> Map<String, V> sorted(Map<String, V> map) {
        return Collections.unmodifiableSortedMap(new TreeMap<>(map));
    }
}
