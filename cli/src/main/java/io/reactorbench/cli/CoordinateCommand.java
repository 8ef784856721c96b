package io.reactorbench.cli;

import io.reactorbench.loadgen.LoadSpec;
import io.reactorbench.loadgen.Threshold;
import io.reactorbench.loadgen.coordinator.AgentToken;
import io.reactorbench.loadgen.coordinator.ClockSample;
import io.reactorbench.loadgen.coordinator.Coordinator;
import io.reactorbench.results.CellSummary;
import io.reactorbench.results.LatencySummary;
import io.reactorbench.results.load.LoadResult;
import io.reactorbench.scenarios.run.CoordinatedCell;
import io.reactorbench.wire.spi.HostPort;
import io.reactorbench.wire.units.Durations;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Unmatched;

/**
 * {@code reactorbench coordinate}: the coordinator of a load run by K agents on other machines (each
 * {@code load ... --coordinator HOST:PORT}). The load options are {@code load}'s, parsed by {@link LoadCommand}
 * itself (so both read them alike, usually from one {@code @FILE}); the coordinator's own are below. It writes one
 * results directory, atomically, that {@code report} and {@code gate} read as a suite run of one external cell, and
 * judges {@code --threshold}s once, on the merged histograms. Exit 0 when every threshold held, 1 when one failed,
 * an agent never arrived (nothing started) or one went missing mid-run (the result is written, incomplete), 2 for bad
 * input.
 */
@Command(name = "coordinate", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Coordinates a load spread over K agents on other machines: admits the run's agents, starts them"
                + " together, merges their interval histograms exactly and judges --threshold once on the merged run.",
            "Takes every option of 'load' (--target, --app, --connections, --rate, --duration, --threshold ...),"
                + " usually as @FILE, the same file each agent gets.",
            "Example: coordinate @load.args --agents 3 --token-file token --listen 0.0.0.0:7700 --out runs/dist-1;"
                + " each agent: load @load.args --coordinator HOST:7700 --token-file token --shard i/3"})
final class CoordinateCommand implements Callable<Integer> {

    /** Load options that make no sense for the coordinator: where an agent runs, or files the run directory holds. */
    private static final List<String> AGENT_ONLY = List.of("--shard", "--shard-count", "--coordinator", "--token-file",
            "--start-barrier", "--json", "--hlog", "--agents", "--report-memory");

    @Option(names = "--agents", required = true, paramLabel = "K", description = "How many agents make up the run.")
    int agents;

    @Option(names = "--listen", defaultValue = "127.0.0.1:7700", paramLabel = "HOST:PORT",
            description = "Where agents connect (default: ${DEFAULT-VALUE}, loopback only; give 0.0.0.0:PORT or an"
                    + " address to listen beyond it).")
    String listen;

    @Option(names = "--token-file", required = true, paramLabel = "FILE",
            description = "The file holding the run's token (a fresh random one per run; agents present the same).")
    Path tokenFile;

    @Option(names = "--ready-deadline", defaultValue = "120s", paramLabel = "DURATION",
            description = "How long all agents may take to register and open their connections; past it the run"
                    + " fails, naming the missing agents, and no agent starts (default: ${DEFAULT-VALUE}).")
    String readyDeadline;

    @Option(names = "--out", paramLabel = "DIR",
            description = "The results directory to create (default: runs/<UTC time>-coordinate); written in full"
                    + " or not at all.")
    Path out;

    @Option(names = "--design-label", paramLabel = "NAME",
            description = "The design name of the cell (default: external:<the targets>).")
    String designLabel;

    @Option(names = "--scenario-label", paramLabel = "NAME",
            description = "The scenario name of the cell (default: <app>-<model>, e.g. echo-open).")
    String scenarioLabel;

