package io.reactorbench.cli;

import io.reactorbench.loadgen.AgentBarrier;
import io.reactorbench.loadgen.AppKind;
import io.reactorbench.loadgen.CeilingPlan;
import io.reactorbench.loadgen.Endpoints;
import io.reactorbench.loadgen.LoadAgents;
import io.reactorbench.loadgen.LoadModel;
import io.reactorbench.loadgen.LoadOutputs;
import io.reactorbench.loadgen.LoadRun;
import io.reactorbench.loadgen.LoadSpec;
import io.reactorbench.sys.PollerKind;
import io.reactorbench.loadgen.Preflight;
import io.reactorbench.loadgen.RateStages;
import io.reactorbench.loadgen.HoldGate;
import io.reactorbench.loadgen.StartGate;
import io.reactorbench.loadgen.Target;
import io.reactorbench.loadgen.Threshold;
import io.reactorbench.results.load.LoadJson;
import io.reactorbench.results.load.LoadResult;
import io.reactorbench.results.load.RateCheck;
import io.reactorbench.wire.units.Durations;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code reactorbench load}: builds a {@link LoadSpec} from the options (validated once, there), checks the
 * machine's limits, runs the load in this process or over several agent processes, and prints / writes what
 * was measured. Exit 0 when requests were answered and every {@code --threshold} held, 1 when none was answered
 * or a threshold failed, 2 for bad input or limits that would certainly fail.
 */
@Command(name = "load", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Drives load at one or more servers (wrk2-style open loop, closed loop, idle, churn, slow reader,"
                + " connection ceiling).",
            "Example: load --target 127.0.0.1:8080 --app echo --connections 1000 --rate 50000 --duration 10s"
                + " --json out.json --hlog out.hlog",
            "Ceiling: load --target 127.0.0.1:8080 --model ceiling --steps 10k,50k,100k --connect-rate 5k --hold 10s"
                + " --rate 10k --source 127.0.0.2-127.0.0.9 --json out.json: each step opens its connections, verifies"
                + " each by one echo, holds them while --rate runs over random ones, and prints 'STEP i HOLD n"
                + " connections' / 'STEP i DONE n connections' (or 'STEP i STOPPED code n connections: why'); the ramp"
                + " stops at the first step it cannot complete (connect-errors, timeouts, errors, fd-limit,"
                + " port-limit, memory-guard, stopped) and still exits 0.",
            "Sweep: load --target 127.0.0.1:8080 --find max-rate --slo p99=5ms,errors=0.1%% --start-rate 10k --warmup 2s"
                + " --duration 5s --json out.json: steps of open-loop rates over the same connections, then bisection,"
                + " and prints 'SWEEP i RATE/s: ...' per step; --rates 10k,20k,40k runs a fixed list instead."})
final class LoadCommand implements Callable<Integer> {

    @Spec
    CommandSpec command;

    @Option(names = "--target", split = ",", paramLabel = "HOST:PORT",
            description = {"Server address; repeat it or give a comma list to spread connections over several.",
                "HOST:PORT (tcp), udp:HOST:PORT (echo only: one datagram per request, each numbered, so lost ones"
                    + " count as timeouts) or unix:PATH (Unix-domain stream socket), as 'serve' prints after READY."})
    List<String> targets;

    @Mixin
    HttpRequestOptions http = new HttpRequestOptions();

    @Mixin
    SweepOptions sweep = new SweepOptions();

    @Option(names = "--app", defaultValue = "echo", description = "echo, rpc or http (default: ${DEFAULT-VALUE}).")
    String app;

    @Option(names = "--connections", defaultValue = "10", converter = UnitConverters.IntCount.class,
            description = "Connections, e.g. 1000 or 20k (default: ${DEFAULT-VALUE}).")
    int connections;

    @Option(names = "--connect-rate", paramLabel = "PER_SEC", converter = UnitConverters.Rate.class,
            description = "New connections per second while opening them (default 2000; churn: unpaced).")
    Double connectRate;

    @Option(names = "--source", paramLabel = "ADDR[-ADDR]",
            description = "Source addresses bound round-robin, e.g. 127.0.0.2-127.0.0.40.")
    String source;

    @Option(names = "--threads", description = "Load threads (default: available processors).")
    Integer threads;

    @Option(names = "--model", description = "closed, open, idle, churn, slowread, ceiling or sweep (default: open if"
            + " --rate, else closed; ceiling if --steps; sweep if --rates or --find).")
    String model;

