package io.reactorbench.k8s;

import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeBuilder;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.VolumeMountBuilder;
import java.util.List;

/** The two files every pod of a run reads, at the contract's paths: the load options (ConfigMap) and token (Secret). */
final class ContractVolumes {

    static final String LOAD_VOLUME = "load-args";
    static final String TOKEN_VOLUME = "token";
    /** Owner read-only: the token is for the process that runs, nobody else in the container. */
    private static final int TOKEN_FILE_MODE = 0400;

    private ContractVolumes() {
    }

    static List<Volume> volumes(ManifestSpec spec) {
        return List.of(
                new VolumeBuilder().withName(LOAD_VOLUME)
                        .withNewConfigMap().withName(spec.loadConfigMapName()).endConfigMap().build(),
                new VolumeBuilder().withName(TOKEN_VOLUME)
                        .withNewSecret().withSecretName(spec.tokenSecretName()).withDefaultMode(TOKEN_FILE_MODE)
                        .endSecret().build());
    }

    static List<VolumeMount> mounts() {
        return List.of(
                // subPath: one file at the contract's path, not a directory over /etc/reactorbench.
                new VolumeMountBuilder().withName(LOAD_VOLUME).withMountPath(AgentContract.LOAD_ARGS_PATH)
                        .withSubPath(AgentContract.LOAD_ARGS_KEY).withReadOnly(true).build(),
                new VolumeMountBuilder().withName(TOKEN_VOLUME).withMountPath(AgentContract.TOKEN_DIR)
                        .withReadOnly(true).build());
    }
}
