package io.reactorbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.reactorbench.results.Results;
import io.reactorbench.results.RunManifest;
import io.reactorbench.results.RunStatus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code reactorbench run} as its own JVM, interrupted with SIGINT while a cell runs: no server or load
 * process survives it, and the results directory says {@code incomplete} and still loads.
 */
class RunInterruptTest {

    @TempDir
    Path temp;

    @Test
    void shouldStopEveryChildAndMarkTheRunIncompleteOnSigint() throws Exception {
        Path suite = temp.resolve("long.yaml");
        Files.writeString(suite, """
                name: long
                trials: 1
                warmup: 1s
                duration: 60s
                serverJvmOptions: [-Xmx64m]
                designs: [vthreads, threads]
                scenarios:
                  - {name: echo, app: echo, connections: 2}
                """);
        Path runs = temp.resolve("runs");
        Path log = temp.resolve("runner.log");
        Process runner = new ProcessBuilder(ProcessHandle.current().info().command().orElseThrow(),
                "--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"),
                "io.reactorbench.cli.Main", "run", suite.toString(), "--out", runs.toString())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            List<ProcessHandle> children = awaitServerAndLoad(runner, log);

            Process kill = new ProcessBuilder("kill", "-INT", Long.toString(runner.pid())).start();
            assertThat(kill.waitFor(10, TimeUnit.SECONDS)).isTrue();

            assertThat(runner.waitFor(30, TimeUnit.SECONDS)).as("runner exits on SIGINT").isTrue();
            for (ProcessHandle child : children) {
                child.onExit().get(5, TimeUnit.SECONDS);
                assertThat(child.isAlive()).as("child %d %s", child.pid(), child.info().commandLine()).isFalse();
            }
            RunManifest run = Results.readRun(Results.listRuns(runs).getFirst());
            assertThat(run.status()).isEqualTo(RunStatus.INCOMPLETE);
            assertThat(run.finishedAt()).isNotNull();
        } finally {
            runner.descendants().forEach(ProcessHandle::destroyForcibly);
            runner.destroyForcibly();
        }
    }

    /** Every descendant of the runner once both its server and its load child are running. */
    private static List<ProcessHandle> awaitServerAndLoad(Process runner, Path log) throws Exception {
        long deadlineNs = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadlineNs) {
            List<ProcessHandle> descendants = runner.descendants().toList();
            boolean server = descendants.stream().anyMatch(p -> commandLine(p).contains(" serve "));
            boolean load = descendants.stream().anyMatch(p -> commandLine(p).contains(" load "));
            if (server && load) {
                Thread.sleep(500);
                return runner.descendants().toList();
            }
            if (!runner.isAlive()) {
                throw new AssertionError("the runner exited early: " + Files.readString(log));
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no server and load child within 60 s: " + Files.readString(log));
    }

    /** The whole command line: ProcessHandle.Info cuts long ones (the test class path is long) short. */
    private static String commandLine(ProcessHandle process) {
        try {
            return Files.readString(Path.of("/proc", Long.toString(process.pid()), "cmdline")).replace('\0', ' ');
        } catch (java.io.IOException e) {
            return "";
        }
    }
}
