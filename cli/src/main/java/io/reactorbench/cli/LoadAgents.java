package io.reactorbench.cli;

import io.reactorbench.loadgen.LoadOutputs;
import io.reactorbench.loadgen.LoadSpec;
import io.reactorbench.loadgen.ShardMerge;
import io.reactorbench.loadgen.SummaryPrinter;
import io.reactorbench.results.load.LoadJson;
import io.reactorbench.results.load.LoadResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * {@code load --agents K}: runs share 0 here and starts K-1 child JVMs running {@code load --shard i/K}, each with
 * its own file limit; then adds their interval logs (histograms, never percentiles) into one result. The
 * children start about a JVM start-up later than share 0, so the first and last merged intervals are partial.
 */
final class LoadAgents {

    /** Options the parent resolves itself (thresholds judge the merged run) and must not pass on to children. */
    private static final Set<String> NOT_FOR_CHILDREN = Set.of("--agents", "--json", "--hlog", "--shard",
            "--progress", "--threshold");
    private static final Set<String> FLAGS_NOT_FOR_CHILDREN = Set.of("--no-summary", "--report-memory");
    /** Time allowed beyond the run's own length for children to start, connect and write their files. */
    private static final long CHILD_SLACK_MS = TimeUnit.SECONDS.toMillis(60);

    private final LoadSpec whole;
    private final int agents;
    private final List<String> originalArgs;
    private final LoadOutputs outputs;

    LoadAgents(LoadSpec whole, int agents, List<String> originalArgs, LoadOutputs outputs) {
        this.whole = whole;
        this.agents = agents;
        this.originalArgs = originalArgs;
        this.outputs = outputs;
    }

    LoadResult run() throws Exception {
        Path dir = Files.createTempDirectory("reactorbench-agents");
        List<Process> children = new ArrayList<>();
        Thread hook = new Thread(() -> children.forEach(Process::destroy), "load-agents-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            for (int i = 1; i < agents; i++) {
                children.add(new ProcessBuilder(childCommand(i, dir))
                        .redirectErrorStream(true)
                        .redirectOutput(dir.resolve("agent-" + i + ".log").toFile())
                        .start());
            }
            LoadOutputs own = new LoadOutputs(null, dir.resolve("agent-0.hlog"), outputs.out(), outputs.progressOut(),
                    outputs.progress(), false, outputs.reportMemory());
            LoadResult first = LoadCommand.runHere(whole.forShard(0, agents), own);
            List<LoadResult> results = new ArrayList<>();
            results.add(first);
            long waitMs = TimeUnit.NANOSECONDS.toMillis(whole.warmupNs() + whole.durationNs()) + CHILD_SLACK_MS;
            for (int i = 1; i < agents; i++) {
                Process child = children.get(i - 1);
                if (!child.waitFor(waitMs, TimeUnit.MILLISECONDS)) {
                    child.destroyForcibly();
                    throw new UserError("agent " + i + " did not finish; its output is in "
                            + dir.resolve("agent-" + i + ".log"), Main.EXIT_CHECK_FAILED);
                }
                Path json = dir.resolve("agent-" + i + ".json");
                if (!Files.exists(json)) {
                    throw new UserError("agent " + i + " exited with " + child.exitValue() + " and wrote no result: "
                            + lastLine(dir.resolve("agent-" + i + ".log")), Main.EXIT_CHECK_FAILED);
                }
                results.add(LoadJson.read(json));
            }
            List<Path> logs = new ArrayList<>();
            for (int i = 0; i < agents; i++) {
                logs.add(dir.resolve("agent-" + i + ".hlog"));
            }
            ShardMerge.Totals totals = ShardMerge.mergeLogs(logs, outputs.hlog());
            LoadResult merged = ShardMerge.mergeResults(whole, results, totals);
            if (outputs.json() != null) {
                LoadJson.write(merged, outputs.json());
            }
            if (outputs.printSummary()) {
                SummaryPrinter.print(outputs.out(), merged,
                        totals.corrected(whole.model()), totals.uncorrected(whole.model()));
            }
            deleteQuietly(dir);
            return merged;
        } finally {
            children.forEach(Process::destroy);
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // The hook is already running.
            }
        }
    }

    private List<String> childCommand(int index, Path dir) {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.add("--enable-native-access=ALL-UNNAMED");
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(Main.class.getName());
        command.add("load");
        for (int i = 0; i < originalArgs.size(); i++) {
            String arg = originalArgs.get(i);
            String name = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
            if (FLAGS_NOT_FOR_CHILDREN.contains(arg)) {
                continue;
            }
            if (NOT_FOR_CHILDREN.contains(name)) {
                if (!arg.contains("=")) {
                    i++;
                }
                continue;
            }
            command.add(arg);
        }
        command.addAll(List.of("--shard", index + "/" + agents, "--json", dir.resolve("agent-" + index + ".json").toString(),
                "--hlog", dir.resolve("agent-" + index + ".hlog").toString(), "--progress", "none", "--no-summary"));
        return command;
    }

    /** Removes the agents' files once merged; kept when something failed, to be read. */
    private static void deleteQuietly(Path dir) {
        try (var files = Files.list(dir)) {
            for (Path f : files.toList()) {
                Files.deleteIfExists(f);
            }
            Files.deleteIfExists(dir);
        } catch (IOException e) {
            // A leftover temp directory is harmless.
        }
    }

    private static String lastLine(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            return lines.isEmpty() ? "(no output)" : lines.getLast();
        } catch (IOException e) {
            return "(no output)";
        }
    }
}
