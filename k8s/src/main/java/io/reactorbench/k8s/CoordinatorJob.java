package io.reactorbench.k8s;

import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeBuilder;
import io.fabric8.kubernetes.api.model.VolumeMountBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The coordinator: a Job of one pod running {@code reactorbench coordinate}, and the ClusterIP Service the agents
 * reach it by. It writes the results directory to {@code /results/<name>}: on an emptyDir, kept for
 * {@code resultsHoldSeconds} after the run so that {@code kubectl cp} can copy it, or on the PersistentVolumeClaim
 * given (where each run needs a name of its own: the coordinator refuses a directory that exists).
 */
public final class CoordinatorJob {

    public static final String CONTAINER = "coordinator";
    static final String RESULTS_VOLUME = "results";
    /** Merging K agents' interval histograms is light work; one CPU and 1 GiB hold it with room to spare. */
    private static final Map<String, Quantity> RESOURCES = RunLabels.sorted(Map.of("cpu", new Quantity("1"),
            "memory", new Quantity("1Gi")));

    private CoordinatorJob() {
    }

    public static Job build(ManifestSpec spec) {
        Map<String, String> podLabels = RunLabels.of(spec, RunLabels.COORDINATOR);
        List<Volume> volumes = new ArrayList<>(ContractVolumes.volumes(spec));
        volumes.add(resultsVolume(spec));
        var mounts = new ArrayList<>(ContractVolumes.mounts());
        mounts.add(new VolumeMountBuilder().withName(RESULTS_VOLUME).withMountPath(AgentContract.RESULTS_DIR).build());
        return new JobBuilder()
                .withNewMetadata().withName(spec.coordinatorName()).withNamespace(spec.namespace())
                    .withLabels(podLabels).endMetadata()
                .withNewSpec()
                    .withCompletions(1)
                    .withParallelism(1)
                    // A second coordinator would wait for agents that have already given up on the first.
                    .withBackoffLimit(0)
                    .withNewTemplate()
                        .withNewMetadata().withLabels(podLabels).endMetadata()
                        .withNewSpec()
                            .withRestartPolicy("Never")
                            .addNewContainer()
                                .withName(CONTAINER)
                                .withImage(spec.image())
                                .withCommand(ResultsHold.command(spec.resultsHoldSeconds(), spec.name()))
                                .withArgs(AgentContract.coordinatorArgs(spec.agents(), spec.readyDeadline(),
                                        spec.name()))
                                .addNewPort().withName(CONTAINER).withContainerPort(AgentContract.COORDINATOR_PORT)
                                    .endPort()
                                // The Service sends agents here only once the coordinator listens.
                                .withNewReadinessProbe()
                                    .withNewTcpSocket().withPort(new IntOrString(AgentContract.COORDINATOR_PORT))
                                    .endTcpSocket()
                                    .withPeriodSeconds(1)
                                .endReadinessProbe()
                                .withNewResources().withRequests(RESOURCES).withLimits(RESOURCES).endResources()
                                .withVolumeMounts(mounts)
                            .endContainer()
                            .withVolumes(volumes)
                        .endSpec()
                    .endTemplate()
                .endSpec()
                .build();
    }

    /** ClusterIP, named as the agents' {@code --coordinator HOST} says. */
    public static Service service(ManifestSpec spec) {
        return new ServiceBuilder()
                .withNewMetadata().withName(spec.coordinatorName()).withNamespace(spec.namespace())
                    .withLabels(RunLabels.of(spec, RunLabels.COORDINATOR)).endMetadata()
                .withNewSpec()
                    .withType("ClusterIP")
                    .withSelector(RunLabels.of(spec, RunLabels.COORDINATOR))
                    .addNewPort().withName(CONTAINER).withProtocol("TCP").withPort(AgentContract.COORDINATOR_PORT)
                        .withTargetPort(new IntOrString(AgentContract.COORDINATOR_PORT)).endPort()
                .endSpec()
                .build();
    }

    private static Volume resultsVolume(ManifestSpec spec) {
        VolumeBuilder volume = new VolumeBuilder().withName(RESULTS_VOLUME);
        return spec.resultsPvc() == null ? volume.withNewEmptyDir().endEmptyDir().build()
                : volume.withNewPersistentVolumeClaim().withClaimName(spec.resultsPvc()).endPersistentVolumeClaim()
                        .build();
    }
}
