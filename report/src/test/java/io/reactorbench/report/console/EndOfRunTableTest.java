package io.reactorbench.report.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.reactorbench.results.AllocationCalibration;
import io.reactorbench.results.CellParams;
import io.reactorbench.results.CellStatus;
import io.reactorbench.results.CellSummary;
import io.reactorbench.results.ErrorCounts;
import io.reactorbench.results.GcPauses;
import io.reactorbench.results.GeneratorSchedule;
import io.reactorbench.results.LatencySummary;
import io.reactorbench.results.LatencyViews;
import io.reactorbench.results.LoadGeneratorCpu;
import io.reactorbench.results.MemoryPerConnection;
import io.reactorbench.results.ResultsJson;
import io.reactorbench.results.SchemaVersions;
import io.reactorbench.results.ServerMetrics;
import io.reactorbench.results.SlowReadSummary;
import java.util.List;
import org.junit.jupiter.api.Test;

class EndOfRunTableTest {

    private static final CellParams IDLE = new CellParams("echo", "idle", 1_000, 0, 64, 1, 0, 0, 0, 1, 4);

    private static CellSummary idle(String design, int trial, MemoryPerConnection memory) {
        return new CellSummary(SchemaVersions.SUMMARY, "idle", "", design, trial, CellStatus.OK, null, IDLE, 4, 400,
                100, ErrorCounts.NONE, null, ServerMetrics.UNKNOWN, memory, null);
    }

    @Test
    void shouldShowAnIdleFigureWithinItsResolutionAsAnUpperBoundNeverNegative() {
        MemoryPerConnection noise = new MemoryPerConnection(1_000, -400.0, 46.0, MemoryPerConnection.SOURCE_ANONYMOUS,
                412.0, true, -380.0);

        String table = EndOfRunTable.render(List.of(idle("engine-epoll", 1, noise)));

        assertThat(table).contains("≤412B / 46B").doesNotContain("-400");
    }

    @Test
    void shouldShowAResolvedIdleFigureAsItsValue() {
        MemoryPerConnection measured = new MemoryPerConnection(1_000, 16_000.0, 3_000.0,
                MemoryPerConnection.SOURCE_ANONYMOUS, 16.4, false, 16_010.0);

        String table = EndOfRunTable.render(List.of(idle("vthreads", 1, measured)));

        assertThat(table).contains("15.6KiB / 3000B").doesNotContain("≤");
    }

    @Test
    void shouldReadIdleMemoryWrittenBeforeTheResolutionExisted() {
        CellSummary old = ResultsJson.mapper().readValue("""
                {"schema":"reactorbench.summary/1","scenario":"idle","design":"d","trial":1,"status":"ok",
                 "memory":{"connections":1000,"rssPerConnectionBytes":-399.0,"heapPerConnectionBytes":46.0}}""",
                CellSummary.class);

        assertThat(old.memory().rssPerConnectionBytes()).isEqualTo(-399.0);
        assertThat(old.memory().rssWithinResolution()).isNull();
        assertThat(EndOfRunTable.render(List.of(old))).contains("-399B / 46B");
    }

    private static final CellParams ECHO = new CellParams("echo", "closed", 100, 0, 64, 1, 0, 0, 0, 1, 8);

    private static CellSummary echo(String design, LoadGeneratorCpu load) {
        return new CellSummary(SchemaVersions.SUMMARY, "echo", "", design, 1, CellStatus.OK, null, ECHO, 8, 400_000,
                50_000, ErrorCounts.NONE, null, ServerMetrics.UNKNOWN, null, null, load, null);
    }

    private static final LatencySummary OPEN_LATENCY = new LatencySummary(1000, 3e7, 30_000_000, 30_000_000,
            30_000_000, 40_000_000, 45_000_000, 45_000_000, 50_000_000);

    private static CellSummary open(String design, GeneratorSchedule schedule) {
        LatencySummary latency = OPEN_LATENCY;
        CellSummary s = echo(design, null);
        return new CellSummary(s.schema(), s.scenario(), s.variant(), s.design(), s.trial(), s.status(), s.reason(),
                s.params(), s.windowSeconds(), s.requests(), s.throughput(), s.errors(),
                new LatencyViews(latency, latency), s.server(), s.memory(), s.connectionsPerSecond(),
                s.loadGenerator(), s.slowRead(), s.loadPlacement(), s.ceiling(), s.failedRequests(), s.errorRate(),
                schedule, null, null);
    }

