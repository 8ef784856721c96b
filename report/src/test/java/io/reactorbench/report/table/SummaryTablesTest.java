package io.reactorbench.report.table;

import static org.assertj.core.api.Assertions.assertThat;

import io.reactorbench.report.model.MemoryFootprint;
import io.reactorbench.report.model.ScenarioParams;
import io.reactorbench.report.model.TrialResult;
import io.reactorbench.report.model.RunView;
import io.reactorbench.report.model.ServerCost;
import io.reactorbench.results.AllocationCalibration;
import io.reactorbench.results.CellKey;
import io.reactorbench.results.Environment;
import io.reactorbench.results.ErrorCounts;
import io.reactorbench.results.GeneratorSchedule;
import io.reactorbench.results.LatencySummary;
import io.reactorbench.results.Pinning;
import io.reactorbench.results.metric.Metric;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SummaryTablesTest {

    private static TrialResult idle(int trial, double rss, boolean within, double upperBound) {
        return new TrialResult(new CellKey("idle", "", "engine-epoll"), trial, true, "",
                new ScenarioParams("echo", "idle", 10_000, Double.NaN), 3, 6_000, 2_000, null, null, null, null,
                new MemoryFootprint(10_000, rss, 55, within, upperBound), 0, null, Double.NaN);
    }

    @Test
    void shouldShowRssAsTheMedianUpperBoundWhenMostTrialsAreWithinResolution() {
        TableCell cell = SummaryTables.withinResolution(List.of(idle(1, -40, true, 300), idle(2, 250, false, 270),
                idle(3, 10, true, 120)));

        assertThat(cell).isNotNull();
        assertThat(cell.text()).isEqualTo("≤ 270");
    }

    @Test
    void shouldShowTheFigureItselfWhenMostTrialsResolvedIt() {
        assertThat(SummaryTables.withinResolution(List.of(idle(1, 250, false, 270), idle(2, 260, false, 280),
                idle(3, 10, true, 120)))).isNull();
    }

    @Test
    void shouldNameTheTransportInTheTitleOnlyWhereItIsNotTcp() {
        ScenarioParams unix = new ScenarioParams("echo", "closed", 4, Double.NaN, Double.NaN, "unix");

        assertThat(SummaryTables.describe(unix, java.util.Map.of())).startsWith("echo, over unix, closed loop, 4 connections");
        assertThat(SummaryTables.describe(new ScenarioParams("echo", "closed", 4, Double.NaN), java.util.Map.of()))
                .startsWith("echo, closed loop, 4 connections");
    }

    @Test
    void shouldShowAnAllocationBelowTheProbesCalibrationAsItsUncorrectedUpperBound() {
        AllocationCalibration below = new AllocationCalibration(1_000, List.of(1_000L, 1_000L), true, "m", 8L, 0.6,
                "below zero");
        TrialResult trial = new TrialResult(new CellKey("echo", "", "engine-epoll"), 1, true, "",
                new ScenarioParams("echo", "closed", 100, Double.NaN), 10, 10_000, 1_000, ErrorCounts.NONE, null, null,
                ServerCost.UNKNOWN, null, Double.NaN, null, Double.NaN, null, null, Double.NaN, null, below, null);

        TableCell cell = SummaryTables.allocationBelowZero(List.of(trial));

        assertThat(cell.text()).isEqualTo("≤ " + io.reactorbench.report.render.Numbers.format(0.6));
        assertThat(cell.flagged()).isTrue();
        assertThat(SummaryTables.allocationBelowZero(List.of(open("d", 1e6, 0)))).isNull();
    }

    private static TrialResult open(String design, double p99Ns, long latenessP99Ns) {
        LatencySummary latency = new LatencySummary(1000, p99Ns / 2, (long) p99Ns / 2, (long) p99Ns / 2,
                (long) p99Ns / 2, (long) p99Ns, (long) p99Ns, (long) p99Ns, (long) p99Ns);
        LatencySummary lateness = new LatencySummary(1000, latenessP99Ns, latenessP99Ns, latenessP99Ns, latenessP99Ns,
                latenessP99Ns, latenessP99Ns, latenessP99Ns, latenessP99Ns);
        return new TrialResult(new CellKey("echo", "", design), 1, true, "",
                new ScenarioParams("echo", "open", 100, 1_000), 10, 10_000, 1_000, ErrorCounts.NONE, latency, latency,
                ServerCost.UNKNOWN, null, Double.NaN, null, Double.NaN, null, null, Double.NaN,
                GeneratorSchedule.of(lateness, latency), null, null);
    }

    @Test
    void shouldMarkTheLatencyOfADesignWhoseLoadGeneratorFellBehindAndCrownNoLatency() {
        Map<String, List<TrialResult>> byDesign = new LinkedHashMap<>();
        byDesign.put("engine-epoll", List.of(open("engine-epoll", 20_000_000, 15_000_000)));
        byDesign.put("netty-epoll", List.of(open("netty-epoll", 30_000_000, 100_000)));
        RunView run = new RunView(null, "r", "s", "complete", null, null, null, List.of(),
                byDesign.values().stream().flatMap(List::stream).toList(), List.of());

        Table table = SummaryTables.table(run, "echo", byDesign);

        int p99 = table.headings().indexOf(MetricColumns.heading(Metric.P99));
        int throughput = table.headings().indexOf(MetricColumns.heading(Metric.THROUGHPUT));
        assertThat(table.rows().get(0).get(p99).text()).endsWith(" " + GeneratorBehind.MARK);
        assertThat(table.rows().get(1).get(p99).text()).doesNotContain(GeneratorBehind.MARK);
        assertThat(table.rows()).allSatisfy(row -> assertThat(row.get(p99).best()).isFalse());
        assertThat(table.rows().get(0).get(throughput).text()).doesNotContain(GeneratorBehind.MARK);
        assertThat(table.notes()).contains(GeneratorBehind.LEGEND);
    }

    @Test
    void shouldShowTheErrorRateRightAfterTheLatencies() {
        // 2 % of the requests hung past a 1 s timeout: the p99 is the timeout, and the column beside says why.
        LatencySummary latency = new LatencySummary(10_000, 25e6, 2_000_000, 2_000_000, 2_000_000, 1_000_000_000,
                1_000_000_000, 1_000_000_000, 1_000_000_000);
        TrialResult failing = new TrialResult(new CellKey("echo", "", "engine-epoll"), 1, true, "",
                new ScenarioParams("echo", "open", 1_000, 500), 20, 9_800, 490, new ErrorCounts(0, 200, 0, 0), latency,
                latency, ServerCost.UNKNOWN, null, Double.NaN, null, Double.NaN, null, null, 0.02, null, null, null);
        RunView run = new RunView(Path.of("run"), "run", "test", "complete", "", "",
                new Environment("", 0, "", "", "", List.of(), 0L, "", "", new Pinning("", "", false, "")), List.of(),
                List.of(failing), List.of());

        Table table = SummaryTables.table(run, "echo", Map.of("engine-epoll", List.of(failing)));

        int max = table.headings().indexOf("max (ms)");
        assertThat(table.headings().get(max + 1)).isEqualTo("error rate (%)");
        assertThat(table.rows().getFirst().get(max + 1).text()).isEqualTo("2");
        assertThat(table.rows().getFirst().get(table.headings().indexOf("p99 (ms)")).text()).isEqualTo("1,000");
    }
}
