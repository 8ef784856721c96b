package io.reactorbench.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.reactorbench.report.table.SweepStepTable;
import io.reactorbench.report.table.SweepSummaryTable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The report of the sweep fixture run ({@link SweepFixture}): its sweep section, tables and charts. */
@Timeout(180)
class SweepReportTest {

    @TempDir
    static Path temp;

    static Path run;
    static ReportPage page;
    static String markdown;

    @BeforeAll
    static void renderSweepReport() throws IOException {
        run = SweepFixture.writeRun(temp.resolve("run"));
        page = ReportPage.read(HtmlReport.write(run));
        markdown = Files.readString(run.resolve("report/report.md"));
        // Kept for people (and the chart review) to open: report/target/sweep-report/index.html
        Fixture.copyTree(run.resolve("report"), Path.of("target/sweep-report"));
    }

    @Test
    void shouldSummariseEachDesignByItsSustainedRateAndWhetherItsKneeWasFound() {
        String title = "knee — echo, highest rate within the objective over 50 connections (objective"
                + " p99=5000us,errors=0.1%, and 95 % of the rate answered)";
        assertThat(values(page.row(title, "engine-epoll")))
                .containsExactly("engine-epoll", "1/1", "40,000", "60,000", "found", "3", "5");
        assertThat(values(page.row(title, "threads")))
                .containsExactly("threads", "1/1", "20,000", "–", "not found", "1.65", "2");
        assertThat(page.row(title, "engine-epoll").get(2).best()).isTrue();
        assertThat(page.row(title, "threads").get(4).flagged()).as("a knee not found is not a ceiling").isTrue();
        assertThat(page.html()).contains(String.join("</th><th>", SweepSummaryTable.HEADINGS));
    }

    @Test
    void shouldTabulateEachDesignsStepsByOfferedRate() {
        List<List<ReportPage.Cell>> engine = page.table("knee — engine-epoll: steps");
        assertThat(engine).extracting(row -> row.get(1).value())
                .containsExactly("10,000", "20,000", "40,000", "60,000", "80,000");
        assertThat(values(engine.get(3))).containsExactly("4", "60,000", "48,000", "4.8", "18", "36", "0", "0",
                "broke: p99 18.0 ms > 5.00 ms");
        assertThat(engine.get(3).getLast().flagged()).isTrue();
        assertThat(page.html()).contains("no step broke the objective, up to 20000/s: the knee lies above");
        assertThat(markdown).contains("### knee — engine-epoll: steps\n\n| "
                + String.join(" | ", SweepStepTable.HEADINGS) + " |");
    }

    @Test
    void shouldDrawTheHockeyStickAndTheSustainedRatesInsteadOfTheSteadyStateCharts() throws IOException {
        Path report = run.resolve("report");
        assertThat(report.resolve("sweep-sustained.png")).isRegularFile();
        assertThat(report.resolve("sweep-latency-knee.png")).isRegularFile();
        assertThat(report.resolve("throughput.png")).doesNotExist();
        assertThat(report.resolve("latency-knee.png")).doesNotExist();
        assertThat(markdown).contains("## " + SweepCharts.SECTION, "](sweep-sustained.png)", "](sweep-latency-knee.png)");
        if (Files.exists(report.resolve("sweep-latency-knee.svg"))) {
            assertThat(Files.readString(report.resolve("sweep-latency-knee.svg"))).contains("objective p99 ≤ 5.0 ms");
        }
    }

    private static List<String> values(List<ReportPage.Cell> row) {
        return row.stream().map(ReportPage.Cell::value).toList();
    }
}
