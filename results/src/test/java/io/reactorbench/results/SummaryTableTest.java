package io.reactorbench.results;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SummaryTableTest {

    private static final CellParams IDLE = new CellParams("echo", "idle", 1_000, 0, 64, 1, 0, 0, 0, 1, 4);

    private static CellSummary idle(String design, int trial, MemoryPerConnection memory) {
        return new CellSummary(SchemaVersions.SUMMARY, "idle", "", design, trial, CellStatus.OK, null, IDLE, 4, 400,
                100, ErrorCounts.NONE, null, ServerMetrics.UNKNOWN, memory, null);
    }

    @Test
    void shouldShowAnIdleFigureWithinItsResolutionAsAnUpperBoundNeverNegative() {
        MemoryPerConnection noise = new MemoryPerConnection(1_000, -400.0, 46.0, MemoryPerConnection.SOURCE_ANONYMOUS,
                412.0, true, -380.0);

        String table = SummaryTable.render(List.of(idle("engine-epoll", 1, noise)));

        assertThat(table).contains("≤412B / 46B").doesNotContain("-400");
    }

    @Test
    void shouldShowAResolvedIdleFigureAsItsValue() {
        MemoryPerConnection measured = new MemoryPerConnection(1_000, 16_000.0, 3_000.0,
                MemoryPerConnection.SOURCE_ANONYMOUS, 16.4, false, 16_010.0);

        String table = SummaryTable.render(List.of(idle("vthreads", 1, measured)));

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
        assertThat(SummaryTable.render(List.of(old))).contains("-399B / 46B");
    }
}