    private static LatencySummary lateness(long p99Ns) {
        return new LatencySummary(1000, p99Ns, p99Ns, p99Ns, p99Ns, p99Ns, p99Ns, p99Ns, p99Ns);
    }

    @Test
    void shouldMarkTheLatencyOfACellWhoseLoadGeneratorFellBehindItsSchedule() {
        CellSummary behind = open("engine-epoll", GeneratorSchedule.of(lateness(35_000_000), OPEN_LATENCY));
        CellSummary onTime = open("netty-epoll", GeneratorSchedule.of(lateness(500_000), OPEN_LATENCY));

        String table = EndOfRunTable.render(List.of(behind, onTime));

        String behindRow = table.lines().filter(l -> l.contains("engine-epoll")).findFirst().orElseThrow();
        assertThat(behindRow).contains("30.00ms ~", "40.00ms ~", "45.00ms ~");
        assertThat(table.lines().filter(l -> l.contains("netty-epoll")).findFirst().orElseThrow()).doesNotContain("~");
        assertThat(table).contains(EndOfRunTable.BEHIND_LEGEND);
        assertThat(CellLine.of(behind)).contains("~ load generator behind its schedule (send lateness p99 35.00 ms"
                + " > 4.00 ms");
        assertThat(CellLine.of(onTime)).doesNotContain("behind");
        assertThat(EndOfRunTable.render(List.of(onTime))).doesNotContain(EndOfRunTable.BEHIND_LEGEND);
    }

    @Test
    void shouldShowAnAllocationBelowTheProbesCalibrationAsAnUpperBoundNeverNegative() {
        CellSummary s = echo("engine-epoll", null);
        AllocationCalibration below = new AllocationCalibration(1_000, List.of(1_000L, 1_000L), true, "m", 8L, 0.6,
                "the probe's calibrated allocation exceeds what the server allocated");
        CellSummary negative = new CellSummary(s.schema(), s.scenario(), s.variant(), s.design(), s.trial(),
                s.status(), s.reason(), s.params(), s.windowSeconds(), s.requests(), s.throughput(), s.errors(),
                s.latencyNs(), new ServerMetrics(1.0, -0.4, GcPauses.NONE, 1L, 1L, 1), s.memory(),
                s.connectionsPerSecond(), s.loadGenerator(), s.slowRead(), s.loadPlacement(), s.ceiling(),
                s.failedRequests(), s.errorRate(), null, below, null);

        String table = EndOfRunTable.render(List.of(negative));

        assertThat(table).contains("≤0.6B").doesNotContain("-0.4");
    }

    @Test
    void shouldMarkACellWhoseLoadGeneratorUsedNinetyPercentOfItsCpu() {
        // clientCpuSeconds 7.9 over an 8.0 s window, one thread pinned to one CPU
        LoadGeneratorCpu busy = LoadGeneratorCpu.of(7.9, 8.0, 1, 1);
        LoadGeneratorCpu relaxed = LoadGeneratorCpu.of(4.0, 8.0, 1, 1);

        String table = EndOfRunTable.render(List.of(echo("engine-epoll", busy), echo("netty-epoll", relaxed)));

        assertThat(busy.saturated()).isTrue();
        assertThat(busy.utilisation()).isEqualTo(0.9875);
        assertThat(table).contains("load CPU");
        assertThat(table.lines().filter(l -> l.contains("engine-epoll")).findFirst().orElseThrow()).endsWith("99% !");
        assertThat(table.lines().filter(l -> l.contains("netty-epoll")).findFirst().orElseThrow()).endsWith("50%");
        assertThat(table).contains("! load generator saturated: throughput is bounded by the client, compare server"
                + " CPU per request");
    }

    @Test
    void shouldPrintNoSaturationLegendWhenNoLoadGeneratorWasSaturated() {
        String table = EndOfRunTable.render(List.of(echo("netty-epoll", LoadGeneratorCpu.of(4.0, 8.0, 1, 1))));

        assertThat(table).doesNotContain("saturated");
    }

