package io.reactorbench.scenarios.run;

import io.reactorbench.loadgen.Target;
import io.reactorbench.results.LoadPlacement;
import io.reactorbench.scenarios.suite.RateSteps;
import io.reactorbench.scenarios.suite.Scenario;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The {@code reactorbench load ...} arguments of one scenario variant against one server. */
final class LoadArguments {

    private LoadArguments() {
    }

    /** {@code target} as the server's READY line named it: {@code host:port}, {@code udp:host:port} or {@code unix:/path}. */
    static List<String> of(Scenario s, Target target, Path json, Path hlog) {
        return of(s, target, json, hlog, new LoadPlacement(1, 0, null, null, null), 1);
    }

    /**
     * The same, spread over {@code placement}'s load processes and source addresses ({@link LoadSplit}), against
     * {@code serverProcesses} server processes (a ceiling's settle pause grows with them).
     */
    static List<String> of(Scenario s, Target target, Path json, Path hlog, LoadPlacement placement,
                           int serverProcesses) {
        List<String> args = new ArrayList<>(List.of("load",
                "--target", target.text(),
                "--app", s.app(),
                "--model", s.model()));
        if (s.ceilingRamp()) {
            // the steps and holds are the run: no --connections, --warmup or --duration
            args.addAll(List.of("--steps", String.join(",", s.ceiling().steps().stream().map(String::valueOf).toList()),
                    "--hold", millis(s.ceiling().holdSeconds())));
            if (s.ceiling().verifyRate() > 0) {
                args.addAll(List.of("--verify-rate", number(s.ceiling().verifyRate())));
            }
            double settle = CeilingDeadline.settleSeconds(s, serverProcesses);
            if (settle > 0) {
                args.addAll(List.of("--settle", millis(settle)));
            }
            if (s.ceiling().memoryFloorBytes() > 0) {
                args.addAll(List.of("--memory-floor", Long.toString(s.ceiling().memoryFloorBytes())));
            }
        } else {
            if (s.rateSweep()) {
                args.addAll(sweep(s));
            }
            args.addAll(List.of("--connections", Integer.toString(s.connections()),
                    "--warmup", millis(s.warmupSeconds()),
                    "--duration", millis(s.durationSeconds())));
        }
        args.addAll(List.of("--json", json.toString(), "--hlog", hlog.toString()));
        addRequestShape(args, s, placement);
        return args;
    }

    /**
     * A ceiling cell's warm-up before its ramp ({@link CeilingWarmup}): the scenario's requests at its rate over
     * {@code connections} connections for its warm-up time, open loop, one load process, nothing kept but the log.
     */
    static List<String> warmup(Scenario s, Target target, int connections, Path json) {
        List<String> args = new ArrayList<>(List.of("load",
                "--target", target.text(),
                "--app", s.app(),
                "--model", "open",
                "--connections", Integer.toString(connections),
                "--warmup", "0ms",
                "--duration", millis(s.warmupSeconds()),
                "--json", json.toString()));
        addRequestShape(args, s, new LoadPlacement(1, 0, null, null, null));
        return args;
    }

    /** The options every load of the scenario shares: rate, request shape, connect rate, threads, placement. */
    private static void addRequestShape(List<String> args, Scenario s, LoadPlacement placement) {
        if (s.rate() > 0) {
            args.addAll(List.of("--rate", number(s.rate())));
        }
        if (s.depth() != 1) {
            args.addAll(List.of("--depth", Integer.toString(s.depth())));
        }
        if (!s.app().equals("http")) {
            args.addAll(List.of("--size", Integer.toString(s.size())));
        }
        if (s.responseSize() > 0) {
            args.addAll(List.of("--response-size", Integer.toString(s.responseSize())));
        }
        if (s.cpuNs() > 0) {
            args.addAll(List.of("--cpu-ns", Long.toString(s.cpuNs())));
        }
        if (s.blockUs() > 0) {
            args.addAll(List.of("--block-us", Long.toString(s.blockUs())));
        }
        if (s.heartbeatSeconds() > 0) {
            args.addAll(List.of("--heartbeat", millis(s.heartbeatSeconds())));
        }
        if (s.connectRate() > 0) {
            args.addAll(List.of("--connect-rate", number(s.connectRate())));
        }
        if (s.model().equals("slowread")) {
            args.addAll(List.of("--read-rate", Long.toString(s.readRate())));
        }
        if (s.loadThreads() > 0) {
            args.addAll(List.of("--threads", Integer.toString(s.loadThreads())));
        }
        if (placement.agents() > 1) {
            args.addAll(List.of("--agents", Integer.toString(placement.agents())));
        }
        if (placement.sourceRange() != null) {
            args.addAll(List.of("--source", placement.sourceRange()));
        }
    }

    /** A sweep's rates or search, with its time bound (the same default as the load generator's, said outright). */
    private static List<String> sweep(Scenario s) {
        RateSteps sweep = s.sweep();
        List<String> args = new ArrayList<>();
        if (sweep.findsMaxRate()) {
            args.addAll(List.of("--find", "max-rate", "--start-rate", number(sweep.startRate()),
                    "--growth", Double.toString(sweep.growth()), "--resolution", number(sweep.resolution() * 100) + "%",
                    "--max-steps", Integer.toString(sweep.maxSteps())));
        } else {
            args.addAll(List.of("--rates", String.join(",", sweep.rates().stream().map(LoadArguments::number).toList())));
        }
        if (sweep.objective() != null) {
            args.addAll(List.of("--slo", sweep.objective().describe()));
        }
        args.addAll(List.of("--max-time", millis(sweep.boundSeconds(s.warmupSeconds() + s.durationSeconds()))));
        return args;
    }

    private static String millis(double seconds) {
        return Math.round(seconds * 1000) + "ms";
    }

    private static String number(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }
}
