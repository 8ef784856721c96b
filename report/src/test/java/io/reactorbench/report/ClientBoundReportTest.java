package io.reactorbench.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fixture with engine-nio's echo-open load generator saturated (97 % of its CPU in both trials), the
 * console table's "!" cell: the report must mark it the same way and crown no design in that scenario's
 * throughput and latency columns (engine-nio's 10,000 req/s would otherwise win).
 */
@Timeout(180)
class ClientBoundReportTest {

    @TempDir
    static Path temp;

    static Path run;
    static String markdown;
    static ReportPage page;

    @BeforeAll
    static void renderWithASaturatedClient() throws IOException {
        run = Fixture.copyWithSaturatedClient(temp.resolve("run"));
        page = ReportPage.read(HtmlReport.write(run));
        markdown = Files.readString(run.resolve("report/report.md"));
    }

    @Test
    void shouldMarkTheSaturatedCellWithTheConsoleTablesMarkAndLegend() {
        List<ReportPage.Cell> engine = page.row("echo-open", "engine-nio");
        assertThat(engine.get(2).value()).isEqualTo("10,000 !");
        assertThat(engine.getLast().value()).isEqualTo("97 !");
        assertThat(page.row("echo-open", "netty-epoll").getLast().value()).isEqualTo("40");
        assertThat(page.html()).contains("! load generator saturated: throughput is bounded by the client, "
                + "compare server CPU per request");
        assertThat(markdown).contains("| engine-nio | 2/2 | 10,000 ! <br>(9,990–10,010) |",
                "! load generator saturated: throughput is bounded by the client");
    }

    @Test
    void shouldCrownNoWinnerInColumnsTheClientBounded() {
        List<List<ReportPage.Cell>> rows = page.table("echo-open");
        // throughput, p50, p99, p99.9, max: columns 2–6.
        for (List<ReportPage.Cell> row : rows) {
            assertThat(row.subList(2, 7)).as(row.getFirst().value()).noneMatch(ReportPage.Cell::best);
            assertThat(row.getLast().best()).as("load CPU is no merit of the server's").isFalse();
        }
        assertThat(markdown).doesNotContain("**10,000** ★");
    }

    @Test
    void shouldStillCrownWinnersWhereNoClientWasSaturated() {
        assertThat(page.row("echo-sweep@connections=100", "engine-nio").stream().anyMatch(ReportPage.Cell::best))
                .isTrue();
    }
}