    @Option(names = "--steps", split = ",", paramLabel = "N[,N…]", converter = UnitConverters.IntCount.class,
            description = "Ceiling model: connections held at each step, whole load (split over --agents), e.g."
                    + " 10k,50k,100k; replaces --connections.")
    List<Integer> steps;

    @Option(names = "--hold", paramLabel = "DURATION", defaultValue = CeilingPlan.DEFAULT_HOLD,
            description = "Ceiling model: how long each step holds its connections under --rate (default:"
                    + " ${DEFAULT-VALUE}).")
    String hold;

    @Option(names = "--verify-rate", paramLabel = "PER_SEC", converter = UnitConverters.Rate.class,
            description = "Ceiling model: verification echoes per second, whole load (one per connection at each"
                    + " step; default 20k).")
    Double verifyRate;

    @Option(names = "--settle", paramLabel = "DURATION",
            description = "Ceiling model: a quiet pause after each step's verification, before its hold, announced"
                    + " by a 'STEP i SETTLE' line (a runner samples the servers there, off the hold; default: none).")
    String settle;

    @Option(names = "--memory-floor", paramLabel = "BYTES", converter = UnitConverters.LongBytes.class,
            description = "Ceiling model: stop the ramp (memory-guard) when MemAvailable falls below this, e.g. 4GiB"
                    + " (default: the larger of 2 GiB and 10%% of MemTotal).")
    Long memoryFloor;

    @Option(names = "--rate", paramLabel = "PER_SEC", converter = UnitConverters.Rate.class,
            description = "Total requests per second (open loop), e.g. 50000 or 50k; with --stages, the rate the first"
                    + " stage ramps from (default 0).")
    Double rate;

    @Option(names = "--depth", defaultValue = "1", converter = UnitConverters.IntCount.class,
            description = "Requests in flight per connection (pipelining; default: ${DEFAULT-VALUE}).")
    int depth;

    @Option(names = "--batch",
            description = "Closed loop: send --depth requests together, the next batch when all are answered (wrk's pipeline.lua).")
    boolean batch;

    @Option(names = "--size", paramLabel = "BYTES", converter = UnitConverters.IntBytes.class,
            description = "Echo message size (default 64) or rpc request payload (default 0), e.g. 1KiB.")
    Integer size;

    @Option(names = "--response-size", defaultValue = "64", paramLabel = "BYTES",
            converter = UnitConverters.IntBytes.class,
            description = "rpc response payload (default: ${DEFAULT-VALUE}).")
    int responseSize;

    @Option(names = "--cpu-ns", defaultValue = "0", description = "rpc: server CPU spin per request, ns.")
    int cpuNs;

    @Option(names = "--block-us", defaultValue = "0", description = "rpc: server blocking work per request, µs.")
    int blockUs;

    @Option(names = "--heartbeat", defaultValue = "5s", description = "idle model: period of each connection's request.")
    String heartbeat;

    @Option(names = "--read-rate", paramLabel = "BYTES_PER_SEC", converter = UnitConverters.LongBytes.class,
            description = "slowread model: bytes per second each connection reads of its answers (default 16384; 0: never"
                    + " reads). Sends go as fast as the socket accepts.")
    Long readRate;

    @Option(names = "--max-in-flight", paramLabel = "BYTES", defaultValue = "64MiB",
            converter = UnitConverters.LongBytes.class,
            description = "slowread model: request bytes a connection may have unanswered before it stops sending"
                    + " (default: ${DEFAULT-VALUE}), so the run ends by itself even against a server that"
                    + " buffers everything.")
    long maxInFlight;

    @Option(names = "--duration", defaultValue = "10s",
            description = "Measured window, e.g. 10s, 2m, 1h2m (default: ${DEFAULT-VALUE}).")
    String duration;

    @Option(names = "--warmup",
            description = "Time run before the window and not measured, so JIT compilation and connection set-up do"
                    + " not count (default: " + LoadSpec.DEFAULT_WARMUP + ", as in suites; 0s with --requests, whose"
                    + " count is of measured requests from the start).")
    String warmup;

    @Option(names = "--stages", paramLabel = "DURATION:RATE[,…]",
            description = "Open loop: ramp the total rate linearly to each RATE over its DURATION, from --rate (default"
                    + " 0), e.g. 10s:1000,30s:5000. The stages are the whole run: the warm-up is their start, the"
                    + " window the rest; excludes --duration.")
    String stages;

