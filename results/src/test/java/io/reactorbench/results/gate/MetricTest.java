package io.reactorbench.results.gate;

import static org.assertj.core.api.Assertions.assertThat;

import io.reactorbench.results.CellStatus;
import io.reactorbench.results.CellSummary;
import io.reactorbench.results.MemoryPerConnection;
import io.reactorbench.results.SchemaVersions;
import org.junit.jupiter.api.Test;

class MetricTest {

    private static CellSummary idle(MemoryPerConnection memory) {
        return new CellSummary(SchemaVersions.SUMMARY, "idle", "", "engine-epoll", 1, CellStatus.OK, null, null, 3,
                6000, 2000, null, null, null, memory, null);
    }

    @Test
    void shouldJudgeRssPerConnectionByItsUpperBoundSoThatNoiseWithinResolutionCannotPassOrFail() {
        MemoryPerConnection withinResolution = new MemoryPerConnection(10_000, -40.0, 55.0,
                MemoryPerConnection.SOURCE_ANONYMOUS, 300.0, true, -35.0);
        MemoryPerConnection measured = new MemoryPerConnection(10_000, 250.0, 55.0,
                MemoryPerConnection.SOURCE_ANONYMOUS, 20.0, false, 260.0);

        assertThat(Metric.RSS_PER_CONNECTION_BYTES.valueIn(idle(withinResolution))).isEqualTo(300.0);
        assertThat(Metric.RSS_PER_CONNECTION_BYTES.valueIn(idle(measured))).isEqualTo(270.0);
        assertThat(Metric.HEAP_PER_CONNECTION_BYTES.valueIn(idle(measured))).isEqualTo(55.0);
    }

    @Test
    void shouldReadAnOldSummaryWithoutResolutionAsItsFigureClampedAtZero() {
        assertThat(Metric.RSS_PER_CONNECTION_BYTES.valueIn(idle(new MemoryPerConnection(1000, -399.0, 46.0))))
                .isEqualTo(0.0);
        assertThat(Metric.RSS_PER_CONNECTION_BYTES.valueIn(idle(null))).isNull();
    }
}
