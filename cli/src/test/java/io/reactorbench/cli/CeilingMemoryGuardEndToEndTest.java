package io.reactorbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.reactorbench.results.CellRef;
import io.reactorbench.results.CellSummary;
import io.reactorbench.results.Results;
import io.reactorbench.results.RunManifest;
import io.reactorbench.results.ceiling.CeilingStepResult;
import io.reactorbench.results.load.CeilingStop;
import io.reactorbench.sys.MemInfo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A ceiling ramp stopped by the memory guard (issue 18), through {@code reactorbench run} in its own JVM: the
 * runner and every child read a meminfo file the test controls ({@link MemInfo#OVERRIDE_ENV}), plentiful until the
 * first step holds, then below the guard's floor. The run must end at once and cleanly: exit 0, the step it held
 * in summary.json, {@code stoppedBy: memory-guard}, and no process left.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class CeilingMemoryGuardEndToEndTest {

    private static final long GIB = 1L << 30;

    @TempDir
    Path temp;

    @Test
    void shouldEndTheRampCleanlyWithTheStepsItHeldWhenTheGuardTrips() throws Exception {
        Path suite = temp.resolve("guarded.yaml");
        Files.writeString(suite, """
                name: guarded
                trials: 1
                cpus: none
                server: {loops: 1}
                serverJvmOptions: [-Xmx64m]
                designs: [engine-epoll]
                scenarios:
                  - name: ceiling
                    app: echo
                    model: ceiling
                    steps: [200, 2000, 4000]
                    connectRate: 5000
                    hold: 1s
                    rate: 200
                """);
        Path meminfo = temp.resolve("meminfo");
        writeMeminfo(meminfo, 20 * GIB);
        Path runs = temp.resolve("runs");
        Path log = temp.resolve("runner.log");
        ProcessBuilder builder = new ProcessBuilder(ProcessHandle.current().info().command().orElseThrow(),
                "--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"),
                "io.reactorbench.cli.Main", "run", suite.toString(), "--out", runs.toString())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put(MemInfo.OVERRIDE_ENV, meminfo.toString());
        Process runner = builder.start();
        try {
            awaitLine(runs, "STEP 0 DONE", runner, log);
            writeMeminfo(meminfo, 1 * GIB); // below the default floor (the larger of 2 GiB and 10 % of 24 GiB)

            assertThat(runner.waitFor(120, TimeUnit.SECONDS)).as("the run ends").isTrue();
            assertThat(runner.exitValue()).as(Files.readString(log)).isZero();
            List<ProcessHandle> left = runner.descendants().filter(ProcessHandle::isAlive).toList();
            assertThat(left).as("processes left behind").isEmpty();

            Path runDir = Results.listRuns(runs).getFirst();
            RunManifest run = Results.readRun(runDir);
            CellRef cell = run.cells().getFirst();
            CellSummary summary = Results.readSummary(runDir, cell).orElseThrow();
            assertThat(summary.ok()).as(summary.reason()).isTrue();
            assertThat(summary.ceiling().stoppedBy()).isEqualTo(CeilingStop.MEMORY_GUARD);
            assertThat(summary.ceiling().highestHeld()).isEqualTo(200);
            assertThat(summary.ceiling().steps()).extracting(CeilingStepResult::completed).containsExactly(true, false);
            assertThat(Files.readString(runDir.resolve(cell.dir()).resolve("summary.json")))
                    .contains("\"stoppedBy\" : \"memory-guard\"");
        } finally {
            runner.descendants().forEach(ProcessHandle::destroyForcibly);
            runner.destroyForcibly();
        }
    }

    private static void writeMeminfo(Path file, long availableBytes) throws IOException {
        Path next = file.resolveSibling("meminfo.next");
        Files.writeString(next, "MemTotal:       " + (24 * GIB / 1024) + " kB\nMemAvailable:   "
                + (availableBytes / 1024) + " kB\nSlab:           400000 kB\n");
        Files.move(next, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    /** Waits for {@code text} in the cell's load.log (the load generator's step lines land there). */
    private static void awaitLine(Path runs, String text, Process runner, Path log) throws Exception {
        long deadlineNs = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (System.nanoTime() < deadlineNs) {
            if (Files.isDirectory(runs)) {
                try (Stream<Path> files = Files.walk(runs)) {
                    for (Path loadLog : files.filter(p -> p.getFileName().toString().equals("load.log")).toList()) {
                        if (Files.readString(loadLog).contains(text)) {
                            return;
                        }
                    }
                }
            }
            if (!runner.isAlive()) {
                throw new AssertionError("the run ended before '" + text + "': " + Files.readString(log));
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no '" + text + "' in 90 s: " + Files.readString(log));
    }
}