    @Option(names = "--threshold", paramLabel = "METRIC<VALUE",
            description = "Pass/fail criterion judged on the whole window at the end; any failed one makes the exit"
                    + " code 1. METRIC: p50 p75 p90 p99 p999 p9999 max mean (ms, s…; corrected when measured), errors"
                    + " (share of requests, e.g. 0.1%%), rps. Operators < <= > >=. Repeatable.")
    List<String> thresholds = List.of();

    @Option(names = "--requests", defaultValue = "0", converter = UnitConverters.LongCount.class,
            description = "Stop after this many answered requests (0: no limit).")
    long requests;

    @Option(names = "--timeout", defaultValue = "5s", description = "Per-request timeout (default: ${DEFAULT-VALUE}).")
    String timeout;

    @Option(names = "--json", paramLabel = "FILE",
            description = "Write the result as JSON (schema reactorbench.load/1); '-' writes it to stdout and the"
                    + " summary to stderr.")
    Path json;

    @Option(names = "--hlog", paramLabel = "FILE",
            description = "Write an HdrHistogram interval log (1 s intervals; corrected latency untagged, uncorrected"
                    + " tagged 'uncorrected'; closed loop and churn: uncorrected, untagged).")
    Path hlog;

    @Option(names = "--shard", paramLabel = "i/K", description = "Run share i of K of the load (one agent of K).")
    String shard;

    @Option(names = "--start-barrier", paramLabel = "FILE",
            description = "With --shard: once connected, create FILE, then start at the instant of a line"
                    + " 'go EPOCH_MS' read on stdin (how --agents starts its agents together).")
    Path startBarrier;

    @Option(names = "--coordinator", paramLabel = "HOST:PORT",
            description = {"Run as one agent of a coordinated load (reactorbench coordinate): register there, start"
                    + " when it says, stream the interval histograms to it and send the result; thresholds are"
                    + " judged there, on the merged run. Needs --token-file and --shard i/K or --shard-count K.",
                "Exit 1 when the coordinator goes away or gives the run up (the load stops), 2 when it refuses"
                    + " this agent."})
    String coordinator;

    @Option(names = "--token-file", paramLabel = "FILE",
            description = "With --coordinator: the file holding the run's token (in Kubernetes a mounted Secret).")
    Path tokenFile;

    @Option(names = "--shard-count", paramLabel = "K",
            description = "With --coordinator: one agent of K, its index from the environment variable "
                    + CoordinatedAgent.INDEX_VARIABLE + " (what a Kubernetes Indexed Job sets).")
    Integer shardCount;

    @Option(names = "--agents", defaultValue = "1",
            description = "Split the load over K processes (this one and K-1 children) and merge their histograms.")
    int agents;

    @Option(names = "--poller", defaultValue = "auto",
            description = "How load threads wait for sockets: epoll (FFM, Linux; no heap object per connection), nio"
                    + " (Selector), or auto = epoll where available (default).")
    String poller;

    @Option(names = "--allow-remote", description = "Allow targets and sources outside loopback.")
    boolean allowRemote;

    @Option(names = "--report-memory", description = "Measure heap per connection once all are open (forces GC).")
    boolean reportMemory;

    @Option(names = "--progress", defaultValue = "auto", description = "auto, line (updating), lines or none.")
    String progress;

    @Option(names = "--no-summary", description = "Do not print the summary (agents started by --agents).")
    boolean noSummary;

