package io.reactorbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.reactorbench.results.CellRef;
import io.reactorbench.results.CellSummary;
import io.reactorbench.results.Results;
import io.reactorbench.results.RunManifest;
import io.reactorbench.scenarios.run.Launcher;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code reactorbench run} of scenarios with {@code transport: unix} and {@code transport: udp}, with the real
 * {@code serve} and {@code load} in child JVMs: the runner starts the server on that transport, reads its READY line,
 * points the load generator at it, and the cells land in summary.json and the report like TCP ones.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class RunTransportsEndToEndTest {

    @TempDir
    Path temp;

    @Test
    void shouldRunUnixAndUdpCellsIntoSummariesAndTheReport() throws Exception {
        Path suite = copySuite();
        RunCommand command = new RunCommand();
        command.launcher = Launcher.fromClassPath(ProcessHandle.current().info().command().orElseThrow(),
                System.getProperty("java.class.path"), Main.class.getName());
        Path runs = temp.resolve("runs");

        int exit = new CommandLine(command).execute(suite.toString(), "--designs", "engine-nio",
                "--only", "echo-unix,echo-udp", "--out", runs.toString());

        Path runDir = Results.listRuns(runs).getFirst();
        RunManifest run = Results.readRun(runDir);
        assertThat(run.cells()).extracting(CellRef::reason).containsOnlyNulls();
        assertThat(exit).isZero();
        Map<String, CellSummary> byScenario = run.cells().stream()
                .map(cell -> Results.readSummary(runDir, cell).orElseThrow())
                .collect(Collectors.toMap(CellSummary::scenario, Function.identity()));
        assertThat(byScenario).containsOnlyKeys("echo-unix", "echo-udp");
        assertThat(byScenario.get("echo-unix").params().transport()).isEqualTo("unix");
        assertThat(byScenario.get("echo-udp").params().transport()).isEqualTo("udp");
        for (CellSummary summary : byScenario.values()) {
            assertThat(summary.ok()).as(summary.reason()).isTrue();
            assertThat(summary.requests()).as(summary.scenario()).isPositive();
            assertThat(summary.errors().total()).as(summary.scenario()).isZero();
            assertThat(summary.server().cpuUsPerRequest()).as(summary.scenario()).isNotNull();
        }
        try (Stream<Path> left = Files.walk(runDir)) {
            assertThat(left.filter(p -> p.getFileName().toString().endsWith(".sock"))).as("socket files removed").isEmpty();
        }

        String report = Files.readString(runDir.resolve("report/report.md"));
        assertThat(report).contains("echo-unix — echo, over unix, closed loop, 4 connections")
                .contains("echo-udp — echo, over udp, closed loop, 4 connections");
    }

    @Test
    void shouldRefuseADesignThatCannotListenOnAScenariosTransportBeforeRunning() throws Exception {
        Path suite = copySuite();
        Path runs = temp.resolve("runs");

        ReportCliFixture.Outcome outcome = ReportCliFixture.execute("run", suite.toString(), "--dry-run",
                "--designs", "engine-nio,threads", "--out", runs.toString());

        assertThat(outcome.exitCode()).isEqualTo(2);
        assertThat(outcome.err()).contains("transports.yaml:17: scenario 'echo-unix' runs over unix, which design"
                + " threads cannot listen on (it serves: tcp)");
        assertThat(Files.exists(runs)).isFalse();
    }

    @Test
    void shouldListTheTransportOfEachCellInADryRun() throws Exception {
        ReportCliFixture.Outcome outcome = ReportCliFixture.execute("run", copySuite().toString(), "--dry-run",
                "--designs", "engine-nio", "--out", temp.resolve("runs").toString());

        assertThat(outcome.exitCode()).as(outcome.err()).isZero();
        assertThat(outcome.out()).contains("echo over unix closed").contains("echo over udp closed")
                .contains("3 scenarios x 1 designs");
    }

    private Path copySuite() throws Exception {
        Path suite = temp.resolve("transports.yaml");
        try (InputStream in = getClass().getResourceAsStream("/suites/transports.yaml")) {
            Files.write(suite, in.readAllBytes());
        }
        return suite;
    }
}
