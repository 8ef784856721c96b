package io.reactorbench.scenarios.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.reactorbench.results.CellSummary;
import io.reactorbench.results.GcPause;
import io.reactorbench.results.ProbeSample;
import io.reactorbench.results.ResultsJson;
import io.reactorbench.scenarios.suite.Scenario;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class CellMeasurementsTest {

    private static final Scenario ECHO = new Scenario("echo", "", "echo", "closed", 10, 0, 1, 64, 0, 0, 0, 0, 0, 0,
            1, 4, 0.01, 1);
    private static final Scenario IDLE = new Scenario("idle", "", "echo", "idle", 1000, 0, 1, 64, 0, 0, 0, 1, 0, 0,
            1, 4, 0.01, 1);

    private static ProbeSample sample(long atMs, long cpuNs, long allocated, List<List<Double>> pauses) {
        return new ProbeSample("sample", atMs, atMs, cpuNs, allocated, 0L, 0.0, 0.0, pauses, 1L, 1L, 5, 10, 1L,
                cpuNs, 50_000_000L);
    }

    private static JsonNode load(long requests, double windowSeconds, long errors) {
        return ResultsJson.mapper().readTree("""
                {"requests": %d, "throughput": %f, "windowSeconds": %f,
                 "errors": {"connect": 0, "timeout": %d, "reset": 0, "protocol": 0, "total": %d},
                 "latencyNs": {"corrected": null, "uncorrected": {"count": 5, "mean": 1, "p50": 1, "p75": 1, "p90": 1,
                  "p99": 2, "p999": 3, "p9999": 3, "max": 3}}}
                """.formatted(requests, requests / windowSeconds, windowSeconds, errors, errors));
    }

    @Test
    void shouldDivideServerRatesInsideTheWindowByTheRequestRate() {
        // 10,000 req/s for 4 s; the server burns half a CPU (0.5 s per s) and allocates 1 MB/s plus 1,000 B per probe
        List<ProbeSample> samples = List.of(
                sample(0, 0, 0, List.of()),
                sample(1_000, 500_000_000L, 1_001_000, List.of()),
                sample(2_000, 1_000_000_000L, 2_002_000, List.of(List.of(2_500.0, 7.0))),
                sample(3_000, 1_500_000_000L, 3_003_000, List.of(List.of(2_800.0, 50.0))),
                sample(9_000, 9_000_000_000L, 99_000_000, List.of()));
        MeasuredWindow window = new MeasuredWindow(500, 4_500);

        CellSummary summary = CellMeasurements.summarize(new CellMeasurements.Recorded(ECHO, "d", 1, load(40_000, 4, 0),
                samples, window, 1_000, null, null, List.of(new long[] {2_790, 2_900})));

        assertThat(summary.ok()).isTrue();
        assertThat(summary.server().cpuUsPerRequest()).isEqualTo(50.0); // 0.5 CPU-s/s / 10,000 req/s
        assertThat(summary.server().allocatedBytesPerRequest()).isEqualTo(100.0); // (1 MB/s) / 10,000 req/s
        assertThat(summary.server().gc().pauses()).containsExactly(new GcPause(2_000, 7.0)); // own GC excluded
        assertThat(summary.server().gc().maxMs()).isEqualTo(7.0);
        assertThat(summary.latencyNs().corrected()).isNull();
        assertThat(summary.latencyNs().uncorrected().p99()).isEqualTo(2);
    }

    @Test
    void shouldFailACellWhoseErrorsExceedTheThreshold() {
        CellSummary summary = CellMeasurements.summarize(new CellMeasurements.Recorded(ECHO, "d", 1, load(1_000, 4, 11),
                List.of(), new MeasuredWindow(0, 4_000), 0, null, null, List.of()));

        assertThat(summary.ok()).isFalse();
        assertThat(summary.reason()).contains("11 errors in 1000 requests").contains("timeout 11");
    }

    @Test
    void shouldComputeMemoryPerIdleConnectionFromTheSamplesAroundTheConnections() {
        ProbeSample before = new ProbeSample("idle-before", 0, 0L, 0L, 0L, 0L, 0.0, 0.0, List.of(), 0L, 10_000_000L, 5,
                0, 1L, 0L, 100_000_000L);
        ProbeSample after = new ProbeSample("idle-after", 1, 1L, 0L, 0L, 0L, 0.0, 0.0, List.of(), 0L, 10_500_000L, 5,
                1_000, 1L, 0L, 102_000_000L);

        CellSummary summary = CellMeasurements.summarize(new CellMeasurements.Recorded(IDLE, "d", 1, load(4_000, 4, 0),
                List.of(before, after), new MeasuredWindow(0, 4_000), 0, before, after, List.of()));

        assertThat(summary.memory().connections()).isEqualTo(1_000);
        assertThat(summary.memory().rssPerConnectionBytes()).isEqualTo(2_000.0);
        assertThat(summary.memory().heapPerConnectionBytes()).isEqualTo(500.0);
    }
}