    @Override
    public Integer call() throws Exception {
        LoadSpec whole = buildSpec();
        List<Threshold> judged = LoadOptionChecks.thresholds(thresholds);
        boolean jsonToStdout = LoadOptionChecks.isStdout(json);
        LoadOptionChecks.requireWritable("--json", jsonToStdout ? null : json);
        LoadOptionChecks.requireWritable("--hlog", hlog);
        if (agents < 1) {
            throw new UserError("--agents must be at least 1");
        }
        if (coordinator != null || tokenFile != null || shardCount != null) {
            return new CoordinatedAgent(this).run(whole, outputs(jsonToStdout));
        }
        if (agents > 1 && shard != null) {
            throw new UserError("--agents and --shard exclude each other");
        }
        if (startBarrier != null && shard == null) {
            throw new UserError("--start-barrier applies to one agent of several: give --shard i/K too");
        }
        LoadSpec mine = whole;
        if (shard != null) {
            int[] iK = parseShard(shard);
            mine = whole.forShard(iK[0], iK[1]);
        } else {
            preflight(whole);
        }
        PrintStream summaryOut = jsonToStdout ? System.err : System.out;
        LoadOutputs outputs = outputs(jsonToStdout);
        // An agent of a ceiling ramp begins each hold when the parent says, so all agents hold together.
        HoldGate holds = startBarrier != null && mine.ceiling() != null ? HoldGate.fromParent() : null;
        StartGate startGate = startBarrier == null ? StartGate.NOW
                : AgentBarrier.agentSide(startBarrier, System.in, holds);
        LoadResult result = agents > 1 ? runAgents(whole, outputs)
                : new LoadRun(mine, outputs, startGate).holdGate(holds).executeStoppingOnSignal();
        if (jsonToStdout) {
            System.out.println(LoadJson.toJson(result));
        }
        RateCheck rateCheck = result.rateCheck();
        if (rateCheck != null && rateCheck.missed()) {
            System.err.printf(Locale.ROOT, "load: warning: the rate was missed: %.0f req/s answered of %.0f asked"
                    + " (%.1f%%); the corrected latencies measure the backlog%n", rateCheck.achievedPerSec(),
                    rateCheck.targetPerSec(), rateCheck.achievedPercent());
        }
        boolean thresholdsHeld = Threshold.report(judged, result, noSummary ? System.err : summaryOut);
        // A ceiling ramp stopped by a limit or by errors has measured where its ceiling is: a result, not a failure.
        boolean answered = result.steps() != null || result.requests() > 0 || result.errors().total() == 0;
        return answered && thresholdsHeld ? Main.EXIT_OK : Main.EXIT_CHECK_FAILED;
    }

    /** Where this run's results go as the options say. */
    LoadOutputs outputs(boolean jsonToStdout) {
        // With --json -, stdout holds the JSON alone: the summary goes to stderr with the progress.
        PrintStream summaryOut = jsonToStdout ? System.err : System.out;
        return new LoadOutputs(jsonToStdout ? null : json, hlog, summaryOut, System.err, progressMode(), !noSummary,
                reportMemory);
    }

    private LoadResult runAgents(LoadSpec whole, LoadOutputs outputs) throws Exception {
        try {
            return new LoadAgents(whole, agents, new LoadAgentCommand(ownArgs()), outputs).run();
        } catch (LoadAgents.AgentFailedException e) {
            throw new UserError(e.getMessage(), Main.EXIT_CHECK_FAILED);
        }
    }

    /** This subcommand's arguments, without what came before it ({@code load} and any global options). */
    private List<String> ownArgs() {
        List<String> all = command.commandLine().getParseResult().originalArgs();
        int at = all.indexOf(command.name());
        return at < 0 ? all : all.subList(at + 1, all.size());
    }

