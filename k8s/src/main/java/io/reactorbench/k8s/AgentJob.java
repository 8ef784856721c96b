package io.reactorbench.k8s;

import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import io.fabric8.kubernetes.api.model.ResourceRequirementsBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobBuilder;
import java.util.Map;

/**
 * The agents: an Indexed Job of K pods, each running {@code reactorbench load} as agent {@code $JOB_COMPLETION_INDEX}
 * of K (the Job controller sets that variable; the manifest does not).
 */
public final class AgentJob {

    public static final String CONTAINER = "agent";
    /**
     * The widest ephemeral port range: 64,512 source ports per destination address. It is a namespaced sysctl on the
     * kubelet's safe list, so it needs no node configuration, and it cannot be set with hostNetwork (not used here).
     */
    public static final String PORT_RANGE_SYSCTL = "net.ipv4.ip_local_port_range";
    public static final String PORT_RANGE = "1024 65535";
    /** Spread over nodes by this label: one node's NIC, ports and conntrack table are what one agent would exhaust. */
    public static final String SPREAD_TOPOLOGY_KEY = "kubernetes.io/hostname";

    private AgentJob() {
    }

    public static Job build(ManifestSpec spec) {
        Map<String, String> podLabels = RunLabels.of(spec, RunLabels.AGENT);
        return new JobBuilder()
                .withNewMetadata().withName(spec.agentJobName()).withNamespace(spec.namespace())
                    .withLabels(podLabels).endMetadata()
                .withNewSpec()
                    .withCompletionMode("Indexed")
                    .withCompletions(spec.agents())
                    .withParallelism(spec.agents())
                    // A restarted agent would register again under an index the coordinator has already seen and be
                    // refused: a failed agent is reported by the coordinator, never retried.
                    .withBackoffLimit(0)
                    .withNewTemplate()
                        .withNewMetadata().withLabels(podLabels).endMetadata()
                        .withNewSpec()
                            .withRestartPolicy("Never")
                            .withNewSecurityContext()
                                .addNewSysctl().withName(PORT_RANGE_SYSCTL).withValue(PORT_RANGE).endSysctl()
                            .endSecurityContext()
                            .addNewTopologySpreadConstraint()
                                .withMaxSkew(1)
                                .withTopologyKey(SPREAD_TOPOLOGY_KEY)
                                // Pending rather than packed: the ready deadline then names who is missing.
                                .withWhenUnsatisfiable("DoNotSchedule")
                                .withNewLabelSelector().withMatchLabels(podLabels).endLabelSelector()
                            .endTopologySpreadConstraint()
                            .addNewContainer()
                                .withName(CONTAINER)
                                .withImage(spec.image())
                                .withCommand(OpenFileLimit.command(spec.openFiles()))
                                .withArgs(AgentContract.agentArgs(spec.agents(), spec.coordinatorName()))
                                .withResources(resources(spec))
                                .withVolumeMounts(ContractVolumes.mounts())
                            .endContainer()
                            .withVolumes(ContractVolumes.volumes(spec))
                        .endSpec()
                    .endTemplate()
                .endSpec()
                .build();
    }

    /** Requests equal limits (Guaranteed QoS): a throttled or evicted agent would measure itself, not the server. */
    private static ResourceRequirements resources(ManifestSpec spec) {
        Map<String, Quantity> amounts = RunLabels.sorted(Map.of("cpu", new Quantity(spec.cpu()), "memory",
                new Quantity(spec.memory())));
        return new ResourceRequirementsBuilder().withRequests(amounts).withLimits(amounts).build();
    }
}
