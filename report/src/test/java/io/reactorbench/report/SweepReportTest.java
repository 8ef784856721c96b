package io.reactorbench.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.reactorbench.report.table.SweepStepTable;
import io.reactorbench.report.table.SweepSummaryTable;
import io.reactorbench.results.CellParams;
import io.reactorbench.results.CellRef;
import io.reactorbench.results.CellStatus;
import io.reactorbench.results.CellSummary;
import io.reactorbench.results.ErrorCounts;
import io.reactorbench.results.LatencySummary;
import io.reactorbench.results.LatencyViews;
import io.reactorbench.results.Results;
import io.reactorbench.results.ResultsJson;
import io.reactorbench.results.RunManifest;
import io.reactorbench.results.RunStatus;
import io.reactorbench.results.SchemaVersions;
import io.reactorbench.results.sweep.SweepObjective;
import io.reactorbench.results.sweep.SweepResult;
import io.reactorbench.results.sweep.SweepStep;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run with one find-max-rate scenario over two designs, written from the results records as the runner writes
 * them: engine-epoll sustains 40k/s and breaks at 80k/s (a knee found); threads meets the objective at every rate it
 * tried (no knee, and it must not be claimed). The report's sweep section, tables and charts.
 */
@Timeout(180)
class SweepReportTest {

    private static final String SCENARIO = "knee";
    private static final SweepObjective OBJECTIVE = SweepObjective.parse("p99=5ms,errors=0.1%");

    @TempDir
    static Path temp;

    static Path run;
    static ReportPage page;
    static String markdown;

    @BeforeAll
    static void renderSweepReport() throws IOException {
        run = temp.resolve("run");
        RunManifest template = Results.readRun(Fixture.SOURCE);
        List<CellRef> cells = new ArrayList<>();
        for (String design : List.of("engine-epoll", "threads")) {
            CellRef cell = new CellRef(SCENARIO, "", design, 1, CellStatus.OK, null, SCENARIO + "/" + design + "/trial-1");
            cells.add(cell);
            Path dir = run.resolve(cell.dir());
            Files.createDirectories(dir);
            Files.writeString(dir.resolve("summary.json"), ResultsJson.mapper().writeValueAsString(summary(design)));
        }
        Files.writeString(run.resolve("run.json"), ResultsJson.mapper().writeValueAsString(new RunManifest(
                SchemaVersions.RUN, "20260102-000000-knee", "knee", RunStatus.COMPLETE, "2026-01-02T00:00:00Z",
                "2026-01-02T00:10:00Z", template.environment(), null, cells, List.of())));
        page = ReportPage.read(HtmlReport.write(run));
        markdown = Files.readString(run.resolve("report/report.md"));
        // Kept for people (and the chart review) to open: report/target/sweep-report/index.html
        Fixture.copyTree(run.resolve("report"), Path.of("target/sweep-report"));
    }

    private static CellSummary summary(String design) {
        boolean engine = design.equals("engine-epoll");
        List<SweepStep> steps = engine
                ? List.of(step(0, 10_000, 1, true), step(1, 20_000, 1.2, true), step(2, 40_000, 2, true),
                        step(3, 80_000, 40, false), step(4, 60_000, 12, false))
                : List.of(step(0, 10_000, 1, true), step(1, 20_000, 1.1, true));
        SweepResult sweep = engine
                ? new SweepResult(SweepResult.FIND_MAX_RATE, OBJECTIVE, steps, 40_000.0, 4, true,
                        "sustained 40000/s within the objective; 60000/s broke it (the step bound (5) was reached)")
                : new SweepResult(SweepResult.FIND_MAX_RATE, OBJECTIVE, steps, 20_000.0, null, false,
                        "no step broke the objective, up to 20000/s: the knee lies above (the time bound was reached)");
        CellParams params = new CellParams("echo", "sweep", 50, 0, 64, 1, 0, 0, 0, 0, 0);
        LatencySummary whole = latency(2);
        return new CellSummary(SchemaVersions.SUMMARY, SCENARIO, "", design, 1, CellStatus.OK, null, params, 10,
                100_000, 10_000, ErrorCounts.NONE, new LatencyViews(whole, whole), null, null, null, null, null, null,
                null, sweep);
    }

    private static SweepStep step(int index, double rate, double scale, boolean met) {
        return new SweepStep(index, rate, met ? rate : rate * 0.8, (long) rate * 2, ErrorCounts.NONE, 0,
                latency(scale), 1_000L * index, 1_000L * index + 2_000, met, met ? null : "p99 " + scale * 1.5 + " ms > 5.00 ms");
    }

    /** p50 = scale × 0.4 ms, p99 = scale × 1.5 ms, p99.9 = scale × 3 ms. */
    private static LatencySummary latency(double scale) {
        return new LatencySummary(10_000, scale * 500_000, (long) (scale * 400_000), (long) (scale * 600_000),
                (long) (scale * 800_000), (long) (scale * 1_500_000), (long) (scale * 3_000_000),
                (long) (scale * 5_000_000), (long) (scale * 8_000_000));
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
