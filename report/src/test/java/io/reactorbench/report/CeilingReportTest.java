package io.reactorbench.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.reactorbench.report.table.CeilingStepTable;
import io.reactorbench.report.table.CeilingSummaryTable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Renders the ceiling fixture run's report (engine-epoll completes 10k, 50k, 100k; netty-epoll is stopped by the
 * memory guard at the third step) and reads its tables, charts and notes.
 */
@Timeout(180)
class CeilingReportTest {

    @TempDir
    static Path temp;

    static Path run;
    static ReportPage page;
    static String markdown;

    @BeforeAll
    static void renderCeilingReport() throws IOException {
        run = CeilingFixture.copyTo(temp.resolve("run"));
        page = ReportPage.read(HtmlReport.write(run));
        markdown = Files.readString(run.resolve("report/report.md"));
        // Kept for people (and the chart review) to open: report/target/ceiling-report/index.html
        Fixture.copyTree(run.resolve("report"), Path.of("target/ceiling-report"));
    }

    @Test
    void shouldSummariseEachDesignByConnectionsHeldAndWhatStoppedIt() {
        assertThat(values(page.row("ramp — echo, connection ceiling", "engine-epoll")))
                .containsExactly("engine-epoll", "1/1", "100,000", "completed",
                        "380", "60", "10,272", "3", "–");
        assertThat(values(page.row("ramp — echo, connection ceiling", "netty-epoll")))
                .containsExactly("netty-epoll", "1/1", "50,000", "memory-guard", "890", "122", "10,256", "4.5",
                        "–");
        assertThat(page.row("ramp — echo, connection ceiling", "engine-epoll").get(2).best()).isTrue();
        assertThat(page.html()).contains(String.join("</th><th>", CeilingSummaryTable.HEADINGS));
    }

    @Test
    void shouldTabulateEveryStepOfEachDesign() {
        List<List<ReportPage.Cell>> engine = page.table("ramp — engine-epoll: steps");
        assertThat(engine).hasSize(3);
        assertThat(values(engine.get(0))).containsExactly("10,000", "10,000", "10,000", "5,000", "400", "56", "10,240",
                "1", "4", "2", "0.4", "1.5", "3", "–", "0", "");
        assertThat(values(engine.get(2))).containsExactly("100,000", "100,000", "100,000", "4,000", "380", "60",
                "10,272", "3", "12", "4", "0.8", "3", "6", "–", "0", "");
    }

    @Test
    void shouldShowTheStepTheMemoryGuardStoppedWithItsReason() {
        List<List<ReportPage.Cell>> netty = page.table("ramp — netty-epoll: steps");
        assertThat(netty).hasSize(3);
        List<ReportPage.Cell> stopped = netty.get(2);
        assertThat(values(stopped)).containsExactly("100,000", "71,234", "0", "4,000", "–", "–", "–", "3", "12", "4",
                "–", "–", "–", "–", "12", "memory-guard");
        assertThat(stopped.get(1).flagged()).as("held short of the step's target").isTrue();
        assertThat(stopped.getLast().flagged()).isTrue();
        assertThat(page.html()).contains("stopped by memory-guard: " + CeilingFixture.STOPPED_BECAUSE);
    }

    @Test
    void shouldWriteTheSameStepTableInMarkdown() {
        assertThat(markdown).contains("### ramp — netty-epoll: steps\n\n| "
                + String.join(" | ", CeilingStepTable.HEADINGS) + " |");
        assertThat(markdown).contains("| 100,000 | 71,234 ⚠ | 0 | 4,000 | – | – | – | 3 | 12 | 4 | – | – | – | – | 12 |"
                + " memory-guard ⚠ |");
        assertThat(markdown).contains("| 50,000 | 50,000 | 50,000 | 4,500 | 890 | 122 | 10,256 | 2 | 8 | 3 | 1.2 | 4.5"
                + " | 9 | – | 0 |  |");
    }

    @Test
    void shouldDrawTheCeilingChartsInsteadOfTheSteadyStateOnes() {
        Path report = run.resolve("report");
        assertThat(report.resolve("ceiling.png")).isRegularFile();
        assertThat(report.resolve("ceiling-memory-ramp.png")).isRegularFile();
        assertThat(report.resolve("ceiling-latency-ramp.png")).isRegularFile();
        // a ramp has no steady window: no throughput bars, percentile curve or timeline for it
        assertThat(report.resolve("throughput.png")).doesNotExist();
        assertThat(report.resolve("latency-ramp.png")).doesNotExist();
        assertThat(report.resolve("timeline-ramp.png")).doesNotExist();
        assertThat(page.imageSources()).hasSize(3);
        assertThat(markdown).contains("## " + CeilingCharts.SECTION, "](ceiling.png)", "](ceiling-memory-ramp.png)",
                "](ceiling-latency-ramp.png)");
    }

    @Test
    void shouldLabelEachBarWithWhatStoppedItsRamp() throws IOException {
        String svg = Files.readString(run.resolve("report/ceiling.svg"));
        assertThat(svg).contains("engine-epoll: 100k (completed)", "netty-epoll: 50k (memory-guard)");
    }

    @Test
    void shouldSayHowTheLoadWasPlaced() {
        assertThat(page.html()).contains("ramp: load from 3 agents over 2 source addresses (127.0.0.2-127.0.0.3); the "
                + "agents began measuring within 85 ms of each other (the largest of its 2 cells).");
    }

    private static List<String> values(List<ReportPage.Cell> row) {
        return row.stream().map(ReportPage.Cell::value).toList();
    }
}
