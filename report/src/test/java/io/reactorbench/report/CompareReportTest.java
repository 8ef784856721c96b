package io.reactorbench.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Compares the fixture run (A) with a copy whose engine-nio echo-open throughput was halved (B). */
@Timeout(180)
class CompareReportTest {

    @TempDir
    static Path temp;

    static Path runA;
    static Path runB;
    static Path index;

    @BeforeAll
    static void compareFixtureWithSlowerCopy() throws IOException {
        runA = Fixture.copyTo(temp.resolve("A"));
        runB = Fixture.copyTo(temp.resolve("B"));
        for (String trial : List.of("trial-1", "trial-2")) {
            Path summary = runB.resolve("echo-open/engine-nio/" + trial + "/summary.json");
            String json = Files.readString(summary);
            // 9,990 → 4,995 and 10,010 → 5,005: half, far outside A's 9,990–10,010.
            json = json.replace("\"throughput\" : 9990.0", "\"throughput\" : 4995.0")
                    .replace("\"throughput\" : 10010.0", "\"throughput\" : 5005.0");
            Files.writeString(summary, json);
        }
        index = CompareReport.write(runA, runB, CompareReport.defaultOutDir(runA, runB));
        Fixture.copyTree(index.getParent(), Path.of("target/fixture-compare"));
    }

    @Test
    void shouldWriteHtmlAndMarkdownIntoRunBByDefault() {
        assertThat(index).isEqualTo(runB.resolve("compare-vs-A/index.html")).isRegularFile();
        assertThat(runB.resolve("compare-vs-A/report.md")).isRegularFile();
    }

    @Test
    void shouldMarkTheHalvedThroughputAsAChangeBeyondTheSpread() {
        List<ReportPage.Cell> row = ReportPage.read(index).table("echo-open").stream()
                .filter(r -> r.get(0).value().equals("engine-nio") && r.get(1).value().equals("throughput (req/s)"))
                .findFirst().orElseThrow();
        assertThat(row.get(2)).isEqualTo(new ReportPage.Cell("10,000", "9,990–10,010", false, false));
        assertThat(row.get(3)).isEqualTo(new ReportPage.Cell("5,000", "4,995–5,005", false, false));
        assertThat(row.get(4)).isEqualTo(new ReportPage.Cell("−50 %", "", false, true));
        assertThat(row.get(5).value()).isEqualTo("worse");
    }

    @Test
    void shouldNotMarkUnchangedMetrics() {
        List<ReportPage.Cell> row = ReportPage.read(index).table("echo-open").stream()
                .filter(r -> r.get(0).value().equals("netty-epoll") && r.get(1).value().equals("throughput (req/s)"))
                .findFirst().orElseThrow();
        assertThat(row.get(4)).isEqualTo(new ReportPage.Cell("±0 %", "", false, false));
        assertThat(row.get(5).value()).isEmpty();
    }

    @Test
    void shouldDrawOverlaidChartsAsValidImages() throws IOException {
        Path dir = index.getParent();
        for (String chart : List.of("compare-latency-echo-open", "compare-change")) {
            assertThat(ImageIO.read(dir.resolve(chart + ".png").toFile())).as(chart).isNotNull();
        }
        assertThat(Files.readString(dir.resolve("report.md"))).contains("(compare-change.png)", "| −50 % ⚠ | worse |");
    }

    @Test
    void shouldOpenWithTheBiggestChangesAndChartChangesInPercent() throws IOException {
        ReportPage page = ReportPage.read(index);
        List<List<ReportPage.Cell>> biggest = page.table("Biggest changes");
        assertThat(biggest.getFirst()).extracting(ReportPage.Cell::value)
                .containsExactly("echo-open", "engine-nio", "throughput (req/s)", "−50 %", "worse");
        assertThat(page.html().indexOf("<h3>Biggest changes</h3>")).isLessThan(page.html().indexOf("<h3>echo-open</h3>"));
        assertThat(page.html()).doesNotContain("Throughput, A against B");
        assertThat(Files.readString(index.resolveSibling("report.md")))
                .contains("![Change from A to B](compare-change.png)");
    }
}
