package io.reactorbench.scenarios.run;

import io.reactorbench.results.CellRef;
import io.reactorbench.results.CellStatus;
import io.reactorbench.results.CellSummary;
import io.reactorbench.results.Environment;
import io.reactorbench.results.ResultsJson;
import io.reactorbench.results.ResultsLayout;
import io.reactorbench.results.ResultsStore;
import io.reactorbench.results.RunManifest;
import io.reactorbench.results.RunStatus;
import io.reactorbench.results.SchemaVersions;
import io.reactorbench.scenarios.suite.DesignSpec;
import io.reactorbench.scenarios.suite.Scenario;
import io.reactorbench.scenarios.suite.Suite;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs a suite: trials × scenario variants × designs, designs rotated between trials so that no design
 * always runs first (or right after the same neighbour). {@code run.json} is rewritten after every cell; a
 * shutdown hook stops every child and marks the run {@code incomplete} if the runner is stopped early.
 */
public final class SuiteRunner {

    /** Options every server JVM gets: FFM without warnings, and Netty's Unsafe-based tuned configuration. */
    public static final List<String> FIXED_SERVER_JVM_OPTIONS =
            List.of("--enable-native-access=ALL-UNNAMED", "--sun-misc-unsafe-memory-access=allow",
                    // The JDK's epoll Selector boxes each ready fd (fdToKey.get(Integer)); past 127 that is
                    // 16 B per event for every NIO-based design. Caching boxes up to the fd limit (20,000
                    // here, ~400 KB once) removes a JDK artefact from all designs alike.
                    "-XX:AutoBoxCacheMax=20000");

    /** What the run produced. */
    public record Outcome(Path runDir, RunManifest manifest, List<CellSummary> summaries) {
    }

    private final Launcher launcher;
    private final PrintStream out;
    private final SummaryRenderer renderer;
    private final ChildProcesses children = new ChildProcesses();
    /** Where capped cells' quota groups are; null when the suite caps no server. */
    private volatile ServerCpuQuota.Hierarchy cpuQuotas;
    private final Object manifestLock = new Object();
    private ResultsStore store;
    private RunManifest manifest;
    private boolean stopping;
    private boolean countSyscalls;

    public SuiteRunner(Launcher launcher, PrintStream out, SummaryRenderer renderer) {
        this.launcher = launcher;
        this.out = out;
        this.renderer = renderer;
    }

    /**
     * Has every cell count its server's system calls by name ({@link SyscallCounter}); the caller has checked that
     * {@link SyscallCounter#unavailability()} is empty.
     */
    public SuiteRunner countingSyscalls(boolean count) {
        this.countSyscalls = count;
        return this;
    }

    /** Runs the suite into a new directory under {@code parent}; returns when every cell was attempted. */
    public Outcome run(Suite requested, Path parent) {
        return run(requested, parent, List.of());
    }

    /** As {@link #run(Suite, Path)}, with the caller's notes (e.g. which {@code --set} overrides) first in run.json. */
    public Outcome run(Suite requested, Path parent, List<String> callerNotes) {
        RunPlan plan = RunPlan.of(requested, FdLimits.current());
        Suite suite = plan.suite();
        CpuPinning pinning = CpuPinning.decide(suite.cpus());
        List<String> notes = new ArrayList<>(callerNotes);
        notes.addAll(plan.notes());
        if (!pinning.applied()) {
            notes.add(pinning.note());
        }
        if (countSyscalls) {
            notes.add("system calls counted per cell (--syscalls): " + SyscallCounter.METHOD);
        }
        List<String> capped = suite.scenarios().stream().filter(Scenario::serverCpuCapped).map(Scenario::key).toList();
        if (!capped.isEmpty()) {
            cpuQuotas = ServerCpuQuota.Hierarchy.find(Path.of("/sys/fs/cgroup"));
            cpuQuotas.prepare();
            if (!cpuQuotas.available()) {
                notes.add("cells with a serverCpuQuota (" + String.join(", ", capped) + ") will fail: "
                        + cpuQuotas.unavailabilityCause());
            }
        }
        notes.forEach(note -> out.println("note: " + note));
        ZonedDateTime startedAt = ZonedDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS);
        store = ResultsStore.create(parent, suite.name(), startedAt);
        List<String> serverJvmOptions = new ArrayList<>(FIXED_SERVER_JVM_OPTIONS);
        serverJvmOptions.addAll(suite.serverJvmOptions());
        Environment environment = EnvironmentProbe.describe(serverJvmOptions, pinning.describe());
        manifest = new RunManifest(SchemaVersions.RUN, store.id(), suite.name(), RunStatus.RUNNING,
                DateTimeFormatter.ISO_INSTANT.format(startedAt), null, environment,
                ResultsJson.mapper().valueToTree(suite), List.of(), notes);
        writeManifest(manifest);
        Thread hook = Thread.ofPlatform().unstarted(this::onShutdown);
        Runtime.getRuntime().addShutdownHook(hook);

