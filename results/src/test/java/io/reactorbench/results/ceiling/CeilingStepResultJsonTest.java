package io.reactorbench.results.ceiling;

import static org.assertj.core.api.Assertions.assertThat;

import io.reactorbench.results.ErrorCounts;
import io.reactorbench.results.GcPauses;
import io.reactorbench.results.GeneratorSchedule;
import io.reactorbench.results.LatencySummary;
import io.reactorbench.results.ResultsJson;
import io.reactorbench.results.load.CeilingStep;
import io.reactorbench.results.load.CeilingStop;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class CeilingStepResultJsonTest {

    private static final LatencySummary LATENESS = new LatencySummary(10_000, 1e5, 100_000, 100_000, 100_000,
            100_000, 100_000, 100_000, 100_000);
    private static final CeilingStep LOAD = new CeilingStep(1, 50_000, 49_000, 10.0, 4_900.0, 48_999, 1_000, 2_000,
            10_000, new ErrorCounts(1, 0, 0, 0), LatencySummary.EMPTY, CeilingStop.MEMORY_GUARD, "MemAvailable fell",
            new ErrorCounts(0, 4, 0, 0), 4.0 / 10_004, LATENESS);
    private static final CeilingStepResult STEP = new CeilingStepResult(LOAD, 900L, 400L, 3_000L, 400.0, 56.0,
            10_240.0, new GcPauses(1, 2.0, 2.0, List.of()), 12.5, 3.0, true,
            GeneratorSchedule.of(LATENESS, LatencySummary.EMPTY));

    @Test
    void shouldWriteTheLoadStepsFieldsInlineBeforeWhatTheRunnerSampled() throws Exception {
        JsonNode json = ResultsJson.mapper().readTree(ResultsJson.mapper().writeValueAsString(STEP));
        List<String> names = new ArrayList<>();
        json.propertyNames().forEach(names::add);
        assertThat(names).containsExactly("index", "targetConnections", "heldConnections", "connectSeconds",
                "connectRatePerSec", "verified", "holdStartEpochMs", "holdEndEpochMs", "requests", "errors", "latencyNs",
                "stoppedBy", "stopDetail", "failedRequests", "errorRate", "sendLatenessNs", "serverRssBytes",
                "serverHeapBytes", "kernelSlabBytes", "rssPerConnectionBytes", "heapPerConnectionBytes",
                "kernelPerConnectionBytes", "gcPauses", "cpuUsPerRequest", "allocatedBytesPerRequest",
                "memorySampledBeforeHold", "generatorSchedule");
        assertThat(json.get("stoppedBy").asString()).isEqualTo("memory-guard");
    }

    @Test
    void shouldLeaveOutTheFailedRequestsOfAStepThatDidNotRecordThem() throws Exception {
        CeilingStep unrecorded = new CeilingStep(0, 10_000, 10_000, 2.0, 5_000.0, 10_000, 1_000, 2_000, 10_000,
                ErrorCounts.NONE, LatencySummary.EMPTY, null, null, null, null, null);
        String json = ResultsJson.mapper().writeValueAsString(new CeilingStepResult(unrecorded, null, null, null,
                null, null, null, null, null, null, null, null));
        assertThat(json).doesNotContain("failedRequests").doesNotContain("errorRate").doesNotContain("sendLateness")
                .doesNotContain("generatorSchedule");
    }

    @Test
    void shouldReadBackWhatItWrote() throws Exception {
        CeilingStepResult read = ResultsJson.mapper().readValue(ResultsJson.mapper().writeValueAsString(STEP),
                CeilingStepResult.class);
        assertThat(read).isEqualTo(STEP);
        assertThat(read.completed()).isFalse();
    }

    @Test
    void shouldReadAStepWrittenBeforeItEmbeddedTheLoadsStep() throws Exception {
        String old = """
                {"index": 0, "targetConnections": 10000, "held": 9000, "verified": 9000, "connectRatePerSec": 5000.0,
                 "requests": 10, "heapPerConnectionBytes": 56.0, "stoppedBy": "fd-limit", "errorRate": 0.25}
                """;
        CeilingStepResult read = ResultsJson.mapper().readValue(old, CeilingStepResult.class);
        assertThat(read.load().heldConnections()).isEqualTo(9000);
        assertThat(read.load().stoppedBy()).isEqualTo(CeilingStop.FD_LIMIT);
        // The step's own errorRate, as summary.json wrote it beside latencyNs before the embedding.
        assertThat(read.load().errorRate()).isEqualTo(0.25);
        assertThat(read.heapPerConnectionBytes()).isEqualTo(56.0);
    }
}
