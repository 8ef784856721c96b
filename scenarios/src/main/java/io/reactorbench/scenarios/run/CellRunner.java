package io.reactorbench.scenarios.run;

import io.reactorbench.results.AllocationCalibration;
import io.reactorbench.results.AtomicFiles;
import io.reactorbench.results.CellSummary;
import io.reactorbench.results.LoadPlacement;
import io.reactorbench.results.ceiling.CeilingResult;
import io.reactorbench.loadgen.StepLine;
import io.reactorbench.loadgen.StepLineFollower;
import io.reactorbench.sys.MemInfo;
import io.reactorbench.results.ProbeSample;
import io.reactorbench.results.Results;
import io.reactorbench.results.ResultsLayout;
import io.reactorbench.results.load.LoadJson;
import io.reactorbench.results.load.LoadResult;
import io.reactorbench.scenarios.suite.DesignSpec;
import io.reactorbench.scenarios.suite.Scenario;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * Runs one cell: start the server, sample it while the load generator runs its warm-up and measured window,
 * stop both, write {@code summary.json}, {@code latency.hlog}, {@code server.jsonl}. Never throws for a
 * failure of the cell itself: a failed cell is a summary with a reason, and the run goes on.
 */
final class CellRunner {

    /** How often the server is sampled while load runs. */
    private static final long SAMPLE_INTERVAL_MS = 500;
    /** How often a group of more than 4 server processes is sampled (54 STATS answers and /proc reads each time). */
    private static final long GROUP_SAMPLE_INTERVAL_MS = 2_000;
    /** Time allowed past warm-up + duration for the load JVM to start, connect, report and exit. */
    private static final long LOAD_SLACK_MS = 60_000;
    /** Between a ceiling step's GC and its second sample: long enough for RSS to follow, short of the settle pause. */
    private static final long STEP_RSS_SETTLE_MS = 300;
    /** Time allowed for each further load agent's JVM to start (they start together, on as few as 2 cores). */
    private static final long AGENT_START_SLACK_MS = 2_000;
    /** A sweep step's wait for its owed answers: the load's default request timeout (5 s) and its 5 s slack. */
    private static final long SWEEP_STEP_DRAIN_MS = 10_000;
    /** The load JVM's usual time from the end of its window to its exit (joining workers, writing files). */
    private static final long LOAD_EXIT_LAG_MS = 500;

    /** Connections opened and closed before idle memory is first sampled (see {@link SettledSamples#prime}). */
    private static final int PRIMING_CONNECTIONS = 8;
    /** Time for the server to see the priming connections closed before the GC. */
    private static final long PRIMING_SETTLE_MS = 300;
    /**
     * Idle scenarios measure heap per connection, so their server takes GC pauses from GC notifications instead of
     * the JFR stream: measured on engine-epoll at 10,000 idle connections, the stream's own live heap grew by ~1.6 MB
     * between the two memory samples (210 B charged to each connection with it, 52 B without). Pause precision
     * does not matter there: the runner's own GCs are the only ones, and they are left out.
     */
    static final String IDLE_GC_PAUSE_SOURCE = "-Dreactorbench.gcPauses=notifications";

    static final String LOAD_JSON_FILE = "load.json";
    static final String SERVER_LOG_FILE = "server.log";
    /** The logs of a server of K processes: {@code server-1.log} ... {@code server-K.log}. */
    static final String SERVER_LOG_PREFIX = "server-";
    static final String LOAD_LOG_FILE = "load.log";

    private final RunContext context;

    CellRunner(RunContext context) {
        this.context = context;
    }