        RunContext context = new RunContext(suite, launcher, pinning, children, store, FIXED_SERVER_JVM_OPTIONS,
                new ClassDataSharing(parent.resolve(".cds"), launcher), cpuQuotas, plan.limits(), countSyscalls);
        CellRunner cells = new CellRunner(context);
        int total = suite.trials() * suite.cellsPerTrial();
        double plannedWindows = suite.trials() * suite.scenarios().stream()
                .mapToDouble(s -> suite.designsOf(s).size() * (s.warmupSeconds() + s.durationSeconds())).sum();
        Progress progress = new Progress(out, total, plannedWindows);
        out.println("run " + store.id() + ": " + total + " cells (" + suite.scenarios().size() + " scenarios x "
                + suite.designs().size() + " designs x " + suite.trials() + " trials), results in " + store.runDir());
        List<CellSummary> summaries = new ArrayList<>();
        List<CellRef> refs = new ArrayList<>();
        int index = 0;
        try {
            for (int trial = 1; trial <= suite.trials(); trial++) {
                List<DesignSpec> order = rotated(suite.designs(), trial - 1);
                for (Scenario scenario : suite.scenarios()) {
                    for (DesignSpec design : order) {
                        if (!scenario.runsOn(design)) {
                            continue;
                        }
                        index++;
                        String dir = ResultsLayout.cellDir(scenario.key(), design.name(), trial);
                        progress.starting(index, scenario.key() + " " + design.name() + " trial " + trial);
                        CellSummary summary;
                        double window = scenario.warmupSeconds() + scenario.durationSeconds();
                        summary = cells.run(scenario, design, trial, store.runDir().resolve(dir));
                        if (isStopping()) {
                            return new Outcome(store.runDir(), manifest, summaries);
                        }
                        summaries.add(summary);
                        refs.add(new CellRef(scenario.name(), scenario.variant(), design.name(), trial, summary.status(),
                                summary.reason(), dir));
                        writeManifest(manifest.withCells(refs));
                        progress.finished(window, summary.ok() ? renderer.cellLine(summary) : "failed: " + summary.reason());
                    }
                }
            }
            boolean anyOk = summaries.stream().anyMatch(CellSummary::ok);
            writeManifest(manifest.withStatus(anyOk ? RunStatus.COMPLETE : RunStatus.FAILED, now()));
        } catch (RuntimeException e) {
            writeManifest(manifest.withStatus(RunStatus.FAILED, now()));
            throw e;
        } finally {
            children.stopAll(2_000);
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException alreadyShuttingDown) {
                // the hook is running or ran: it wrote the final status
            }
        }
        out.println(renderer.table(summaries));
        out.println("results: " + store.runDir().toAbsolutePath() + " (run took " + Progress.clock(progress.elapsedSeconds()) + ")");
        return new Outcome(store.runDir(), manifest, summaries);
    }

    static <T> List<T> rotated(List<T> items, int by) {
        List<T> rotated = new ArrayList<>(items);
        java.util.Collections.rotate(rotated, -(by % Math.max(1, items.size())));
        return rotated;
    }

    private boolean isStopping() {
        synchronized (manifestLock) {
            return stopping;
        }
    }

    private void writeManifest(RunManifest next) {
        synchronized (manifestLock) {
            if (stopping) {
                return;
            }
            manifest = next;
            store.writeRun(next);
        }
    }

    /** Ctrl-C, SIGTERM, or the JVM exiting mid-run: stop every child, keep what was measured, say so. */
    private void onShutdown() {
        synchronized (manifestLock) {
            // First freeze the manifest: a cell that fails because its children are being killed is not a result.
            if (manifest != null && manifest.status() == RunStatus.RUNNING) {
                manifest = manifest.withStatus(RunStatus.INCOMPLETE, now());
                store.writeRun(manifest);
            }
            stopping = true;
        }
        children.close();
        children.stopAll(2_000);
        if (cpuQuotas != null && store != null) {
            // the interrupted cell may not reach its own clean-up: its server's group is empty now
            cpuQuotas.removeEmptyGroups(ServerCpuQuota.GROUP_PREFIX + store.id() + "-");
        }
    }

    private static String now() {
        return DateTimeFormatter.ISO_INSTANT.format(Instant.now().truncatedTo(ChronoUnit.SECONDS));
    }
}
