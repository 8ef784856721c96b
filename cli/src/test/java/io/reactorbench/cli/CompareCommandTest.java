package io.reactorbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.reactorbench.cli.ReportCliFixture.Outcome;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(180)
class CompareCommandTest {

    @TempDir
    Path temp;

    @Test
    void shouldWriteBothOutputsIntoRunBAndPrintThePath() {
        Path a = ReportCliFixture.copyRun(temp.resolve("runA"));
        Path b = ReportCliFixture.copyRun(temp.resolve("runB"));
        Outcome outcome = ReportCliFixture.execute("compare", a.toString(), b.toString());
        assertThat(outcome.exitCode()).as(outcome.err()).isZero();
        Path index = b.resolve("compare-vs-runA/index.html");
        assertThat(outcome.out().strip()).isEqualTo(index.toString());
        assertThat(index).isRegularFile();
        assertThat(b.resolve("compare-vs-runA/report.md")).isRegularFile();
    }

    @Test
    void shouldWriteWhereOutSays() {
        Path a = ReportCliFixture.copyRun(temp.resolve("runA"));
        Path out = temp.resolve("cmp");
        Outcome outcome = ReportCliFixture.execute("compare", a.toString(), a.toString(), "--out", out.toString());
        assertThat(outcome.exitCode()).as(outcome.err()).isZero();
        assertThat(out.resolve("index.html")).isRegularFile();
    }

    @Test
    void shouldExitTwoWhenARunIsMissing() {
        Path a = ReportCliFixture.copyRun(temp.resolve("runA"));
        Outcome outcome = ReportCliFixture.execute("compare", a.toString(), temp.resolve("nope").toString());
        assertThat(outcome.exitCode()).isEqualTo(2);
        assertThat(outcome.err().lines()).containsExactly("compare: no such directory: " + temp.resolve("nope"));
    }
}
