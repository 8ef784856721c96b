package io.reactorbench.cli;

import io.reactorbench.loadgen.AppKind;
import io.reactorbench.loadgen.Durations;
import io.reactorbench.loadgen.Endpoints;
import io.reactorbench.loadgen.LoadModel;
import io.reactorbench.loadgen.LoadOutputs;
import io.reactorbench.loadgen.LoadResult;
import io.reactorbench.loadgen.LoadRun;
import io.reactorbench.loadgen.LoadSpec;
import io.reactorbench.loadgen.PollerKind;
import io.reactorbench.loadgen.Preflight;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code reactorbench load}: builds a {@link LoadSpec} from the options (validated once, there), checks the
 * machine's limits, runs the load in this process or over several agent processes, and prints / writes what
 * was measured. Exit 0 when requests were answered, 1 when none was, 2 for bad input or limits that would
 * certainly fail.
 */
@Command(name = "load", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Drives load at one or more servers (wrk2-style open loop, closed loop, idle, churn, slow reader).",
            "Example: load --target 127.0.0.1:8080 --app echo --connections 1000 --rate 50000 --duration 10s"
                + " --json out.json --hlog out.hlog"})
final class LoadCommand implements Callable<Integer> {

    @Spec
    CommandSpec command;

    @Option(names = "--target", split = ",", paramLabel = "HOST:PORT",
            description = "Server address; repeat it or give a comma list to spread connections over several.")
    List<String> targets;

    @Mixin
    HttpRequestOptions http = new HttpRequestOptions();

    @Option(names = "--app", defaultValue = "echo", description = "echo, rpc or http (default: ${DEFAULT-VALUE}).")
    String app;

    @Option(names = "--connections", defaultValue = "10", description = "Connections (default: ${DEFAULT-VALUE}).")
    int connections;

    @Option(names = "--connect-rate", paramLabel = "PER_SEC",
            description = "New connections per second while opening them (default 2000; churn: unpaced).")
    Double connectRate;

    @Option(names = "--source", paramLabel = "ADDR[-ADDR]",
            description = "Source addresses bound round-robin, e.g. 127.0.0.2-127.0.0.40.")
    String source;

    @Option(names = "--threads", description = "Load threads (default: available processors).")
    Integer threads;

    @Option(names = "--model", description = "closed, open, idle, churn or slowread (default: open if --rate, else closed).")
    String model;

    @Option(names = "--rate", paramLabel = "PER_SEC", description = "Total requests per second (open loop).")
    Double rate;

    @Option(names = "--depth", defaultValue = "1",
            description = "Requests in flight per connection (pipelining; default: ${DEFAULT-VALUE}).")
    int depth;

    @Option(names = "--batch",
            description = "Closed loop: send --depth requests together, the next batch when all are answered (wrk's pipeline.lua).")
    boolean batch;

    @Option(names = "--size", paramLabel = "BYTES", description = "Echo message size (default 64) or rpc request payload (default 0).")
    Integer size;

    @Option(names = "--response-size", defaultValue = "64", paramLabel = "BYTES",
            description = "rpc response payload (default: ${DEFAULT-VALUE}).")
    int responseSize;

    @Option(names = "--cpu-ns", defaultValue = "0", description = "rpc: server CPU spin per request, ns.")
    int cpuNs;

    @Option(names = "--block-us", defaultValue = "0", description = "rpc: server blocking work per request, µs.")
    int blockUs;

    @Option(names = "--heartbeat", defaultValue = "5s", description = "idle model: period of each connection's request.")
    String heartbeat;

    @Option(names = "--read-rate", paramLabel = "BYTES_PER_SEC",
            description = "slowread model: bytes per second each connection reads of its answers (default 16384; 0: never"
                    + " reads). Sends go as fast as the socket accepts.")
    Long readRate;

    @Option(names = "--max-in-flight", paramLabel = "BYTES", defaultValue = "67108864",
            description = "slowread model: request bytes a connection may have unanswered before it stops sending"
                    + " (default: ${DEFAULT-VALUE}, 64 MiB), so the run ends by itself even against a server that"
                    + " buffers everything.")
    long maxInFlight;

    @Option(names = "--duration", defaultValue = "10s", description = "Measured window (default: ${DEFAULT-VALUE}).")
    String duration;

    @Option(names = "--warmup", defaultValue = "0s", description = "Discarded time before the window (default: ${DEFAULT-VALUE}).")
    String warmup;

    @Option(names = "--requests", defaultValue = "0", description = "Stop after this many answered requests (0: no limit).")
    long requests;

    @Option(names = "--timeout", defaultValue = "5s", description = "Per-request timeout (default: ${DEFAULT-VALUE}).")
    String timeout;

    @Option(names = "--json", paramLabel = "FILE", description = "Write the result as JSON (schema reactorbench.load/1).")
    Path json;

    @Option(names = "--hlog", paramLabel = "FILE",
            description = "Write an HdrHistogram interval log (1 s intervals, tags 'corrected' and 'uncorrected').")
    Path hlog;

    @Option(names = "--shard", paramLabel = "i/K", description = "Run share i of K of the load (one agent of K).")
    String shard;

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
        if (agents < 1) {
            throw new UserError("--agents must be at least 1");
        }
        if (agents > 1 && shard != null) {
            throw new UserError("--agents and --shard exclude each other");
        }
        LoadSpec mine = whole;
        if (shard != null) {
            int[] iK = parseShard(shard);
            mine = whole.forShard(iK[0], iK[1]);
        } else {
            preflight(whole);
        }
        LoadOutputs outputs = new LoadOutputs(json, hlog, System.out, progressMode(), !noSummary, reportMemory);
        LoadResult result = agents > 1
                ? new LoadAgents(whole, agents, ownArgs(), outputs).run()
                : runHere(mine, outputs);
        return result.requests() > 0 || result.errors().total() == 0 ? Main.EXIT_OK : Main.EXIT_CHECK_FAILED;
    }

    /** Runs in this process; Ctrl-C / SIGTERM stop the run, which still prints and writes what it measured. */
    static LoadResult runHere(LoadSpec spec, LoadOutputs outputs) throws Exception {
        LoadRun run = new LoadRun(spec, outputs);
        Thread hook = new Thread(() -> {
            run.requestStop();
            try {
                run.awaitFinished(15_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "load-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            return run.execute();
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // Already shutting down: the hook is running and waits for us.
            }
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
        boolean churn = loadModel == LoadModel.CHURN;
        return LoadSpec.builder()
                .targets(http.url != null ? List.of(http.parsedUrl().address()) : Endpoints.parseTargets(targets))
                .sources(source == null ? List.of() : Endpoints.parseSources(source))
                .app(appKind)
                .model(loadModel)
                .connections(connections)
                .connectRatePerSec(connectRate != null ? connectRate : churn ? 1e9 : 2_000)
                .threads(threads != null ? threads : Runtime.getRuntime().availableProcessors())
                .ratePerSec(rate == null ? 0 : rate)
                .depth(depth)
                .batch(batch)
                .sizeBytes(size)
                .responseSizeBytes(responseSize)
                .cpuSpinNs(cpuNs)
                .blockUs(blockUs)
                .heartbeatNs(Durations.parseNs(heartbeat))
                .durationNs(Durations.parseNs(duration))
                .warmupNs(Durations.parseNs(warmup))
                .maxRequests(requests)
                .timeoutNs(Durations.parseNs(timeout))
                .allowRemote(allowRemote)
                .poller(PollerKind.parse(poller))
                .readRateBytesPerSec(readRate)
                .maxInFlightBytesPerConnection(maxInFlight)
                .httpRequest(http.request())
                .build();
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
