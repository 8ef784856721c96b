package io.reactorbench.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.TopologySpreadConstraint;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The manifests as Kubernetes tooling reads them: written to YAML, parsed back by fabric8 into typed objects. */
class RunManifestsTest {

    private static final String TOKEN = RunToken.fresh();

    private static ManifestSpec spec(int agents, String resultsPvc, long holdSeconds) {
        return new ManifestSpec("bench", "load", "registry.example/reactorbench:1", agents,
                List.of("--target", "echo.bench.svc:7000", "--connections", "30k", "--threshold", "p99<5ms"), TOKEN,
                "2", "3Gi", 200_000, resultsPvc, holdSeconds, "300s");
    }

    private static List<HasMetadata> roundTrip(ManifestSpec spec) {
        String yaml = ManifestYaml.write(RunManifests.build(spec));
        assertThat(yaml).startsWith("---");
        return ManifestYaml.read(yaml);
    }

    @Test
    void shouldParseBackAsTheFiveTypedObjectsInApplyOrder() {
        List<HasMetadata> objects = roundTrip(spec(3, null, 600));

        assertThat(objects).extracting(HasMetadata::getKind)
                .containsExactly("Secret", "ConfigMap", "Service", "Job", "Job");
        assertThat(objects).extracting(o -> o.getMetadata().getName())
                .containsExactly("bench-token", "bench-load", "bench-coordinator", "bench-coordinator", "bench-agents");
        assertThat(objects).allSatisfy(o -> {
            assertThat(o.getMetadata().getNamespace()).isEqualTo("load");
            assertThat(o.getMetadata().getLabels()).containsEntry(RunLabels.INSTANCE, "bench");
        });
        assertThat(objects.get(3)).isInstanceOf(Job.class);
        assertThat(objects.get(3).getApiVersion()).isEqualTo("batch/v1");
    }

    @Test
    void shouldRunTheAgentsAsAnIndexedJobOfKPodsThatNeverRetry() {
        Job agents = (Job) roundTrip(spec(3, null, 600)).get(4);

        assertThat(agents.getSpec().getCompletionMode()).isEqualTo("Indexed");
        assertThat(agents.getSpec().getCompletions()).isEqualTo(3);
        assertThat(agents.getSpec().getParallelism()).isEqualTo(3);
        assertThat(agents.getSpec().getBackoffLimit()).isZero();
        PodSpec pod = agents.getSpec().getTemplate().getSpec();
        assertThat(pod.getRestartPolicy()).isEqualTo("Never");
        Container agent = pod.getContainers().getFirst();
        assertThat(agent.getCommand()).containsExactly("sh", "-c",
                "ulimit -n 200000 && exec reactorbench \"$@\"", "reactorbench");
        assertThat(agent.getArgs()).containsExactly("load", "@/etc/reactorbench/load.args", "--shard-count", "3",
                "--coordinator", "bench-coordinator:7700", "--token-file", "/etc/reactorbench/token/token",
                "--allow-remote");
        // The shard index is the Job controller's to set, not the manifest's.
        assertThat(agent.getEnv()).noneMatch(e -> e.getName().equals(AgentContract.INDEX_ENV));
    }

    @Test
    void shouldGiveEachAgentItsPortRangeLimitsAndANodeOfItsOwn() {
        Job agents = (Job) roundTrip(spec(3, null, 600)).get(4);
        PodSpec pod = agents.getSpec().getTemplate().getSpec();

        assertThat(pod.getSecurityContext().getSysctls()).singleElement().satisfies(s -> {
            assertThat(s.getName()).isEqualTo("net.ipv4.ip_local_port_range");
            assertThat(s.getValue()).isEqualTo("1024 65535");
        });
        var resources = pod.getContainers().getFirst().getResources();
        assertThat(resources.getLimits()).containsEntry("cpu", new Quantity("2")).containsEntry("memory", new Quantity("3Gi"));
        assertThat(resources.getRequests()).isEqualTo(resources.getLimits());
        TopologySpreadConstraint spread = pod.getTopologySpreadConstraints().getFirst();
        assertThat(spread.getTopologyKey()).isEqualTo("kubernetes.io/hostname");
        assertThat(spread.getMaxSkew()).isEqualTo(1);
        assertThat(spread.getWhenUnsatisfiable()).isEqualTo("DoNotSchedule");
        // The selector must pick exactly the agents' pods, or the spread counts the wrong pods.
        assertThat(agents.getSpec().getTemplate().getMetadata().getLabels())
                .containsAllEntriesOf(spread.getLabelSelector().getMatchLabels());
        assertThat(spread.getLabelSelector().getMatchLabels()).containsEntry(RunLabels.COMPONENT, RunLabels.AGENT);
    }