    LoadSpec buildSpec() {
        AppKind appKind = AppKind.parse(app);
        if (http.url != null && targets != null) {
            throw new UserError("give --target or --url, not both");
        }
        if (http.url == null && targets == null) {
            throw new UserError("no target given (use --target HOST:PORT, or --url http://HOST:PORT/PATH)");
        }
        if (http.given()) {
            if (command.commandLine().getParseResult().hasMatchedOption("--app") && appKind != AppKind.HTTP) {
                throw new UserError("--url, --method, --header and --body apply to --app http, not " + app);
            }
            appKind = AppKind.HTTP;
        }
        LoadModel loadModel = model == null ? null : LoadModel.parse(model);
        LoadOptionChecks.requirePositiveRate(rate);
        RateStages rateStages = stages == null ? null : RateStages.parse(stages, rate == null ? 0 : rate);
        // --requests N counts from the first request (wrk's and ab's meaning): a default warm-up would swallow them
        long warmupNs = Durations.parseNs(warmup != null ? warmup
                : requests > 0 || steps != null ? "0s" : LoadSpec.DEFAULT_WARMUP);
        long durationNs = rateStages == null ? Durations.parseNs(duration)
                : LoadOptionChecks.stagedWindowNs(rateStages, warmupNs,
                        command.commandLine().getParseResult().hasMatchedOption("--duration"));
        LoadSpec.Builder spec = LoadSpec.builder()
                .targets(http.url != null ? List.of(Target.tcp(http.parsedUrl().address())) : Endpoints.parseTargets(targets))
                .sources(source == null ? List.of() : Endpoints.parseSources(source))
                .app(appKind)
                .model(loadModel)
                .connections(connections)
                .ratePerSec(rate == null ? 0 : rate)
                .depth(depth)
                .batch(batch)
                .sizeBytes(size)
                .responseSizeBytes(responseSize)
                .cpuSpinNs(cpuNs)
                .blockUs(blockUs)
                .heartbeatNs(Durations.parseNs(heartbeat))
                .durationNs(durationNs)
                .warmupNs(warmupNs)
                .stages(rateStages)
                .maxRequests(requests)
                .timeoutNs(Durations.parseNs(timeout))
                .allowRemote(allowRemote)
                .poller(PollerKind.parse(poller))
                .readRateBytesPerSec(readRate)
                .maxInFlightBytesPerConnection(maxInFlight)
                .httpRequest(http.request());
        if (connectRate != null) {
            spec.connectRatePerSec(connectRate);
        }
        spec.ceiling(ceilingPlan(loadModel));
        spec.sweep(sweep.plan(loadModel, warmupNs, durationNs, command.commandLine().getParseResult()));
        if (threads != null) {
            spec.threads(threads);
        }
        return spec.build();
    }

    /** The ramp when --steps is given; null otherwise, when the ceiling-only options must be absent. */
    private CeilingPlan ceilingPlan(LoadModel loadModel) {
        var parsed = command.commandLine().getParseResult();
        if (steps == null) {
            for (String option : List.of("--hold", "--verify-rate", "--memory-floor", "--settle")) {
                if (parsed.hasMatchedOption(option)) {
                    throw new UserError(option + " applies to the ceiling model only (give --steps)");
                }
            }
            if (loadModel == LoadModel.CEILING) {
                throw new UserError("the ceiling model needs --steps (connections per step, e.g. 10k,50k,100k)");
            }
            return null;
        }
        if (loadModel != null && loadModel != LoadModel.CEILING) {
            throw new UserError("--steps applies to the ceiling model only, not " + loadModel.id());
        }
        for (String option : List.of("--connections", "--duration", "--warmup", "--requests", "--stages",
                "--report-memory")) {
            if (parsed.hasMatchedOption(option)) {
                throw new UserError(option + " does not apply to the ceiling model: its connections are --steps, each"
                        + " held for --hold after a verification echo per connection (its warm-up)");
            }
        }
        return new CeilingPlan(steps, Durations.parseNs(hold),
                verifyRate == null ? CeilingPlan.DEFAULT_VERIFY_RATE_PER_SEC : verifyRate,
                memoryFloor == null ? CeilingPlan.DEFAULT_MEMORY_FLOOR : memoryFloor,
                settle == null ? 0 : Durations.parseNs(settle));
    }

    private void preflight(LoadSpec whole) {
        Preflight check = Preflight.checkThisMachine(whole, agents);
        for (String problem : check.problems()) {
            System.err.println("load: " + (check.fatal() ? "cannot run: " : "warning: ") + problem);
        }
        if (check.fatal()) {
            throw new UserError("the machine's limits cannot hold this load (see above)");
        }
    }

    private LoadOutputs.Progress progressMode() {
        return switch (progress) {
            case "auto" -> System.console() != null ? LoadOutputs.Progress.UPDATING_LINE : LoadOutputs.Progress.LINES;
            case "line" -> LoadOutputs.Progress.UPDATING_LINE;
            case "lines" -> LoadOutputs.Progress.LINES;
            case "none" -> LoadOutputs.Progress.NONE;
            default -> throw new UserError("bad --progress '" + progress + "' (expected auto, line, lines or none)");
        };
    }

    static int[] parseShard(String text) {
        String[] parts = text.split("/");
        try {
            if (parts.length == 2) {
                int i = Integer.parseInt(parts[0].trim());
                int k = Integer.parseInt(parts[1].trim());
                if (k >= 1 && i >= 0 && i < k) {
                    return new int[] {i, k};
                }
            }
        } catch (NumberFormatException e) {
            // fall through to the message below
        }
        throw new UserError("bad --shard '" + text + "' (expected i/K with 0 <= i < K, e.g. 0/2)");
    }
}
