package io.reactorbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.reactorbench.cli.ReportCliFixture.Outcome;
import io.reactorbench.k8s.ManifestYaml;
import io.reactorbench.results.Results;
import io.reactorbench.results.RunManifest;
import io.reactorbench.results.RunStatus;
import io.reactorbench.results.load.LoadJson;
import io.reactorbench.results.load.LoadResult;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 20's manifests run without a cluster: {@code reactorbench k8s}'s coordinator and K = 3 agents as separate
 * local processes, each started with its container's command, args and env read from the generated objects
 * ({@link LocalPod}), against a loopback echo server. Substituted is only what Kubernetes supplies: the agents'
 * {@code JOB_COMPLETION_INDEX}, the mounted ConfigMap and Secret files, the results volume, the Service's address,
 * the pod's listening address and the image's {@code reactorbench}.
 */
@Timeout(240)
class K8sEndToEndTest {

    private static final Pattern LISTENING = Pattern.compile("listening on 127\\.0\\.0\\.1:(\\d+)");
    private static final long EXIT_WAIT_MS = 120_000;
    private static final int AGENTS = 3;

    @RegisterExtension
    final LoadCliFixture echo = new LoadCliFixture();

    @TempDir
    Path dir;

    private final List<LocalProcess> processes = new ArrayList<>();

    @AfterEach
    void stopAll() throws InterruptedException {
        for (LocalProcess process : processes) {
            process.close();
        }
    }

    @Test
    void shouldRunTheGeneratedCoordinatorAndAgentsToOneResultThatCountsWhatTheAgentsCounted() throws Exception {
        Outcome generated = ReportCliFixture.execute("k8s", "--agents", String.valueOf(AGENTS), "--name", "e2e",
                "--target", echo.target(), "--connections", "6", "--rate", "300", "--warmup", "1s", "--duration", "3s",
                "--threads", "1", "--poller", "nio", "--progress", "none", "--open-files", "4096",
                "--results-hold", "0s", "--ready-deadline", "90s");
        assertThat(generated.exitCode()).as(generated.err()).isZero();
        List<HasMetadata> objects = ManifestYaml.read(generated.out());
        List<ConfigMap> configMaps = only(objects, ConfigMap.class);
        List<Secret> secrets = only(objects, Secret.class);
        Service service = only(objects, Service.class).getFirst();
        ServicePort servicePort = service.getSpec().getPorts().getFirst();
        Job coordinatorJob = job(objects, service.getMetadata().getName());
        Job agentJob = only(objects, Job.class).stream().filter(j -> "Indexed".equals(j.getSpec().getCompletionMode()))
                .findFirst().orElseThrow();
        int containerPort = coordinatorJob.getSpec().getTemplate().getSpec().getContainers().getFirst().getPorts()
                .getFirst().getContainerPort();

        // The coordinator listens on its pod's addresses; here on loopback, on a port the kernel picks.
        LocalPod coordinatorPod = LocalPod.of(coordinatorJob, configMaps, secrets, dir.resolve("coordinator"),
                Map.of("0.0.0.0:" + containerPort, "127.0.0.1:0"), Map.of());
        LocalProcess coordinator = started(coordinatorPod, "coordinator");
        Optional<Matcher> listening = coordinator.awaitOutput(LISTENING, 60_000);
        assertThat(listening).as("the coordinator never listened: " + coordinator.output()).isPresent();
        String serviceAddress = "127.0.0.1:" + listening.get().group(1);

        List<LocalProcess> agents = new ArrayList<>();
        for (int index = 0; index < agentJob.getSpec().getCompletions(); index++) {
            LocalPod agentPod = LocalPod.of(agentJob, configMaps, secrets, dir.resolve("agent-" + index),
                    Map.of(service.getMetadata().getName() + ":" + servicePort.getPort(), serviceAddress),
                    Map.of("JOB_COMPLETION_INDEX", String.valueOf(index)));
            assertThat(agentPod.commandLine()).startsWith("sh", "-c");
            agents.add(started(agentPod, "agent-" + index));
        }

        assertThat(coordinator.awaitExit(EXIT_WAIT_MS)).as(coordinator.output()).isZero();
        for (LocalProcess agent : agents) {
            assertThat(agent.awaitExit(EXIT_WAIT_MS)).as(agent.output()).isZero();
        }
        Path out = resultsDir(coordinatorPod);
        RunManifest run = Results.readRun(out);
        assertThat(run.status()).isEqualTo(RunStatus.COMPLETE);
        Path cell = out.resolve(run.cells().getFirst().dir());
        LoadResult merged = LoadJson.read(cell.resolve("load.json"));
        long agentsRequests = 0;
        long agentsCorrected = 0;
        for (int index = 0; index < AGENTS; index++) {
            LoadResult agent = LoadJson.read(cell.resolve("agents/agent-" + index + ".json"));
            assertThat(agent.requests()).as("agent %d", index).isPositive();
            agentsRequests += agent.requests();
            agentsCorrected += agent.latencyNs().corrected().count();
        }
        assertThat(merged.errors().total()).as(merged.firstErrors().toString()).isZero();
        assertThat(merged.requests()).isEqualTo(agentsRequests);
        assertThat(merged.latencyNs().corrected().count()).isEqualTo(agentsCorrected);
        assertThat(merged.coordination().missingAgents()).isEmpty();
    }

    private LocalProcess started(LocalPod pod, String name) throws java.io.IOException {
        LocalProcess process = pod.start(dir.resolve(name + ".log"));
        processes.add(process);
        return process;
    }

    /** Where the coordinator's {@code --out} landed: its argument, as mapped onto the results volume here. */
    private static Path resultsDir(LocalPod coordinator) {
        List<String> line = coordinator.commandLine();
        return Path.of(line.get(line.indexOf("--out") + 1));
    }

    private static <T extends HasMetadata> List<T> only(List<HasMetadata> objects, Class<T> kind) {
        return objects.stream().filter(kind::isInstance).map(kind::cast).toList();
    }

    private static Job job(List<HasMetadata> objects, String name) {
        return only(objects, Job.class).stream().filter(j -> j.getMetadata().getName().equals(name)).findFirst()
                .orElseThrow();
    }
}
