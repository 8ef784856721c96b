package io.reactorbench.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.reactorbench.report.read.RunReader;
import io.reactorbench.report.table.CeilingCompareTables;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Compares the ceiling fixture run (A) with a copy (B) in which engine-epoll's heap per connection at the 50,000 step
 * rose from 58 to 87 B and netty-epoll's ceiling fell from 50,000 to 25,000 connections.
 */
@Timeout(180)
class CeilingCompareTest {

    @TempDir
    static Path temp;

    static ReportPage page;
    static String markdown;

    @BeforeAll
    static void compareCeilingFixtureWithAChangedCopy() throws IOException {
        Path runA = CeilingFixture.copyTo(temp.resolve("A"));
        Path runB = CeilingFixture.copyTo(temp.resolve("B"));
        edit(runB.resolve("ramp/engine-epoll/trial-1/summary.json"), "\"heapPerConnectionBytes\" : 58.0",
                "\"heapPerConnectionBytes\" : 87.0");
        edit(runB.resolve("ramp/netty-epoll/trial-1/summary.json"), "\"highestHeld\" : 50000",
                "\"highestHeld\" : 25000");
        Path index = CompareReport.write(runA, runB, CompareReport.defaultOutDir(runA, runB));
        page = ReportPage.read(index);
        markdown = Files.readString(index.resolveSibling("report.md"));
    }

    private static void edit(Path summary, String from, String to) throws IOException {
        String json = Files.readString(summary);
        assertThat(json).contains(from);
        Files.writeString(summary, json.replace(from, to));
    }

    @Test
    void shouldShowPerDesignTheHighestStepHeldInBothRunsWithTheChange() {
        String title = "ramp — connection ceiling: highest step held";
        assertThat(values(page.row(title, "engine-epoll")))
                .containsExactly("engine-epoll", "100,000", "100,000", "±0 %", "completed", "completed");
        assertThat(values(page.row(title, "netty-epoll")))
                .containsExactly("netty-epoll", "50,000", "25,000", "−50 %", "memory-guard", "memory-guard");
    }

    @Test
    void shouldCompareHeapRssAndP99AtEveryStepBothRampsCompleted() {
        List<List<ReportPage.Cell>> rows = page.table("ramp — connection ceiling: per step both ramps completed");
        // engine-epoll completed 3 steps in both runs, netty-epoll 2 (the memory guard stopped the third): 3 metrics each.
        assertThat(rows).hasSize(15);
        assertThat(rows.stream().map(CeilingCompareTest::values)).contains(
                List.of("engine-epoll", "50,000", "heap/conn (B)", "58", "87", "+50 %"),
                List.of("engine-epoll", "50,000", "RSS/conn (B)", "390", "390", "±0 %"),
                List.of("engine-epoll", "50,000", "p99 (ms)", "2.25", "2.25", "±0 %"),
                List.of("netty-epoll", "10,000", "heap/conn (B)", "120", "120", "±0 %"));
        assertThat(rows).noneMatch(row -> row.getFirst().value().equals("netty-epoll")
                && row.get(1).value().equals("100,000"));
    }

    @Test
    void shouldWriteTheCeilingSectionInMarkdown() {
        assertThat(markdown).contains("## Connection ceilings")
                .contains("| " + String.join(" | ", CeilingCompareTables.HELD_HEADINGS) + " |")
                .contains("| engine-epoll | 50,000 | heap/conn (B) | 58 | 87 | +50 % |");
    }

    @Test
    void shouldAddNoCeilingTablesWhenTheRunsHaveNoCeilingCells() {
        assertThat(CeilingCompareTables.of(RunReader.read(Fixture.SOURCE), RunReader.read(Fixture.SOURCE))).isEmpty();
    }

    private static List<String> values(List<ReportPage.Cell> row) {
        return row.stream().map(ReportPage.Cell::value).toList();
    }
}
