package io.reactorbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The gate against real runs: a tiny rpc suite (two designs, three 1 s trials) run as a baseline, repeated, and
 * run again with 50 µs of server CPU work injected per request. The repeat must pass, the slow run must fail
 * naming the rule. About a minute: the only long test of the gate. Whether the repeat passes depends on how
 * quiet the machine is (the gate judges measured server CPU), so it runs with {@code -Pbench}, not by default.
 */
@Tag("bench")
class GateEndToEndTest {

    @TempDir
    Path tempDir;

    /** Where the runs go: a temporary directory, or {@code -Dgate.e2e.dir=...} to keep them for a look. */
    private Path dir;

    @Test
    void shouldFailTheRunWithInjectedCpuWorkAndPassARepeatOfTheBaseline() throws Exception {
        String keep = System.getProperty("gate.e2e.dir");
        dir = keep == null ? tempDir : Files.createDirectories(Path.of(keep));
        Path normalSuite = resource("suite-normal.yaml");
        Path slowSuite = resource("suite-slow.yaml");
        Path policy = resource("policy.yaml");

        Path first = run(normalSuite, "first");
        Path baseline = dir.resolve("baseline.json");
        assertThat(Main.execute("baseline", "save", first.toString(), "--to", baseline.toString())).isZero();
        Path repeat = run(normalSuite, "repeat");
        Path slow = run(slowSuite, "slow");

        Gated passing = gate(baseline, repeat, policy);
        assertThat(passing.exitCode()).as(passing.output()).isZero();
        assertThat(passing.output()).contains("gate: PASS");

        Gated failing = gate(baseline, slow, policy);
        assertThat(failing.exitCode()).as(failing.output()).isEqualTo(1);
        assertThat(failing.output()).contains("gate: FAIL: rule 'server-cpu'").contains("REGRESSION");
    }

    private record Gated(int exitCode, String output) {
    }

    private Gated gate(Path baseline, Path candidate, Path policy) {
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream savedOut = System.out;
        PrintStream savedErr = System.err;
        PrintStream both = new PrintStream(captured, true, StandardCharsets.UTF_8);
        System.setOut(both);
        System.setErr(both);
        int exit;
        try {
            exit = Main.execute("gate", "--baseline", baseline.toString(), "--candidate", candidate.toString(),
                    "--policy", policy.toString());
        } finally {
            System.setOut(savedOut);
            System.setErr(savedErr);
        }
        String output = captured.toString(StandardCharsets.UTF_8);
        System.out.print(output);
        return new Gated(exit, output);
    }

    /** Runs a suite into {@code dir/<name>/} and returns the one run directory it made. */
    private Path run(Path suite, String name) throws IOException {
        Path parent = dir.resolve(name);
        int exit = Main.execute("run", suite.toString(), "--out", parent.toString());
        assertThat(exit).as("run " + suite.getFileName() + " exit code").isZero();
        try (Stream<Path> runs = Files.list(parent)) {
            List<Path> found = runs.filter(p -> Files.isRegularFile(p.resolve("run.json"))).toList();
            assertThat(found).hasSize(1);
            return found.getFirst();
        }
    }

    private Path resource(String name) throws IOException {
        try (InputStream in = GateEndToEndTest.class.getResourceAsStream("/gate-e2e/" + name)) {
            assertThat(in).as("test resource gate-e2e/" + name).isNotNull();
            Path file = dir.resolve(name);
            Files.write(file, in.readAllBytes());
            return file;
        }
    }
}