    CellSummary run(Scenario scenario, DesignSpec design, int trial, Path cellDir) {
        try {
            Files.createDirectories(cellDir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + cellDir, e);
        }
        CellListenAddress listen = null;
        ServerUnderTest server = null;
        ServerCpuQuota quota = null;
        LoadProcess load = null;
        SyscallCounter syscalls = null;
        List<ProbeSample> samples = new ArrayList<>();
        int processes = ServerProcesses.forCell(design, scenario, context.limits());
        List<String> serverJvmOptions = design.external() ? null : serverJvmOptions(scenario, design, processes);
        try {
            listen = CellListenAddress.of(scenario.transport(), cellDir);
            server = startServer(scenario, design, processes, serverJvmOptions, listen, cellDir);
            if (scenario.serverCpuCapped()) {
                // from READY on: start-up runs uncapped, warm-up and the measured window capped
                quota = ServerCpuQuota.apply(context.cpuQuotas(), context.store().id() + "-" + server.process().pid(),
                        scenario.serverCpuQuotaPercent(), server.processes());
            }
            // The probe's own allocation per answer, subtracted from the window's, once the probe is steady.
            ServerUnderTest probed = server;
            AllocationCalibration calibration = ProbeCalibration.measure(
                    () -> record(cellDir, samples, probed.probe("calibrate")));
            long probeBytes = calibration == null ? 0 : calibration.probeBytesPerAnswer();

            List<long[]> ownGc = new ArrayList<>();
            List<ProbeSample> idleBefore = null;
            int fdsBefore = ProcFs.openFds(server.process());
            CeilingSteps.MemorySample beforeRamp = null;
            if (scenario.ceilingRamp() && scenario.warmupSeconds() > 0) {
                List<String> warmupJvmOptions = new ArrayList<>(List.of("--enable-native-access=ALL-UNNAMED"));
                warmupJvmOptions.addAll(context.classDataSharing().options("load"));
                CeilingWarmup.run(scenario, server.target(), processes, context, cellDir, warmupJvmOptions);
            }
            if (scenario.measuresMemoryPerConnection() || scenario.ceilingRamp()) {
                SettledSamples.prime(server.target(), PRIMING_CONNECTIONS);
                Thread.sleep(PRIMING_SETTLE_MS);
                long gcFromMs = System.currentTimeMillis();
                idleBefore = SettledSamples.take(server, "idle-before", sample -> record(cellDir, samples, sample));
                ownGc.add(new long[] {gcFromMs, System.currentTimeMillis()});
                fdsBefore = ProcFs.openFds(server.process());
                beforeRamp = new CeilingSteps.MemorySample(idleBefore.getLast(), MemInfo.current().slabBytes());
            }
            if (!scenario.measuresMemoryPerConnection()) {
                idleBefore = null; // a ceiling's baseline is its own (beforeRamp), not an idle figure
            }

            Path loadJson = cellDir.resolve(LOAD_JSON_FILE);
            Path hlogTemp = cellDir.resolve("." + ResultsLayout.LATENCY_LOG_FILE + ".tmp");
            List<String> command = new ArrayList<>(context.pinning().loadPrefix());
            List<String> loadJvmOptions = new ArrayList<>(List.of("--enable-native-access=ALL-UNNAMED"));
            loadJvmOptions.addAll(context.classDataSharing().options("load"));
            LoadPlacement placement = LoadSplit.of(scenario.connections(), FdLimits.current().maxConnections(),
                    scenario.transport());
            loadJvmOptions.addAll(LoadSplit.agentJvmOptions(placement, scenario.connections()));
            command.addAll(context.launcher().command(loadJvmOptions,
                    LoadArguments.of(scenario, server.target(), loadJson, hlogTemp, placement, processes)));
            Files.writeString(cellDir.resolve(LOAD_LOG_FILE), String.join(" ", command) + "\n");
            if (context.countSyscalls()) {
                syscalls = SyscallCounter.start(server.processes(), context.pinning().loadPrefix(), cellDir,
                        context.children());
            }
            load = LoadProcess.start(command, cellDir.resolve(LOAD_LOG_FILE), context.children());

            List<ProbeSample> idleAfter = null;
            long deadlineMs = load.startedAtMs() + LOAD_SLACK_MS + placement.agents() * AGENT_START_SLACK_MS
                    + (scenario.ceilingRamp() ? CeilingDeadline.rampMs(scenario, processes)
                    : scenario.rateSweep() ? sweepMs(scenario)
                    : (long) ((scenario.warmupSeconds() + scenario.durationSeconds()) * 1000)
                    + (scenario.connectRate() > 0 ? (long) (scenario.connections() / scenario.connectRate() * 1000) : 0));
            StepLineFollower stepWatch = scenario.ceilingRamp() ? new StepLineFollower(cellDir.resolve(LOAD_LOG_FILE))
                    : null;
            Map<Integer, CeilingSteps.MemorySample> atHold = new HashMap<>();
            // Sampling many processes is work for the machine being measured: a group is sampled less often, and a
            // ceiling's step lines are watched every interval, between samples too, so a settle pause is not missed.
            long sampleEveryMs = processes > 4 ? GROUP_SAMPLE_INTERVAL_MS : SAMPLE_INTERVAL_MS;
            long nextSampleMs = 0;
            while (!load.awaitExit(SAMPLE_INTERVAL_MS)) {
                if (System.currentTimeMillis() > deadlineMs) {
                    throw new CellFailure("load generator still running " + LOAD_SLACK_MS / 1000
                            + " s after its window should have ended");
                }
                if (stepWatch != null) {
                    sampleHeldSteps(stepWatch, CeilingDeadline.settleSeconds(scenario, processes), server, cellDir,
                            samples, ownGc, atHold);
                }
                if (System.currentTimeMillis() < nextSampleMs) {
                    continue;
                }
                nextSampleMs = System.currentTimeMillis() + sampleEveryMs;
                ProbeSample sample = record(cellDir, samples, server.probe("sample"));
                if (!server.alive()) {
                    throw new CellFailure(server.exitReason() + " (during the load)");
                }
                if (scenario.measuresMemoryPerConnection() && idleAfter == null
                        && idleSettled(scenario, load, sample, server, fdsBefore)) {
                    long gcFromMs = System.currentTimeMillis();
                    idleAfter = SettledSamples.take(server, "idle-after", s -> record(cellDir, samples, s));
                    ownGc.add(new long[] {gcFromMs, System.currentTimeMillis()});
                }
            }
            record(cellDir, samples, server.probe("final"));
            SyscallIntervals counted = syscalls == null ? null : syscalls.stop();
            if (load.exitCode() != 0) {
                throw new CellFailure(load.failureReason());
            }
            if (!Files.isRegularFile(loadJson)) {
                throw new CellFailure("load generator wrote no " + LOAD_JSON_FILE);
            }
            LoadResult loadResult = LoadJson.read(loadJson);
            Path hlog = cellDir.resolve(ResultsLayout.LATENCY_LOG_FILE);
            if (Files.isRegularFile(hlogTemp)) {
                AtomicFiles.moveInto(hlogTemp, hlog);
            }
            MeasuredWindow window = window(loadResult, load, hlog);
            CeilingResult ceiling = scenario.ceilingRamp() && loadResult.steps() != null
                    ? CeilingSteps.of(loadResult.steps(), beforeRamp, atHold, samples, ownGc, load.startedAtMs())
                    : null;
            CellSummary summary = withServer(CellMeasurements.summarize(new CellMeasurements.Recorded(scenario,
                    design.name(), trial, loadResult, samples, window, probeBytes, idleBefore, idleAfter, ownGc,
                    context.pinning().loadCpuCount(), placement.withAgentStartSkewMs(loadResult.agentStartSkewMs()),
                    ceiling, calibration, counted)), processes, serverJvmOptions);
            context.store().writeSummary(cellDir, summary);
            return summary;
        } catch (CellFailure failure) {
            return writeFailed(scenario, design, trial, cellDir, failure.getMessage(), processes, serverJvmOptions);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return writeFailed(scenario, design, trial, cellDir, "interrupted", processes, serverJvmOptions);
        } catch (IOException | RuntimeException e) {
            return writeFailed(scenario, design, trial, cellDir, "runner error: " + e, processes, serverJvmOptions);
        } finally {
            if (load != null) {
                load.close();
            }
            if (syscalls != null) {
                syscalls.close();
            }
            if (server != null) {
                server.close();
            }
            if (listen != null) {
                listen.close();
            }
            if (quota != null) {
                quota.close();
            }
        }
    }