    @Unmatched
    List<String> loadArgs = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        if (agents < 1) {
            throw new UserError("--agents must be at least 1");
        }
        AgentToken token;
        try {
            token = AgentToken.read(tokenFile);
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage());
        }
        long deadlineMs = TimeUnit.NANOSECONDS.toMillis(Durations.parseNs(readyDeadline));
        HostPort address;
        try {
            address = HostPort.parse(listen);
        } catch (IllegalArgumentException e) {
            throw new UserError("bad --listen '" + listen + "' (" + e.getMessage() + ")");
        }
        LoadCommand load = parseLoadOptions();
        LoadSpec whole = load.buildSpec();
        if (whole.ceiling() != null || whole.sweep() != null) {
            throw new UserError("the " + whole.model().id() + " model cannot run under a coordinator (its steps need"
                    + " the whole load's verdict between them); run it with load --agents K on one machine");
        }
        if (whole.connections() < agents) {
            throw new UserError("cannot split " + whole.connections() + " connections over " + agents + " agents");
        }
        List<Threshold> thresholds = LoadOptionChecks.thresholds(load.thresholds);
        String startedAt = now();
        Path runDir = (out != null ? out : Path.of("runs", DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
                .withZone(ZoneOffset.UTC).format(Instant.now()) + "-" + CoordinatedCell.SUITE)).toAbsolutePath();
        if (Files.exists(runDir)) {
            throw new UserError("--out " + runDir + " exists already; give a new directory");
        }
        Files.createDirectories(runDir.getParent());
        // written beside its final place, then renamed: a reader sees the whole directory or none
        Path temp = runDir.resolveSibling("." + runDir.getFileName() + ".tmp-" + ProcessHandle.current().pid());
        String design = designLabel != null ? designLabel : "external:" + String.join(",", whole.targets().stream()
                .map(t -> t.text()).toList());
        String scenario = scenarioLabel != null ? scenarioLabel : whole.app().id() + "-" + whole.model().id();
        CoordinatedCell.Run run = new CoordinatedCell.Run(runDir.getFileName().toString(), scenario, design, agents,
                startedAt, null, loadArgs);
        Coordinator.Outcome outcome;
        try {
            Coordinator coordinator = new Coordinator(new Coordinator.Settings(whole, agents, token, deadlineMs,
                    CoordinatedCell.cellDir(temp, run)), new InetSocketAddress(address.host(), address.port()),
                    line -> System.err.println("coordinate: " + line), ClockSample::nowUs);
            System.err.println("coordinate: listening on " + hostPort(coordinator.address()) + " for " + agents
                    + " agents (load spec " + whole.fingerprint() + ")");
            // Ctrl-C or SIGTERM: the agents see their connections end and stop; no half directory stays behind
            Thread hook = new Thread(() -> {
                coordinator.close();
                deleteQuietly(temp);
            }, "coordinate-stop");
            Runtime.getRuntime().addShutdownHook(hook);
            try {
                outcome = coordinator.run();
            } finally {
                try {
                    Runtime.getRuntime().removeShutdownHook(hook);
                } catch (IllegalStateException shuttingDown) {
                    // the hook is running
                }
            }
        } catch (Coordinator.NotStartedException e) {
            deleteQuietly(temp);
            throw new UserError(e.getMessage(), Main.EXIT_CHECK_FAILED);
        } catch (java.net.BindException e) {
            deleteQuietly(temp);
            throw new UserError("cannot listen on " + listen + ": " + e.getMessage());
        } catch (IOException | RuntimeException | InterruptedException e) {
            deleteQuietly(temp);
            throw e;
        }
        LoadResult merged = outcome.merged();
        CellSummary summary = CoordinatedCell.write(temp, new CoordinatedCell.Run(run.runId(), scenario, design,
                agents, startedAt, now(), loadArgs), merged);
        Files.move(temp, runDir, StandardCopyOption.ATOMIC_MOVE);
        printSummary(merged, summary);
        boolean held = Threshold.report(thresholds, merged, System.out);
        System.out.println("results: " + runDir);
        if (outcome.incomplete()) {
            System.err.println("coordinate: the result is incomplete: " + merged.coordination().missingAgents().size()
                    + " of " + agents + " agents missing (" + merged.coordination().missingAgents() + ")");
            return Main.EXIT_CHECK_FAILED;
        }
        return held ? Main.EXIT_OK : Main.EXIT_CHECK_FAILED;
    }

    /** load's options, parsed and checked by {@code load} itself. */
    private LoadCommand parseLoadOptions() {
        LoadCommand load = new LoadCommand();
        CommandLine parser = new CommandLine(load);
        try {
            parser.parseArgs(loadArgs.toArray(String[]::new));
        } catch (CommandLine.ParameterException e) {
            throw new UserError("load option: " + e.getMessage());
        }
        for (String option : AGENT_ONLY) {
            if (parser.getParseResult().hasMatchedOption(option)) {
                throw new UserError(option + " is for 'load' as an agent, not for the coordinator (which writes"
                        + " load.json and latency.hlog into --out)");
            }
        }
        return load;
    }

    private static void printSummary(LoadResult merged, CellSummary summary) {
        LatencySummary latency = merged.latencyNs().corrected() != null ? merged.latencyNs().corrected()
                : merged.latencyNs().uncorrected();
        System.out.printf(Locale.ROOT, "%d agents: %d requests in %.1f s (%.0f/s), errors %d, p50 %.3f ms, p99 %.3f"
                        + " ms, max %.3f ms%s; cell %s%n", merged.shards(), merged.requests(), merged.windowSeconds(),
                merged.throughput(), merged.errors().total(), latency.p50() / 1e6, latency.p99() / 1e6,
                latency.max() / 1e6, merged.agentStartSkewMs() == null ? ""
                        : ", start skew " + merged.agentStartSkewMs() + " ms",
                summary.ok() ? "ok" : "failed: " + summary.reason());
    }

    private static String hostPort(InetSocketAddress address) {
        return address.getAddress().getHostAddress() + ":" + address.getPort();
    }

    private static String now() {
        return DateTimeFormatter.ISO_INSTANT.format(Instant.now().truncatedTo(ChronoUnit.SECONDS));
    }

    private static void deleteQuietly(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            // a leftover temporary directory is harmless
        }
    }
}
