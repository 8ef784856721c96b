package io.reactorbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.reactorbench.scenarios.suite.Suites;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code run --dry-run} checks a suite as a run would and lists its cells, starting and writing nothing. */
class RunDryRunTest {

    @TempDir
    Path temp;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        PrintStream originalOut = System.out;
        PrintStream originalErr = System.err;
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            return Main.execute(args);
        } finally {
            System.setOut(originalOut);
            System.setErr(originalErr);
        }
    }

    @Test
    void shouldListTheCellsOfAValidSuiteWithoutRunningOrWritingAnything() {
        Path runs = temp.resolve("runs");
        int exit = run("run", "smoke", "--dry-run", "--designs", "threads,vthreads", "--set", "trials=2",
                "--out", runs.toString());

        assertThat(exit).as(err.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("echo-pingpong")
                .contains("suite smoke is valid: 4 scenarios x 2 designs (threads, vthreads) x 2 trials = 16 cells")
                .contains("not run (--dry-run)");
        assertThat(Files.exists(runs)).as("nothing written").isFalse();
    }

    @Test
    void shouldRefuseASuiteThatCannotRunWithExit2() throws Exception {
        Path suite = Files.writeString(temp.resolve("bad.yaml"), """
                name: bad
                designs: [threads, no-such-design]
                scenarios:
                  - name: echo
                    app: echo
                    connections: 10
                """);

        assertThat(run("run", suite.toString(), "--dry-run", "--out", temp.resolve("runs").toString())).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("bad.yaml:2: unknown server design 'no-such-design'");
        assertThat(Files.exists(temp.resolve("runs"))).isFalse();
    }

    @Test
    void shouldNameEveryBuiltInSuiteInItsHelp() {
        assertThat(run("run", "--help")).isZero();
        String help = out.toString(StandardCharsets.UTF_8).replaceAll("\\s+", " ");
        assertThat(Suites.BUILT_IN).allSatisfy(name -> assertThat(help).contains(name));
        assertThat(help).contains("--dry-run");
    }
}