    /**
     * At each step the load generator says it settles (verified, before the hold: its quiet pause, so the GC pauses
     * no active request), or holds when it has no settle pause, the servers are sampled after a GC (their heap and
     * RSS) with the machine's slab: the step's memory. The GC is the runner's own, left out of the step's pauses.
     */
    private void sampleHeldSteps(StepLineFollower stepWatch, double settleSeconds, ServerUnderTest server, Path cellDir,
                                 List<ProbeSample> samples, List<long[]> ownGc,
                                 Map<Integer, CeilingSteps.MemorySample> atHold) throws InterruptedException {
        for (StepLine.Parsed line : stepWatch.poll()) {
            boolean sampleNow = line.event() == StepLine.Event.SETTLE
                    || line.event() == StepLine.Event.HOLD && settleSeconds <= 0;
            if (!sampleNow || atHold.containsKey(line.index())) {
                continue;
            }
            long gcFromMs = System.currentTimeMillis();
            ProbeSample afterGc = record(cellDir, samples, server.collectGarbageAndProbe("step-" + line.index()));
            ownGc.add(new long[] {gcFromMs, System.currentTimeMillis()});
            // RSS settles a moment after the GC returns memory; a second sample, still inside the settle pause
            Thread.sleep(STEP_RSS_SETTLE_MS);
            ProbeSample settled = record(cellDir, samples, server.probe("step-" + line.index()));
            ProbeSample sample = settled.heapAfterGcBytes() != null ? settled : afterGc;
            atHold.put(line.index(), new CeilingSteps.MemorySample(sample, MemInfo.current().slabBytes()));
        }
    }

