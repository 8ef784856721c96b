package io.reactorbench.loadgen;

import io.reactorbench.results.load.LoadJson;
import io.reactorbench.results.load.LoadResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A load split over K processes ({@code load --agents K}): runs share 0 here and starts K-1 child JVMs running
 * their shares, each with its own file limit. All K open their connections and meet at a start barrier
 * ({@link AgentBarrier}), so their warm-ups and measured windows begin at one wall-clock instant; then their
 * interval logs are added second by wall-clock second (histograms, never percentiles) into one result, which
 * records how far apart the windows actually began ({@code agentStartSkewMs}).
 */
public final class LoadAgents {

    /** Where each agent's own agent-i.json and agent-i.hlog are kept, beside the merged result. */
    public static final String AGENTS_DIR = "agents";

    /** Time allowed beyond the run's own length (and the connect phase) for children to start and write files. */
    private static final long CHILD_SLACK_MS = TimeUnit.SECONDS.toMillis(60);

    /** How to start agent {@code index} of {@code agents}: a process that writes its result and interval log. */
    @FunctionalInterface
    public interface AgentCommand {
        List<String> command(int index, int agents, Path json, Path hlog, Path ready);
    }

    /** An agent that did not finish or wrote no result: the merged numbers would miss its share. */
    public static final class AgentFailedException extends RuntimeException {
        AgentFailedException(String message) {
            super(message, null, false, false);
        }
    }

    private final LoadSpec whole;
    private final int agents;
    private final AgentCommand agentCommand;
    private final LoadOutputs outputs;
    private final List<LoadResult> agentResults = new ArrayList<>();

    public LoadAgents(LoadSpec whole, int agents, AgentCommand agentCommand, LoadOutputs outputs) {
        this.whole = whole;
        this.agents = agents;
        this.agentCommand = agentCommand;
        this.outputs = outputs;
    }

