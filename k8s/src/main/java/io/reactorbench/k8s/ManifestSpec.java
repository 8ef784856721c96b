package io.reactorbench.k8s;

import io.fabric8.kubernetes.api.model.Quantity;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What one distributed run on Kubernetes asks for, validated once here.
 *
 * @param name prefix of every object's name (a DNS label short enough for {@code <name>-coordinator})
 * @param namespace the objects' namespace; null leaves it to {@code kubectl apply -n}
 * @param image the container image with {@code reactorbench} on its PATH (k8s/Dockerfile builds one)
 * @param agents K, the agent pods of the Indexed Job
 * @param loadArgs the load options every agent and the coordinator read from the {@code @}-file, e.g.
 *        {@code --target svc:8080 --connections 30k --rate 60k}
 * @param token the run's shared secret ({@link RunToken#fresh()})
 * @param cpu each agent's CPU request and limit, a Kubernetes quantity ({@code 2}, {@code 1500m})
 * @param memory each agent's memory request and limit ({@code 2Gi})
 * @param openFiles the open-file limit the agent raises itself to before it starts
 * @param resultsPvc a PersistentVolumeClaim to write the results to; null for an emptyDir
 * @param resultsHoldSeconds how long the coordinator's pod stays up after the run so {@code kubectl cp} can copy an
 *        emptyDir's results (a finished pod cannot be copied from)
 * @param readyDeadline how long the coordinator waits for all agents, as {@code coordinate --ready-deadline} takes it
 */
public record ManifestSpec(String name, String namespace, String image, int agents, List<String> loadArgs, String token,
        String cpu, String memory, int openFiles, String resultsPvc, long resultsHoldSeconds, String readyDeadline) {

    /** Kubernetes caps a name at 63; the longest suffix here is "-coordinator". */
    public static final int MAX_NAME_LENGTH = 63 - "-coordinator".length();
    /** An Indexed Job's completions are capped at 100,000 by the API server. */
    public static final int MAX_AGENTS = 100_000;
    /** Service names are DNS-1035 labels (a letter first); object names here all follow the stricter rule. */
    private static final Pattern DNS_1035_LABEL = Pattern.compile("[a-z]([-a-z0-9]*[a-z0-9])?");
    private static final Pattern DNS_1123_LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?");
    private static final Pattern DNS_1123_SUBDOMAIN = Pattern.compile("[a-z0-9]([-a-z0-9.]*[a-z0-9])?");

    public ManifestSpec {
        if (name == null || name.length() > MAX_NAME_LENGTH || !DNS_1035_LABEL.matcher(name).matches()) {
            throw new IllegalArgumentException("bad --name '" + name + "' (lower-case letters, digits and '-', a letter"
                    + " first, at most " + MAX_NAME_LENGTH + " characters)");
        }
        if (namespace != null && (namespace.length() > 63 || !DNS_1123_LABEL.matcher(namespace).matches())) {
            throw new IllegalArgumentException("bad --namespace '" + namespace + "' (a DNS label: lower-case letters,"
                    + " digits and '-', at most 63 characters)");
        }
        if (image == null || image.isBlank() || image.chars().anyMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException("bad --image '" + image + "'");
        }
        if (agents < 1 || agents > MAX_AGENTS) {
            throw new IllegalArgumentException("--agents must be between 1 and " + MAX_AGENTS + ", not " + agents);
        }
        requireQuantity("--cpu", cpu);
        requireQuantity("--memory", memory);
        if (openFiles < 1024) {
            throw new IllegalArgumentException("--open-files must be at least 1024, not " + openFiles);
        }
        if (resultsPvc != null && (resultsPvc.length() > 253 || !DNS_1123_SUBDOMAIN.matcher(resultsPvc).matches())) {
            throw new IllegalArgumentException("bad --results-pvc '" + resultsPvc + "' (a PersistentVolumeClaim name)");
        }
        if (resultsHoldSeconds < 0) {
            throw new IllegalArgumentException("--results-hold must not be negative");
        }
        loadArgs = List.copyOf(loadArgs);
    }

    private static void requireQuantity(String option, String text) {
        try {
            if (text == null || Quantity.getAmountInBytes(new Quantity(text)).signum() <= 0) {
                throw new IllegalArgumentException("not positive");
            }
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("bad " + option + " '" + text + "' (a Kubernetes quantity such as 2,"
                    + " 1500m or 2Gi)");
        }
    }

    public String loadConfigMapName() {
        return name + "-load";
    }

    public String tokenSecretName() {
        return name + "-token";
    }

    /** The coordinator's Service and Job: the agents reach it by this name. */
    public String coordinatorName() {
        return name + "-coordinator";
    }

    public String agentJobName() {
        return name + "-agents";
    }
}
