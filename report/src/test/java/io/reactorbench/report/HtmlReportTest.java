package io.reactorbench.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.reactorbench.report.chart.ChartSize;
import io.reactorbench.report.chart.SmallMultiples;
import io.reactorbench.report.read.NotAResultsDirectory;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Renders the fixture run's report once and reads it the way a person would look at it. */
@Timeout(180)
class HtmlReportTest {

    @TempDir
    static Path temp;

    static Path run;
    static Path index;

    @BeforeAll
    static void renderFixtureReport() {
        run = Fixture.copyTo(temp.resolve("run"));
        index = HtmlReport.write(run);
        // Kept for people (and the chart review) to open: report/target/fixture-report/index.html
        Fixture.copyTree(run.resolve("report"), Path.of("target/fixture-report"));
    }

    @Test
    void shouldWriteIndexAndMarkdownInsideTheRunDirectory() {
        assertThat(index).isEqualTo(run.resolve("report/index.html")).isRegularFile();
        assertThat(run.resolve("report/report.md")).isRegularFile();
    }

    @Test
    void shouldDrawEveryChartTheFixtureAllowsAsValidImagesOfTheChartSize() throws IOException {
        List<String> single = List.of("latency-echo-open", "latency-rpc-closed",
                "latency-echo-sweep-connections-100", "latency-echo-sweep-connections-1000",
                "sweep-throughput-echo-sweep", "memory-idle");
        // Small multiples: a panel per scenario (bars), per design (timelines) or per percentile (sweep latency),
        // two to a row under a title band.
        List<String> panelled = List.of("throughput", "server-cpu", "server-alloc", "gc-count", "gc-total", "gc-max",
                "timeline-echo-open", "timeline-rpc-closed", "sweep-latency-echo-sweep");
        for (String chart : single) {
            BufferedImage image = ImageIO.read(run.resolve("report/" + chart + ".png").toFile());
            assertThat(image).as(chart).isNotNull();
            assertThat(image.getWidth()).as(chart).isEqualTo(ChartSize.WIDTH_PX);
            assertThat(image.getHeight()).as(chart).isEqualTo(ChartSize.HEIGHT_PX);
        }
        for (String chart : panelled) {
            BufferedImage image = ImageIO.read(run.resolve("report/" + chart + ".png").toFile());
            assertThat(image).as(chart).isNotNull();
            assertThat(image.getWidth()).as(chart).isEqualTo(ChartSize.WIDTH_PX);
            assertThat((image.getHeight() - SmallMultiples.TITLE_BAND_PX) % SmallMultiples.PANEL_HEIGHT_PX).as(chart)
                    .isZero();
        }
    }

    @Test
    void shouldInlineEveryChartSoThePageOpensOffline() throws IOException {
        List<String> sources = ReportPage.read(index).imageSources();
        long pngFiles;
        try (Stream<Path> files = Files.list(run.resolve("report"))) {
            pngFiles = files.filter(f -> f.toString().endsWith(".png")).count();
        }
        assertThat(sources).hasSize((int) pngFiles).allMatch(s -> s.startsWith("data:image/png;base64,"));
        for (String source : sources) {
            byte[] png = Base64.getDecoder().decode(source.substring(source.indexOf(',') + 1));
            assertThat(ImageIO.read(new ByteArrayInputStream(png))).isNotNull();
        }
    }

    @Test
    void shouldShowMedianAndMinMaxOfThroughputFromTheFixture() {
        ReportPage page = ReportPage.read(index);
        // Fixture: engine-nio 9,990 and 10,010 req/s; netty-epoll 9,700 and 9,900 on echo-open.
        List<ReportPage.Cell> engine = page.row("echo-open", "engine-nio");
        List<ReportPage.Cell> netty = page.row("echo-open", "netty-epoll");
        assertThat(engine.get(1).value()).isEqualTo("2/2");
        assertThat(engine.get(2)).isEqualTo(new ReportPage.Cell("10,000", "9,990–10,010", true, false));
        assertThat(netty.get(2)).isEqualTo(new ReportPage.Cell("9,800", "9,700–9,900", false, false));
    }

    @Test
    void shouldShowLatencyPercentilesInMillisecondsFromTheSummaries() throws IOException {
        // p99 of engine-nio echo-open trials, from the fixture's summary.json files (ns): median of the two.
        double p99a = FixtureValues.latencyNs("echo-open/engine-nio/trial-1", "p99");
        double p99b = FixtureValues.latencyNs("echo-open/engine-nio/trial-2", "p99");
        String expected = io.reactorbench.report.render.Numbers.format((p99a + p99b) / 2 / 1e6);
        List<ReportPage.Cell> engine = ReportPage.read(index).row("echo-open", "engine-nio");
        assertThat(engine.get(4).value()).isEqualTo(expected); // design, trials, throughput, p50, p99
    }

    @Test
    void shouldMarkTheBestCpuAndMemoryPerConnection() {
        ReportPage page = ReportPage.read(index);
        List<ReportPage.Cell> engineIdle = page.row("idle@connections=1000", "engine-nio");
        List<ReportPage.Cell> nettyIdle = page.row("idle@connections=1000", "netty-epoll");
        // RSS/conn: engine-nio 410 and 420 B, netty-epoll 1,610 and 1,620 B.
        assertThat(engineIdle.get(2)).isEqualTo(new ReportPage.Cell("415", "410–420", true, false));
        assertThat(nettyIdle.get(2)).isEqualTo(new ReportPage.Cell("1,615", "1,610–1,620", false, false));
    }

    @Test
    void shouldNoteTheFailedTrialWithItsReason() {
        ReportPage page = ReportPage.read(index);
        assertThat(page.row("rpc-closed", "netty-epoll").get(1)).isEqualTo(new ReportPage.Cell("1/2", "", false, true));
        assertThat(page.html()).contains("netty-epoll trial 2 failed: server exited with code 1 during warm-up");
        assertThat(page.html()).contains("rpc-closed — rpc, closed loop, 16 connections; latency uncorrected (closed loop)");
    }

    @Test
    void shouldShowTheEnvironment() {
        String html = ReportPage.read(index).html();
        assertThat(html).contains("Fixture CPU @ 3.0GHz, 2 cores", "Temurin 25.0.3",
                "server CPUs 0, load CPUs 1 (applied): taskset");
    }

    @Test
    void shouldWriteTheSameTableValuesAndChartLinksInMarkdown() throws IOException {
        String md = Files.readString(run.resolve("report/report.md"));
        assertThat(md).contains("| engine-nio | 2/2 | **10,000** ★ <br>(9,990–10,010) |");
        assertThat(md).contains("![echo-open: latency by percentile, corrected for coordinated omission](latency-echo-open.png)");
    }

    @Test
    void shouldRefuseADirectoryWithoutRunJson() {
        assertThatThrownBy(() -> HtmlReport.write(temp.resolve("nothing-here")))
                .isInstanceOf(NotAResultsDirectory.class).hasMessageStartingWith("not a results directory");
    }
}
