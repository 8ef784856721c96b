package io.reactorbench.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@org.junit.jupiter.api.Timeout(120)
class HtmlReportTest {

    @TempDir
    Path temp;

    @Test
    void shouldWriteIndexAndMarkdownForFixtureRun() {
        Path run = Fixture.copyTo(temp.resolve("run"));
        Path index = HtmlReport.write(run);
        assertThat(index).isEqualTo(run.resolve("report/index.html")).isRegularFile();
        assertThat(run.resolve("report/report.md")).isRegularFile();
        { // kept for people (and the chart review) to look at: report/target/fixture-report
            Fixture.copyTree(run.resolve("report"), java.nio.file.Path.of("target/fixture-report"));
        }
    }
}
