package io.reactorbench.scenarios.run;

import io.reactorbench.loadgen.Target;
import io.reactorbench.scenarios.suite.Scenario;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Serves a ceiling cell's requests for the scenario's warm-up time before the ramp starts, so that every server
 * process has run its request path (JIT, buffer pools, pipeline classes) before the first step verifies its
 * connections. Without it the ramp measures start-up: on 2026-12-05 netty-epoll as 54 processes on this 2-core
 * machine spent its first ~20 s of CPU setting up on the first connections (54 cold JVMs at once, the server group's
 * heap rose from 390 to 700 MB) and the 10,000-connection step stopped on 5-second timeouts, while the engine, which
 * has almost nothing to set up, passed it. The warm-up spreads {@link #CONNECTIONS_PER_PROCESS} connections per
 * server process over the shared port (the kernel's SO_REUSEPORT hash places them, so most processes get dozens);
 * its result is not part of the cell, only its log ({@code warmup.log}) and its JSON ({@code warmup.json}) are kept.
 */
final class CeilingWarmup {

    static final String LOG_FILE = "warmup.log";
    static final String JSON_FILE = "warmup.json";
    /** Enough that a random hash over K listeners leaves hardly any of them without a connection. */
    static final int CONNECTIONS_PER_PROCESS = 50;
    /** How long past its warm-up time the warm-up load may take (JVM start, connecting) before it is stopped. */
    private static final long SLACK_MS = 60_000;

    private CeilingWarmup() {
    }

    /** Connections of the warm-up: a few per process, no more than the first step, within one load process. */
    static int connections(Scenario scenario, int serverProcesses, long maxConnectionsPerProcess) {
        int wanted = CONNECTIONS_PER_PROCESS * Math.max(1, serverProcesses);
        int firstStep = scenario.ceiling().steps().getFirst();
        long perProcess = maxConnectionsPerProcess > 0 ? maxConnectionsPerProcess : Integer.MAX_VALUE;
        return (int) Math.max(1, Math.min(wanted, Math.min(firstStep, perProcess)));
    }

    /**
     * Runs the warm-up and waits for it; a warm-up that fails or overruns is noted at the end of its log and the
     * ramp runs anyway (the ramp's own verification is the judge of the server).
     */
    static void run(Scenario scenario, Target target, int serverProcesses, RunContext context, Path cellDir,
                      List<String> jvmOptions) throws InterruptedException {
        int connections = connections(scenario, serverProcesses, FdLimits.current().maxConnections());
        Path log = cellDir.resolve(LOG_FILE);
        List<String> command = new ArrayList<>(context.pinning().loadPrefix());
        command.addAll(context.launcher().command(jvmOptions,
                LoadArguments.warmup(scenario, target, connections, cellDir.resolve(JSON_FILE))));
        try {
            Files.writeString(log, String.join(" ", command) + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + log, e);
        }
        long limitMs = (long) (scenario.warmupSeconds() * 1000) + SLACK_MS
                + (scenario.connectRate() > 0 ? (long) (connections / scenario.connectRate() * 1000) : 0);
        String outcome;
        try (LoadProcess warmup = LoadProcess.start(command, log, context.children())) {
            if (!warmup.awaitExit(limitMs)) {
                outcome = "still running after " + limitMs / 1000 + " s: stopped, the ramp started anyway";
            } else {
                outcome = warmup.exitCode() == 0 ? "done" : warmup.failureReason() + "; the ramp started anyway";
            }
        }
        try {
            Files.writeString(log, "warm-up: " + outcome + "\n", StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + log, e);
        }
    }
}