    /**
     * A sweep's time bound (no step starts that could not end within it) and, per step, the wait for the answers a
     * step still owes at its end, which the load generator bounds by its request timeout plus 5 s.
     */
    private static long sweepMs(Scenario scenario) {
        double stepSeconds = scenario.warmupSeconds() + scenario.durationSeconds();
        return (long) (scenario.sweep().boundSeconds(stepSeconds) * 1000)
                + scenario.sweep().stepBound() * SWEEP_STEP_DRAIN_MS;
    }

    private CellSummary writeFailed(Scenario scenario, DesignSpec design, int trial, Path cellDir, String reason,
                                    int processes, List<String> serverJvmOptions) {
        CellSummary failed = withServer(CellMeasurements.failed(scenario, design.name(), trial, reason), processes,
                serverJvmOptions);
        context.store().writeSummary(cellDir, failed);
        return failed;
    }

    /** The summary with how its server was deployed: processes and JVM options (null for an external design). */
    private static CellSummary withServer(CellSummary summary, int processes, List<String> serverJvmOptions) {
        return summary.withParams(summary.params().withServer(processes, serverJvmOptions));
    }

    /**
     * The options each server JVM of the cell gets (without the class-data-sharing archive's, which only speed up its
     * start): the fixed ones and the suite's with the heap sized for the cell ({@link ServerHeap}), then the design's.
     */
    private List<String> serverJvmOptions(Scenario scenario, DesignSpec design, int processes) {
        List<String> suiteOptions = new ArrayList<>(context.fixedServerJvmOptions());
        suiteOptions.addAll(context.suite().serverJvmOptions());
        List<String> jvmOptions = new ArrayList<>(ServerHeap.sized(suiteOptions, design.id(), scenario.connections(),
                processes));
        jvmOptions.addAll(design.jvmOptions());
        if (scenario.measuresMemoryPerConnection() || scenario.ceilingRamp()) {
            jvmOptions.add(IDLE_GC_PAUSE_SOURCE);
        }
        return jvmOptions;
    }

    /**
     * One {@code serve} process with its log {@code server.log}, or K sharing one port ({@link ServerGroup}), each
     * with its log {@code server-<i>.log}.
     */
    private ServerUnderTest startServer(Scenario scenario, DesignSpec design, int processes, List<String> jvmOptions,
                                        CellListenAddress listen, Path cellDir) throws IOException {
        double timeout = context.suite().startupTimeoutSeconds();
        if (design.external()) {
            return ExternalServer.start(design.externalCommand(), context.pinning().serverPrefix(),
                    freshLog(cellDir.resolve(SERVER_LOG_FILE)), context.children(), timeout);
        }
        List<String> launched = new ArrayList<>(context.classDataSharing().options("server"));
        launched.addAll(jvmOptions);
        if (processes == 1) {
            return startServe(launched, serveArguments(scenario, design, listen.serveArguments()),
                    cellDir.resolve(SERVER_LOG_FILE), timeout);
        }
        // the first binds any free port, the others the one it got; all with SO_REUSEPORT (RunPlan checked they can)
        return ServerGroup.start(processes, (index, port) -> {
            List<String> listenArguments = List.of("--host", "127.0.0.1", "--port", Integer.toString(port),
                    "--reuse-port");
            return startServe(launched, serveArguments(scenario, design, listenArguments),
                    cellDir.resolve(SERVER_LOG_PREFIX + (index + 1) + ".log"), timeout);
        });
    }

