package io.reactorbench.cli;

import io.reactorbench.scenarios.run.SigintCheck;
import java.nio.file.Files;
import java.nio.file.Path;
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
        SigintCheck.interruptMidCellAndAssertCleanStop(runner, log, runs, 60);
    }
}
