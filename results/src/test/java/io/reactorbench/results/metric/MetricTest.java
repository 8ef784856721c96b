package io.reactorbench.results.metric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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

    @Test
    void shouldNameEachMetricAsThePolicyTheReportAndTheThresholdWriteIt() {
        assertThat(Metric.P999).extracting(Metric::policyName, Metric::label, Metric::thresholdName)
                .containsExactly("p999", "p99.9", "p999");
        assertThat(Metric.THROUGHPUT).extracting(Metric::policyName, Metric::label, Metric::thresholdName)
                .containsExactly("throughput", "throughput", "rps");
        assertThat(Metric.MAX_LATENCY).extracting(Metric::policyName, Metric::label, Metric::thresholdName)
                .containsExactly("maxLatency", "max", "max");
        assertThat(Metric.byThresholdName("errors")).isEqualTo(Metric.ERROR_SHARE);
        assertThat(Metric.byPolicyName("errors")).isEqualTo(Metric.ERRORS);
        assertThat(Metric.byThresholdName("p98")).isNull();
        assertThat(Metric.LOAD_GENERATOR_CPU.policyName()).isNull();
    }

    @Test
    void shouldListOnlyThePolicyNamesWhenAPolicyNamesAnUnknownMetric() {
        assertThatThrownBy(() -> Metric.byPolicyName("rps")).hasMessage("unknown metric 'rps' (known: throughput,"
                + " requests, errors, errorRate, p50, p75, p90, p99, p999, p9999, maxLatency, meanLatency, uncorrectedP50,"
                + " uncorrectedP99, uncorrectedP999, cpuUsPerRequest, allocatedBytesPerRequest, gcCount, gcTotalMs,"
                + " gcMaxMs, rssBytes, heapUsedBytes, threads, rssPerConnectionBytes, heapPerConnectionBytes,"
                + " connectionsPerSecond)");
    }

    @Test
    void shouldTakeTheErrorShareOfEverythingAskedAndZeroWithoutErrors() {
        assertThat(Metric.errorShare(9_995, 5)).isEqualTo(0.0005);
        assertThat(Metric.errorShare(0, 0)).isZero();
        assertThat(Metric.errorShare(0, 3)).isEqualTo(1.0);
    }
}
