package io.reactorbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.reactorbench.scenarios.suite.Suites;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code run --dry-run} checks a suite as a run would and lists its cells, starting and writing nothing. */
class RunDryRunTest {

    @TempDir
    Path temp;

    /** What the commands of one test printed, all of them. */
    private final StringBuilder out = new StringBuilder();
    private final StringBuilder err = new StringBuilder();

    private int run(String... args) {
        ReportCliFixture.Outcome outcome = ReportCliFixture.execute(args);
        out.append(outcome.out());
        err.append(outcome.err());
        return outcome.exitCode();
    }

    @Test
    void shouldListTheCellsOfAValidSuiteWithoutRunningOrWritingAnything() {
        Path runs = temp.resolve("runs");
        int exit = run("run", "smoke", "--dry-run", "--designs", "threads,vthreads", "--set", "trials=2",
                "--out", runs.toString());

        assertThat(exit).as(err.toString()).isZero();
        assertThat(out.toString()).contains("echo-pingpong")
                .contains("suite smoke is valid: 4 scenarios x 2 designs (threads, vthreads) x 2 trials = 16 cells")
                .contains("not run (--dry-run)");
        assertThat(Files.exists(runs)).as("nothing written").isFalse();
    }

    @Test
    void shouldListTheStandardSuitesKneeSearchesAndTheDesignsTheyRunOn() {
        int exit = run("run", "standard", "--dry-run", "--out", temp.resolve("runs").toString());

        assertThat(exit).as(err.toString()).isZero();
        assertThat(out.toString()).containsPattern("echo-knee +only on engine-epoll, netty-epoll, .*vthreads, threads")
                .containsPattern("http-knee +http sweep, 100 connections, find max-rate from 5000 req/s within"
                        + " p99=10000us,errors=0.1%, each step warm-up 1.0s \\+ 2.0s, at most 12 steps");
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
        assertThat(err.toString()).contains("bad.yaml:2: unknown server design 'no-such-design'");
        assertThat(Files.exists(temp.resolve("runs"))).isFalse();
    }

    @Test
    void shouldNameEveryBuiltInSuiteInItsHelp() {
        assertThat(run("run", "--help")).isZero();
        String help = out.toString().replaceAll("\\s+", " ");
        assertThat(Suites.BUILT_IN).allSatisfy(name -> assertThat(help).contains(name));
        assertThat(help).contains("--dry-run");
    }
}
