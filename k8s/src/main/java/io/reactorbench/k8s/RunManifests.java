package io.reactorbench.k8s;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * Every object of one distributed run, in the order {@code kubectl apply} should create them: what the pods mount
 * first (token Secret, load ConfigMap), then the coordinator's Service and Job, then the agents' Indexed Job.
 */
public final class RunManifests {

    private RunManifests() {
    }

    public static List<HasMetadata> build(ManifestSpec spec) {
        return List.of(tokenSecret(spec), loadConfigMap(spec), CoordinatorJob.service(spec),
                CoordinatorJob.build(spec), AgentJob.build(spec));
    }

    static Secret tokenSecret(ManifestSpec spec) {
        String base64 = Base64.getEncoder().encodeToString(spec.token().getBytes(StandardCharsets.US_ASCII));
        return new SecretBuilder()
                .withNewMetadata().withName(spec.tokenSecretName()).withNamespace(spec.namespace())
                    .withLabels(RunLabels.of(spec)).endMetadata()
                .withType("Opaque")
                .withData(Map.of(AgentContract.TOKEN_KEY, base64))
                .build();
    }

    static ConfigMap loadConfigMap(ManifestSpec spec) {
        return new ConfigMapBuilder()
                .withNewMetadata().withName(spec.loadConfigMapName()).withNamespace(spec.namespace())
                    .withLabels(RunLabels.of(spec)).endMetadata()
                .withData(Map.of(AgentContract.LOAD_ARGS_KEY, LoadArgsFile.render(spec.loadArgs())))
                .build();
    }
}
