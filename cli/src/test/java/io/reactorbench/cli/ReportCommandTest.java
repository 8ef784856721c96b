package io.reactorbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.reactorbench.cli.ReportCliFixture.Outcome;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(180)
class ReportCommandTest {

    @TempDir
    Path temp;

    @Test
    void shouldWriteTheReportIntoTheRunAndPrintItsPath() {
        Path run = ReportCliFixture.copyRun(temp.resolve("run"));
        Outcome outcome = ReportCliFixture.execute("report", run.toString());
        assertThat(outcome.exitCode()).as(outcome.err()).isZero();
        assertThat(outcome.out().strip()).isEqualTo(run.resolve("report/index.html").toString());
        assertThat(run.resolve("report/index.html")).isRegularFile();
        assertThat(run.resolve("report/report.md")).isRegularFile();
    }

    @Test
    void shouldExitTwoWithOneLineWhenTheDirectoryIsNotAResultsDirectory() throws Exception {
        Path empty = Files.createDirectories(temp.resolve("empty"));
        Outcome outcome = ReportCliFixture.execute("report", empty.toString());
        assertThat(outcome.exitCode()).isEqualTo(2);
        assertThat(outcome.err().lines())
                .containsExactly("report: not a results directory (no run.json) nor a directory of runs: " + empty);
    }

    @Test
    void shouldExitTwoWhenGivenNothingToReport() {
        Outcome outcome = ReportCliFixture.execute("report");
        assertThat(outcome.exitCode()).isEqualTo(2);
        assertThat(outcome.err().lines()).hasSize(1);
    }

    @Test
    void shouldWriteAJmhOnlyReportNextToTheJmhFile() throws Exception {
        Path jmh = temp.resolve("jmh-result.json");
        ReportCliFixture.copyJmh(jmh);
        Outcome outcome = ReportCliFixture.execute("report", "--jmh", jmh.toString());
        assertThat(outcome.exitCode()).as(outcome.err()).isZero();
        Path index = temp.resolve("jmh-report/index.html");
        assertThat(outcome.out().strip()).isEqualTo(index.toString());
        assertThat(Files.readString(index)).contains("RingBufferBenchmark.writeThenRead");
    }
}
