package io.reactorbench.k8s;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Objects to one multi-document YAML ({@code kubectl apply -f} reads it) and back, through fabric8's own serializer:
 * the same writer the Kubernetes client uses, and a parser that maps each document's apiVersion and kind to its model
 * class, so a round trip checks the YAML as Kubernetes tooling reads it.
 */
public final class ManifestYaml {

    private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

    private ManifestYaml() {
    }

    /** Each object a document of its own, each beginning with {@code ---}. */
    public static String write(List<HasMetadata> objects) {
        StringBuilder yaml = new StringBuilder();
        for (HasMetadata object : objects) {
            yaml.append(SERIALIZATION.asYaml(object));
        }
        return yaml.toString();
    }

    /** Every document as its typed model object (a Job as {@code batch/v1 Job}, …), in order. */
    public static List<HasMetadata> read(String yaml) {
        Object parsed = SERIALIZATION.unmarshal(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)));
        if (parsed instanceof List<?> documents) {
            return documents.stream().map(HasMetadata.class::cast).toList();
        }
        return List.of((HasMetadata) parsed);
    }
}
