package io.reactorbench.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.reactorbench.report.chart.ChartFile;
import io.reactorbench.report.chart.DesignPalette;
import io.reactorbench.report.model.RunView;
import io.reactorbench.report.model.ScenarioParams;
import io.reactorbench.report.model.ServerCost;
import io.reactorbench.report.model.TrialResult;
import io.reactorbench.report.render.HtmlRenderer;
import io.reactorbench.report.render.ReportDocument;
import io.reactorbench.report.render.Section;
import io.reactorbench.report.table.SummaryTables;
import io.reactorbench.results.CellKey;
import io.reactorbench.results.Environment;
import io.reactorbench.results.ErrorCounts;
import io.reactorbench.results.LatencySummary;
import io.reactorbench.results.Pinning;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run with holes, as a stopped or partly failed smoke run leaves it: no latency logs, no server probe,
 * a design whose only trial failed, an idle scenario without memory numbers. The report must still draw
 * what it can and skip the rest, not throw.
 */
@Timeout(120)
class SparseRunChartsTest {

    @TempDir
    Path temp;

    @Test
    void shouldDrawWhatARunWithHolesAllowsWithoutFailing() {
        ScenarioParams open = new ScenarioParams("echo", "open", 10, 1000);
        ScenarioParams idle = new ScenarioParams("echo", "idle", 100, Double.NaN);
        LatencySummary latency = new LatencySummary(100, 1e6, 1_000_000, 1_000_000, 1_000_000, 2_000_000,
                3_000_000, 3_000_000, 4_000_000);
        Path nowhere = temp.resolve("no-such-trial");
        List<TrialResult> trials = List.of(
                new TrialResult(new CellKey("echo", "", "engine-nio"), 1, true, "", open, 10, 10_000, 1_000,
                        ErrorCounts.NONE, latency, latency, ServerCost.UNKNOWN, null, Double.NaN, nowhere, Double.NaN),
                new TrialResult(new CellKey("echo", "", "threads"), 1, false, "crashed", open, 0, 0, Double.NaN,
                        ErrorCounts.NONE, null, null, ServerCost.UNKNOWN, null, Double.NaN, nowhere, Double.NaN),
                new TrialResult(new CellKey("idle", "", "engine-nio"), 1, true, "", idle, 10, 0, 0,
                        ErrorCounts.NONE, null, null, ServerCost.UNKNOWN, null, Double.NaN, nowhere, Double.NaN));
        RunView run = new RunView(temp, "sparse", "smoke", "incomplete", "", "",
                new Environment("", 0, "", "", "", List.of(), 0L, "", "", new Pinning("", "", false, "")), List.of(), trials,
                List.of("netty-iouring skipped: io_uring unavailable"));

        List<ChartFile> charts = new RunCharts(run, new DesignPalette(run.designs()), temp).writeAll();

        assertThat(charts).extracting(c -> c.png().getFileName().toString()).contains("throughput.png")
                .doesNotContain("server-cpu.png", "latency-echo.png", "memory-idle.png");
        String html = HtmlRenderer.render(new ReportDocument("sparse", Map.of(),
                List.of(new Section("Summary", List.of(), SummaryTables.of(run), charts, List.of()))));
        assertThat(html).contains("threads trial 1 failed: crashed");
    }
}
