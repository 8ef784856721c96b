package io.reactorbench.report.table;

import static org.assertj.core.api.Assertions.assertThat;

import io.reactorbench.report.model.MemoryFootprint;
import io.reactorbench.report.model.ScenarioParams;
import io.reactorbench.report.model.TrialResult;
import io.reactorbench.results.CellKey;
import java.util.List;
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
}
