package io.reactorbench.cli;

import io.reactorbench.k8s.AgentCapacity;
import io.reactorbench.k8s.ManifestSpec;
import io.reactorbench.k8s.ManifestYaml;
import io.reactorbench.k8s.OpenFileLimit;
import io.reactorbench.k8s.ResultsHold;
import io.reactorbench.k8s.RunManifests;
import io.reactorbench.k8s.RunToken;
import io.reactorbench.wire.spi.HostPort;
import io.reactorbench.wire.spi.Transport;
import io.reactorbench.wire.units.Durations;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Unmatched;

/**
 * {@code reactorbench k8s}: prints the Kubernetes objects of one distributed load run as one multi-document YAML
 * (token Secret, load ConfigMap, coordinator Service and Job, agents' Indexed Job) for {@code kubectl apply -f}.
 * Every other option is a {@code load} option, checked by {@code load}'s own parser and handed to every pod in the
 * load ConfigMap. Nothing here talks to a cluster.
 */
@Command(name = "k8s", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Prints Kubernetes manifests for a load run spread over K agent pods and one coordinator.",
            "Example: k8s --agents 4 --target echo.bench.svc:7000 --connections 200k --rate 100k --duration 60s"
                + " --threshold 'p99<5ms' > agents.yaml && kubectl apply -f agents.yaml",
            "Options not listed below are load options (see 'load --help'); they go to every agent and the coordinator."
                + " The image must be built and pushed first: docker build -f k8s/Dockerfile -t IMAGE ."
                + " (docs/distributed.md)."})
final class K8sCommand implements Callable<Integer> {

    /**
     * Options the agent contract sets itself, that the coordinator refuses in the shared file (an agent's own files:
     * its results directory holds them), that a pod of one address cannot use, or models that cannot run coordinated.
     */
    private static final List<String> REFUSED_LOAD_OPTIONS = List.of("--shard", "--shard-count", "--start-barrier",
            "--coordinator", "--token-file", "--allow-remote", "--json", "--hlog", "--report-memory", "--source",
            "--url", "--steps", "--rates", "--find");

    @Option(names = "--agents", required = true, paramLabel = "K",
            description = "Agent pods (an Indexed Job of K completions, all running together).")
    int agents;

    @Option(names = "--target", required = true, split = ",", paramLabel = "HOST:PORT",
            description = "The server as the pods reach it (a Service name, a pod IP); udp:HOST:PORT for UDP echo.")
    List<String> targets;

    @Option(names = "--name", defaultValue = "reactorbench",
            description = "Prefix of every object's name (default: ${DEFAULT-VALUE}).")
    String name;

    @Option(names = "--namespace", description = "The objects' namespace (default: none, kubectl's -n or context).")
    String namespace;

    @Option(names = "--image", defaultValue = "reactorbench:0.1.0",
            description = "Container image with reactorbench on its PATH. The default is only a name: build the image"
                    + " (k8s/Dockerfile) and push it where the cluster pulls from, then give its name here.")
    String image;

    @Option(names = "--cpu", defaultValue = "2",
            description = "Each agent's CPU request and limit (default: ${DEFAULT-VALUE}).")
    String cpu;

    @Option(names = "--memory", defaultValue = "2Gi",
            description = "Each agent's memory request and limit (default: ${DEFAULT-VALUE}).")
    String memory;

    @Option(names = "--open-files", paramLabel = "N", converter = UnitConverters.IntCount.class,
            description = "Open-file limit each agent raises itself to with 'ulimit -n' (default "
                    + OpenFileLimit.DEFAULT + "; at most the container runtime's hard limit).")
    Integer openFiles;

    @Option(names = "--results-pvc", paramLabel = "CLAIM",
            description = "Write the results to this PersistentVolumeClaim instead of an emptyDir.")
    String resultsPvc;

    @Option(names = "--results-hold", paramLabel = "DURATION",
            description = "How long the coordinator's pod stays up after the run for 'kubectl cp' (default 10m; 0s"
                    + " with --results-pvc).")
    String resultsHold;