    @Test
    void shouldSayUnderTheTablesHowManyConnectionsADesignRefusedAtItsOpenFileLimit() {
        ServerMetrics refused = new ServerMetrics(5.0, 0.0, null, null, null, null, 120L, null);
        ServerMetrics none = new ServerMetrics(5.0, 0.0, null, null, null, null, 0L, null);
        CellSummary engine = new CellSummary(SchemaVersions.SUMMARY, "max", "", "engine-epoll", 1, CellStatus.OK, null,
                ECHO, 8, 400_000, 50_000, ErrorCounts.NONE, null, refused, null, null, null, null);
        CellSummary engineAgain = new CellSummary(SchemaVersions.SUMMARY, "max", "", "engine-epoll", 2, CellStatus.OK,
                null, ECHO, 8, 400_000, 50_000, ErrorCounts.NONE, null, refused, null, null, null, null);
        CellSummary nio = new CellSummary(SchemaVersions.SUMMARY, "max", "", "engine-nio", 1, CellStatus.OK, null,
                ECHO, 8, 400_000, 50_000, ErrorCounts.NONE, null, none, null, null, null, null);

        String table = EndOfRunTable.render(List.of(engine, engineAgain, nio));

        assertThat(table).contains("! engine-epoll in max: 240 connections accepted and closed at once at the"
                + " server's open-file limit (over 2 trial(s))");
        assertThat(table).doesNotContain("engine-nio in max");
        assertThat(EndOfRunTable.render(List.of(echo("netty-epoll", null)))).doesNotContain("open-file limit");
    }

    @Test
    void shouldShowSlowReadNumbersInsteadOfLatencyForSlowReadCells() {
        CellParams params = new CellParams("echo", "slowread", 20, 0, 16_384, 1, 0, 0, 0, 1, 3);
        SlowReadSummary slowRead = new SlowReadSummary(3_000, 906_300, 1_000, 302_100, 89, 80.171, 3.918, 2, 16_384L,
                67_108_864L);
        CellSummary cell = new CellSummary(SchemaVersions.SUMMARY, "slow-readers", "", "engine-epoll", 1, CellStatus.OK,
                null, params, 3, 60, 20, ErrorCounts.NONE, null,
                new ServerMetrics(0.0, 0.0, GcPauses.NONE, 120_000_000L, 33_000_000L, 8), null, null,
                LoadGeneratorCpu.of(0.12, 3.0, 1, 1), slowRead);

        String table = EndOfRunTable.render(List.of(cell));

        assertThat(table).contains("answers/s", "sent/s", "read/s", "stalls", "at cap").doesNotContain("p99");
        String row = table.lines().filter(l -> l.contains("engine-epoll")).findFirst().orElseThrow();
        assertThat(row).contains("295.0KiB/s", "89", "80s / 3.92s", "114.4MiB / 31.5MiB", "4%");
        assertThat(table).contains(EndOfRunTable.SLOWREAD_LEGEND);
    }

    @Test
    void shouldNameTheTransportOfAScenarioThatDidNotRunOverTcp() {
        CellParams unix = new CellParams("echo", "closed", 4, 0, 64, 1, 0, 0, 0, 1, 8, null, "unix");
        CellSummary cell = new CellSummary(SchemaVersions.SUMMARY, "echo-unix", "", "engine-epoll", 1, CellStatus.OK,
                null, unix, 8, 400_000, 50_000, ErrorCounts.NONE, null, ServerMetrics.UNKNOWN, null, null);

        assertThat(EndOfRunTable.render(List.of(cell))).contains("echo-unix  (echo over unix, closed, 4 connections)");
        assertThat(EndOfRunTable.render(List.of(echo("engine-epoll", null)))).contains("(echo, closed, 100 connections)");
    }

    @Test
    void shouldShowTheErrorRateBesideTheLatencies() {
        LatencySummary latency = new LatencySummary(10_000, 25e6, 2_000_000, 2_000_000, 2_000_000, 1_000_000_000,
                1_000_000_000, 1_000_000_000, 1_000_000_000);
        CellSummary failing = new CellSummary(SchemaVersions.SUMMARY, "echo", "", "engine-epoll", 1, CellStatus.OK,
                null, ECHO, 8, 9_802, 1_225, new ErrorCounts(0, 198, 0, 0), new LatencyViews(latency, latency),
                ServerMetrics.UNKNOWN, null, null, null, null, null, null, new ErrorCounts(0, 198, 0, 0), 0.0198, null,
                null, null);

        List<String> lines = EndOfRunTable.render(List.of(failing)).lines().toList();

        assertThat(lines.get(2)).containsPattern("p99\\.9 +error rate +CPU");
        assertThat(lines.get(3)).containsPattern("1\\.00s +1\\.00s +1\\.98% ");
        assertThat(CellLine.of(failing)).isEqualTo("1225 req/s, p99 1000000 µs, error rate 1.98%");
    }
}