    /**
     * Runs every share and returns the merged result, written and printed as {@link LoadOutputs} asks.
     *
     * @throws AgentFailedException when a child does not finish in time or writes no result
     */
    public LoadResult run() throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory("reactorbench-agents");
        List<Process> children = new ArrayList<>();
        Thread hook = new Thread(() -> stopAll(children), "load-agents-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        AgentStepLines stepLines = null;
        try {
            for (int i = 1; i < agents; i++) {
                children.add(new ProcessBuilder(agentCommand.command(i, agents, json(dir, i), hlog(dir, i),
                        ready(dir, i)))
                        .redirectErrorStream(true)
                        .redirectOutput(log(dir, i).toFile())
                        .start());
            }
            List<Path> childOutputs = new ArrayList<>();
            for (int i = 1; i < agents; i++) {
                childOutputs.add(log(dir, i));
            }
            LoadRun[] firstRun = new LoadRun[1];
            HoldGate firstHolds = HoldGate.fromParent();
            long settleMs = whole.ceiling() == null ? 0 : whole.ceiling().settleNs() / 1_000_000;
            // Ceiling: the agents' step lines become one ramp's on this process's stdout. Once every agent has
            // ended the step some agent stopped at, the merged ramp is over: the agents still ramping stop (a
            // signal, so they write their results), rather than open more connections nobody will count. Those
            // that stopped there themselves are left alone: a signal while they write their result would lose it.
            stepLines = whole.model() == LoadModel.CEILING ? new AgentStepLines(agents, outputs.out(), childOutputs,
                    stillRamping -> {
                        for (int agent : stillRamping) {
                            if (agent == 0 && firstRun[0] != null) {
                                firstRun[0].requestStop();
                            } else if (agent > 0) {
                                children.get(agent - 1).destroy();
                            }
                        }
                    }, step -> {
                        // every agent has settled: all begin this hold one settle pause from now
                        long holdAtMs = System.currentTimeMillis() + settleMs;
                        AgentBarrier.releaseHold(children, step, holdAtMs);
                        firstHolds.release(step, holdAtMs);
                    }) : null;
            LoadOutputs own = new LoadOutputs(null, hlog(dir, 0), stepLines != null ? stepLines.agentZeroOut()
                    : outputs.out(), outputs.progressOut(), outputs.progress(), false, outputs.reportMemory());
            List<Path> readyFiles = new ArrayList<>();
            for (int i = 1; i < agents; i++) {
                readyFiles.add(ready(dir, i));
            }
            AgentBarrier barrier = new AgentBarrier(children, readyFiles, connectPhaseMs() + CHILD_SLACK_MS,
                    System::currentTimeMillis);
            LoadResult first;
            try {
                firstRun[0] = new LoadRun(whole.forShard(0, agents), own, barrier)
                        .holdGate(whole.ceiling() != null ? firstHolds : null);
                first = firstRun[0].executeStoppingOnSignal();
            } catch (AgentBarrier.AgentNotReadyException e) {
                throw new AgentFailedException(e.getMessage() + "; the agents' output is in " + dir);
            }
            List<LoadResult> results = agentResults;
            results.clear();
            results.add(first);
            long waitMs = TimeUnit.NANOSECONDS.toMillis(whole.model() == LoadModel.CEILING ? rampBoundNs()
                    : whole.warmupNs() + whole.durationNs()) + CHILD_SLACK_MS;
            for (int i = 1; i < agents; i++) {
                Process child = children.get(i - 1);
                if (!child.waitFor(waitMs, TimeUnit.MILLISECONDS)) {
                    child.destroyForcibly();
                    throw new AgentFailedException("agent " + i + " did not finish; its output is in " + log(dir, i));
                }
                if (!Files.exists(json(dir, i))) {
                    throw new AgentFailedException("agent " + i + " exited with " + child.exitValue()
                            + " and wrote no result: " + lastLine(log(dir, i)));
                }
                results.add(LoadJson.read(json(dir, i)));
            }
            if (stepLines != null) {
                stepLines.close();
            }
            List<Path> logs = new ArrayList<>();
            for (int i = 0; i < agents; i++) {
                logs.add(hlog(dir, i));
            }
            ShardMerge.Totals totals = ShardMerge.mergeLogs(logs, outputs.hlog());
            LoadResult merged = ShardMerge.mergeResults(whole, results, totals, null);
            if (outputs.json() != null) {
                LoadJson.write(merged, outputs.json());
            }
            if (outputs.printSummary()) {
                SummaryPrinter.print(outputs.out(), merged,
                        totals.corrected(whole.model()), totals.uncorrected(whole.model()));
            }
            keepAgentFiles(dir);
            deleteQuietly(dir);
            return merged;
        } finally {
            if (stepLines != null) {
                stepLines.close();
            }
            stopAll(children);
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // The hook is already running.
            }
        }
    }

    /**
     * Closes each child's stdin (one still at the start barrier reads end-of-file: it does not start), then stops it.
     */
    private static void stopAll(List<Process> children) {
        for (Process child : children) {
            try {
                child.getOutputStream().close();
            } catch (IOException e) {
                // Already gone.
            }
            child.destroy();
        }
    }

    /** Each agent's result as it wrote it, share 0 first, after {@link #run()}: what the merge added up. */
    public List<LoadResult> agentResults() {
        return List.copyOf(agentResults);
    }

    /** The longest the connect phase of any share can take: the whole load's connections at its connect rate. */
    private long connectPhaseMs() {
        return (long) (whole.connections() / whole.connectRatePerSec() * 1000) + TimeUnit.NANOSECONDS.toMillis(
                whole.timeoutNs());
    }

    /**
     * Ceiling: the longest an agent's ramp can take once agent 0's has ended (they run side by side): the whole
     * ramp's connects, verifications and holds, each with its timeout.
     */
    private long rampBoundNs() {
        CeilingPlan plan = whole.ceiling();
        double seconds = plan.topConnections() / whole.connectRatePerSec();
        for (int step : plan.stepConnections()) {
            seconds += step / plan.verifyRatePerSec() + (plan.holdNs() + plan.settleNs()) / 1e9 + 3 * whole.timeoutNs() / 1e9;
        }
        return (long) (seconds * 1e9);
    }

    private static Path ready(Path dir, int index) {
        return dir.resolve("agent-" + index + ".ready");
    }

    private static Path json(Path dir, int index) {
        return dir.resolve("agent-" + index + ".json");
    }

    private static Path hlog(Path dir, int index) {
        return dir.resolve("agent-" + index + ".hlog");
    }

    private static Path log(Path dir, int index) {
        return dir.resolve("agent-" + index + ".log");
    }

    /**
     * Each agent's own result and interval log, kept beside the merged ones (in {@code agents/} next to the merged
     * .hlog, or .json when there is no .hlog): the merge is checkable (its counts are the agents' sums) and an odd
     * agent can be looked at. Nothing is kept when neither output was asked for.
     */
    private void keepAgentFiles(Path dir) throws IOException {
        Path beside = outputs.hlog() != null ? outputs.hlog() : outputs.json();
        if (beside == null) {
            return;
        }
        Path kept = beside.toAbsolutePath().getParent().resolve(AGENTS_DIR);
        Files.createDirectories(kept);
        for (int i = 0; i < agents; i++) {
            for (Path file : List.of(json(dir, i), hlog(dir, i))) {
                if (Files.exists(file)) {
                    Files.move(file, kept.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        // share 0 ran in this process and wrote no file of its own
        LoadJson.write(agentResults.getFirst(), kept.resolve(json(dir, 0).getFileName()));
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