    @Test
    void shouldMountTheLoadOptionsAndTheTokenInBothPodsFromTheRunsOwnObjects() {
        List<HasMetadata> objects = roundTrip(spec(3, null, 600));
        Secret secret = (Secret) objects.get(0);
        ConfigMap load = (ConfigMap) objects.get(1);

        String token = new String(Base64.getDecoder().decode(secret.getData().get("token")), StandardCharsets.US_ASCII);
        assertThat(token).isEqualTo(TOKEN);
        assertThat(load.getData().get("load.args"))
                .isEqualTo("--target echo.bench.svc:7000\n--connections 30k\n--threshold p99<5ms\n");
        for (Job job : List.of((Job) objects.get(3), (Job) objects.get(4))) {
            PodSpec pod = job.getSpec().getTemplate().getSpec();
            assertThat(pod.getVolumes()).extracting(Volume::getSecret).filteredOn(s -> s != null)
                    .singleElement().satisfies(s -> assertThat(s.getSecretName()).isEqualTo("bench-token"));
            assertThat(pod.getVolumes()).extracting(Volume::getConfigMap).filteredOn(c -> c != null)
                    .singleElement().satisfies(c -> assertThat(c.getName()).isEqualTo("bench-load"));
            Map<String, VolumeMount> mounts = pod.getContainers().getFirst().getVolumeMounts().stream()
                    .collect(java.util.stream.Collectors.toMap(VolumeMount::getMountPath, m -> m));
            assertThat(mounts.get("/etc/reactorbench/load.args").getSubPath()).isEqualTo("load.args");
            assertThat(mounts.get("/etc/reactorbench/token").getReadOnly()).isTrue();
        }
    }

    @Test
    void shouldServeTheCoordinatorOnItsPortToItsOwnPodOnly() {
        List<HasMetadata> objects = roundTrip(spec(3, null, 600));
        Service service = (Service) objects.get(2);
        Job coordinator = (Job) objects.get(3);
        PodSpec pod = coordinator.getSpec().getTemplate().getSpec();

        assertThat(service.getSpec().getType()).isEqualTo("ClusterIP");
        assertThat(service.getSpec().getPorts()).singleElement().satisfies(p -> assertThat(p.getPort()).isEqualTo(7700));
        assertThat(coordinator.getSpec().getTemplate().getMetadata().getLabels())
                .containsAllEntriesOf(service.getSpec().getSelector());
        assertThat(service.getSpec().getSelector()).containsEntry(RunLabels.COMPONENT, RunLabels.COORDINATOR);
        assertThat(coordinator.getSpec().getBackoffLimit()).isZero();
        assertThat(pod.getRestartPolicy()).isEqualTo("Never");
        assertThat(pod.getContainers().getFirst().getArgs()).containsExactly("coordinate",
                "@/etc/reactorbench/load.args", "--agents", "3", "--listen", "0.0.0.0:7700", "--token-file",
                "/etc/reactorbench/token/token", "--out", "/results/bench", "--ready-deadline", "300s");
        assertThat(pod.getVolumes()).filteredOn(v -> v.getName().equals("results")).singleElement()
                .satisfies(v -> assertThat(v.getEmptyDir()).isNotNull());
    }

    @Test
    void shouldWriteResultsToTheClaimGivenAndExecTheCoordinatorWithoutAHold() {
        Job coordinator = (Job) roundTrip(spec(2, "bench-results", 0)).get(3);
        PodSpec pod = coordinator.getSpec().getTemplate().getSpec();

        assertThat(pod.getVolumes()).filteredOn(v -> v.getName().equals("results")).singleElement()
                .satisfies(v -> assertThat(v.getPersistentVolumeClaim().getClaimName()).isEqualTo("bench-results"));
        assertThat(pod.getContainers().getFirst().getCommand()).containsExactly("reactorbench");
    }

    @Test
    void shouldKeepTheCoordinatorUpForTheHoldAndExitWithItsStatus() {
        Job coordinator = (Job) roundTrip(spec(2, null, 600)).get(3);

        List<String> command = coordinator.getSpec().getTemplate().getSpec().getContainers().getFirst().getCommand();
        assertThat(command).hasSize(4).startsWith("sh", "-c");
        assertThat(command.get(2)).startsWith("reactorbench \"$@\"; status=$?;").contains("sleep 600;")
                .endsWith("exit $status");
    }
}