    private JvmServer startServe(List<String> jvmOptions, List<String> serveArguments, Path log, double timeout)
            throws IOException {
        List<String> command = new ArrayList<>(context.pinning().serverPrefix());
        command.addAll(context.launcher().command(jvmOptions, serveArguments));
        Files.writeString(freshLog(log), String.join(" ", command) + "\n");
        return JvmServer.start(command, log, context.children(), timeout);
    }

    private static Path freshLog(Path log) throws IOException {
        Files.deleteIfExists(log);
        Files.createFile(log);
        return log;
    }

    private List<String> serveArguments(Scenario scenario, DesignSpec design, List<String> listenArguments) {
        List<String> args = new ArrayList<>(List.of("serve", "--server", design.id(), "--app", scenario.app()));
        args.addAll(listenArguments);
        Integer loops = design.loops() != null ? design.loops() : context.suite().serverLoops();
        if (loops != null && loops > 0) {
            args.addAll(List.of("--loops", Integer.toString(loops)));
        }
        for (Map.Entry<String, String> option : DesignOptions.merged(context.suite(), design).entrySet()) {
            args.addAll(List.of("--option", option.getKey() + "=" + option.getValue()));
        }
        return args;
    }

    /**
     * Idle memory is sampled once every connection is open, preferably still inside the warm-up so that the
     * GC it asks for does not land in the measured window (its pauses are excluded anyway), and at the latest
     * half-way through the window. Connections are counted by the server itself, or as new descriptors in its
     * process when it has no inside probe.
     */
    private static boolean idleSettled(Scenario scenario, LoadProcess load, ProbeSample sample, ServerUnderTest server,
                                       int fdsBefore) {
        long elapsedMs = System.currentTimeMillis() - load.startedAtMs();
        int open = sample.connections() != null ? sample.connections()
                : fdsBefore >= 0 ? ProcFs.openFds(server.process()) - fdsBefore : 0;
        // the load generator's clock starts once it has connected: connecting (at connectRate) comes first
        double connectSeconds = scenario.connectRate() > 0 ? scenario.connections() / scenario.connectRate() : 0;
        boolean lateEnough = elapsedMs >= (connectSeconds + scenario.warmupSeconds() + scenario.durationSeconds() / 2)
                * 1000;
        return open >= scenario.connections() || lateEnough;
    }

    /**
     * The measured window on the wall clock, from the best source at hand: the interval log, whose intervals
     * carry absolute timestamps and cover exactly the window (warm-up intervals are not logged); else the
     * load process's exit, reaching back load.json's {@code windowSeconds}.
     */
    private static MeasuredWindow window(LoadResult load, LoadProcess process, Path hlog) {
        if (load.sweep() != null && !load.sweep().steps().isEmpty()) {
            // a sweep's windows, whose intervals the log tags by step: from the first's start to the last's end
            return new MeasuredWindow(load.sweep().steps().getFirst().windowStartEpochMs(),
                    load.sweep().steps().getLast().windowEndEpochMs());
        }
        if (Files.isRegularFile(hlog)) {
            try {
                List<Histogram> intervals = Results.readLatencyIntervals(hlog, null);
                long startMs = intervals.stream().mapToLong(Histogram::getStartTimeStamp).min().orElse(0);
                long endMs = intervals.stream().mapToLong(Histogram::getEndTimeStamp).max().orElse(0);
                if (startMs > 0 && endMs > startMs) {
                    return new MeasuredWindow(startMs, endMs);
                }
            } catch (RuntimeException unreadable) {
                // fall back to the exit time
            }
        }
        long endMs = process.exitedAtMs() - LOAD_EXIT_LAG_MS;
        return new MeasuredWindow(endMs - (long) (load.windowSeconds() * 1000), endMs);
    }

    private ProbeSample record(Path cellDir, List<ProbeSample> samples, ProbeSample sample) {
        samples.add(sample);
        context.store().appendProbeSample(cellDir, sample);
        return sample;
    }

}
