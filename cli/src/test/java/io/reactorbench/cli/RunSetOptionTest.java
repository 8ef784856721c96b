package io.reactorbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.reactorbench.results.CellSummary;
import io.reactorbench.results.Results;
import io.reactorbench.results.RunManifest;
import io.reactorbench.scenarios.run.Launcher;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code run --set}: overrides are validated like the suite file, and the run records what they changed. */
class RunSetOptionTest {

    private static final String SUITE = """
            name: tiny
            trials: 2
            warmup: 5s
            duration: 10s
            server: {loops: 1}
            serverJvmOptions: [-Xmx128m]
            designs: [threads]
            scenarios:
              - {name: echo, app: echo, connections: 2}
              - {name: rpc, app: rpc, connections: 2, size: 64, responseSize: 64}
            """;

    @TempDir
    Path temp;

    private Path suiteFile() throws Exception {
        Path suite = temp.resolve("tiny.yaml");
        Files.writeString(suite, SUITE);
        return suite;
    }

    @Test
    void shouldRefuseABadOverrideInOneLineNamingItBeforeAnythingStarts() throws Exception {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream original = System.err;
        int exit;
        try {
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            exit = Main.execute("run", suiteFile().toString(), "--out", temp.resolve("runs").toString(),
                    "--set", "trials=2", "--set", "rpc.cpuNs=-5");
        } finally {
            System.setErr(original);
        }

        assertThat(exit).isEqualTo(2);
        assertThat(Files.exists(temp.resolve("runs"))).as("nothing started").isFalse();
        assertThat(err.toString(StandardCharsets.UTF_8).strip()).hasLineCount(1)
                .startsWith("run: --set 'rpc.cpuNs=-5': 'cpuNs' in scenario 'rpc' must be");
    }

    @Test
    void shouldRunWithTheOverridesAndListThemInRunJson() throws Exception {
        RunCommand command = new RunCommand();
        command.launcher = Launcher.fromClassPath(ProcessHandle.current().info().command().orElseThrow(),
                System.getProperty("java.class.path"), Main.class.getName());
        Path runs = temp.resolve("runs");

        int exit = new CommandLine(command).execute(suiteFile().toString(), "--out", runs.toString(), "--only", "rpc",
                "--set", "trials=1", "--set", "warmup=200ms", "--set", "duration=800ms", "--set", "*.cpuNs=20000");

        assertThat(exit).isZero();
        Path runDir = Results.listRuns(runs).getFirst();
        RunManifest run = Results.readRun(runDir);
        assertThat(run.notes()).contains("overrides applied (--set): trials=1; warmup=200ms; duration=800ms;"
                + " *.cpuNs=20000 in rpc (skipped echo: 'cpuNs' applies to app rpc only)");
        assertThat(run.suiteResolved().path("trials").asInt()).isEqualTo(1);
        assertThat(run.suiteResolved().path("scenarios").get(0).path("cpuNs").asLong()).isEqualTo(20_000);
        assertThat(run.cells()).hasSize(1);
        CellSummary summary = Results.readSummary(runDir.resolve(run.cells().getFirst().dir()));
        assertThat(summary.params().cpuSpinNs()).isEqualTo(20_000);
        assertThat(summary.params().durationSeconds()).isEqualTo(0.8);
    }
}
