package io.reactorbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.reactorbench.results.CellRef;
import io.reactorbench.results.CellSummary;
import io.reactorbench.results.ProbeSample;
import io.reactorbench.results.Results;
import io.reactorbench.results.RunManifest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code reactorbench run} of designs with {@code processes: 3}, with the real {@code serve} and {@code load} in child
 * JVMs: the runner starts three serve processes on one port (SO_REUSEPORT), the load generator's connections spread
 * over them, the cell's server numbers are their sums, and none of them outlives the run.
 */
@Timeout(value = 240, unit = TimeUnit.SECONDS)
class RunProcessesEndToEndTest {

    private static final int PROCESSES = 3;
    private static final int CONNECTIONS = 300;

    @TempDir
    Path temp;

    @Test
    void shouldServeACellFromThreeProcessesSharingOnePortAndSumTheirConnections() throws Exception {
        Path runs = temp.resolve("runs");

        int exit = RealRun.run(copySuite(), runs);

        Path runDir = Results.listRuns(runs).getFirst();
        RunManifest run = Results.readRun(runDir);
        assertThat(run.cells()).extracting(CellRef::reason).containsOnlyNulls();
        assertThat(exit).isZero();
        assertThat(run.cells()).extracting(CellRef::design).containsExactlyInAnyOrder("engine-epoll-prefork",
                "vthreads-prefork");
        for (CellRef cell : run.cells()) {
            Path cellDir = runDir.resolve(cell.dir());
            CellSummary summary = Results.readSummary(runDir, cell).orElseThrow();
            assertThat(summary.ok()).as(summary.reason()).isTrue();
            assertThat(summary.errors().total()).as(cell.design()).isZero();
            assertThat(summary.params().serverProcesses()).isEqualTo(PROCESSES);
            // three JVMs sized for 100 connections each, not the suite's pre-touched 128 MiB: 64 MiB + 1 KiB per
            // connection for the engine (65m), + 16 KiB for a thread per connection (vthreads: 65.6 MiB, so 66m)
            String maxHeap = cell.design().startsWith("engine") ? "-Xmx65m" : "-Xmx66m";
            assertThat(summary.params().serverJvmOptions()).as(cell.design()).contains("-Xms32m", maxHeap)
                    .doesNotContain("-Xms128m", "-Xmx128m", "-XX:+AlwaysPreTouch");
            assertThat(summary.server().cpuUsPerRequest()).as(cell.design()).isNotNull();
            assertThat(summary.server().threads()).as(cell.design()).isNotNull();

            try (Stream<Path> files = Files.list(cellDir)) {
                assertThat(files.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("server") && n.endsWith(".log")))
                        .containsExactlyInAnyOrder("server-1.log", "server-2.log", "server-3.log");
            }
            for (int i = 1; i <= PROCESSES; i++) {
                assertThat(Files.readAllLines(cellDir.resolve("server-" + i + ".log")).getFirst())
                        .contains(" serve ").contains("--reuse-port");
            }
            List<ProbeSample> samples = Results.readProbeSamples(Results.probeLog(runDir, cell));
            // each sample sums the three processes: all the load generator's connections, none counted twice
            assertThat(samples).extracting(ProbeSample::connections).contains(CONNECTIONS)
                    .allMatch(connections -> connections <= CONNECTIONS);
        }
        assertThat(RealRun.childrenOfThisBuild(line -> line.contains(" serve ") && line.contains("--reuse-port")))
                .as("serve processes left running").isEmpty();
    }

    @Test
    void shouldRefuseProcessesForAnExternalDesignAtDryRunWithFileAndLine() throws Exception {
        Path suite = temp.resolve("external.yaml");
        Files.writeString(suite, """
                name: external
                designs:
                  - {id: "external:./srv --port {port}", processes: 2}
                scenarios:
                  - {name: echo, app: echo, connections: 4}
                """);

        ReportCliFixture.Outcome outcome = ReportCliFixture.execute("run", suite.toString(), "--dry-run",
                "--out", temp.resolve("runs").toString());

        assertThat(outcome.exitCode()).isEqualTo(2);
        assertThat(outcome.err()).contains("external.yaml:3: an external design runs the one process its command"
                + " starts: drop 'processes'");
    }

    @Test
    void shouldListTheProcessesOfEachDesignInADryRun() throws Exception {
        ReportCliFixture.Outcome outcome = ReportCliFixture.execute("run", copySuite().toString(), "--dry-run",
                "--out", temp.resolve("runs").toString());

        assertThat(outcome.exitCode()).as(outcome.err()).isZero();
        assertThat(outcome.out()).contains("engine-epoll-prefork x 3 processes, vthreads-prefork x 3 processes");
    }

    private Path copySuite() throws Exception {
        return RealRun.copySuite("processes.yaml", temp);
    }
}