    @Option(names = "--ready-deadline", defaultValue = "300s", paramLabel = "DURATION",
            description = "How long the coordinator waits for all K agents to register and open their connections"
                    + " (default: ${DEFAULT-VALUE}).")
    String readyDeadline;

    @Unmatched
    List<String> loadOptions = new ArrayList<>();

    @Override
    public Integer call() {
        List<String> loadArgs = new ArrayList<>();
        for (String target : targets) {
            loadArgs.add("--target");
            loadArgs.add(checkedTarget(target));
        }
        loadArgs.addAll(loadOptions);
        LoadCommand load = parsedLoadOptions(loadArgs);
        long holdSeconds = resultsHold != null ? seconds("--results-hold", resultsHold)
                : resultsPvc != null ? 0 : ResultsHold.DEFAULT_SECONDS;
        seconds("--ready-deadline", readyDeadline);
        int fileLimit = openFiles == null ? OpenFileLimit.DEFAULT : openFiles;
        ManifestSpec spec;
        try {
            spec = new ManifestSpec(name, namespace, image, agents, loadArgs, RunToken.fresh(), cpu, memory, fileLimit,
                    resultsPvc, holdSeconds, readyDeadline);
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage());
        }
        long connections = load.steps != null ? Collections.max(load.steps) : load.connections;
        String warning = AgentCapacity.of(connections, agents, fileLimit, (int) targets.stream().distinct().count())
                .warning(connections, agents);
        if (warning != null) {
            System.err.println("k8s: warning: " + warning);
        }
        System.out.print(ManifestYaml.write(RunManifests.build(spec)));
        return Main.EXIT_OK;
    }

    /** HOST:PORT or udp:HOST:PORT, not resolved: the name is the cluster's (a Service), not this machine's. */
    private static String checkedTarget(String text) {
        Transport transport = Transport.ofAddress(text);
        if (transport == Transport.UNIX) {
            throw new UserError("bad --target '" + text + "': a Unix-domain socket cannot be reached from another pod");
        }
        try {
            if (HostPort.parse(Transport.stripPrefix(text)).port() == 0) {
                throw new IllegalArgumentException("port 0");
            }
        } catch (IllegalArgumentException e) {
            throw new UserError("bad --target '" + text + "' (" + e.getMessage() + "; expected HOST:PORT)");
        }
        return text;
    }

    /** The load options through load's own parser: an unknown option or bad value is refused here, not in K pods. */
    private static LoadCommand parsedLoadOptions(List<String> loadArgs) {
        for (String arg : loadArgs) {
            for (String refused : REFUSED_LOAD_OPTIONS) {
                if (arg.equals(refused) || arg.startsWith(refused + "=")) {
                    throw new UserError(refused + " is not for k8s: the agent contract sets the shard, coordinator and"
                            + " token, the coordinator writes the outputs, a pod has one address, and ceiling and sweep"
                            + " runs cannot be coordinated");
                }
            }
            if (arg.startsWith("@")) {
                throw new UserError("'" + arg + "': a file named here is not in the pods; give the value itself");
            }
        }
        LoadCommand load = new LoadCommand();
        try {
            new CommandLine(load).setExpandAtFiles(false).parseArgs(loadArgs.toArray(String[]::new));
        } catch (CommandLine.ParameterException e) {
            throw new UserError(e.getMessage());
        }
        if ("ceiling".equals(load.model) || "sweep".equals(load.model)) {
            throw new UserError("the " + load.model + " model cannot run under a coordinator");
        }
        return load;
    }

    private static long seconds(String option, String text) {
        try {
            long ns = Durations.parseNs(text);
            if (ns < 0) {
                throw new IllegalArgumentException("negative");
            }
            return TimeUnit.NANOSECONDS.toSeconds(ns);
        } catch (IllegalArgumentException e) {
            throw new UserError("bad " + option + " '" + text + "' (a duration such as 300s or 10m)");
        }
    }
}
