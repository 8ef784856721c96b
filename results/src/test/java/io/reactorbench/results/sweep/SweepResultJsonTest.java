package io.reactorbench.results.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import io.reactorbench.results.CellParams;
import io.reactorbench.results.CellStatus;
import io.reactorbench.results.CellSummary;
import io.reactorbench.results.ErrorCounts;
import io.reactorbench.results.LatencySummary;
import io.reactorbench.results.ResultsJson;
import io.reactorbench.results.SchemaVersions;
import java.util.List;
import org.junit.jupiter.api.Test;

/** summary.json's sweep: written and read back whole, and absent from every other cell's file. */
class SweepResultJsonTest {

    private static CellSummary summary(SweepResult sweep) {
        return new CellSummary(SchemaVersions.SUMMARY, "knee", "", "engine-epoll", 1, CellStatus.OK, null,
                new CellParams("echo", "sweep", 4, 0, 64, 1, 0, 0, 0, 1, 2), 4, 1_000, 250, ErrorCounts.NONE, null,
                null, null, null, null, null, null, null, null, null, null, null, sweep);
    }

    @Test
    void shouldRoundTripEveryStepTheObjectiveAndWhatWasFound() {
        LatencySummary latency = new LatencySummary(500, 2e6, 2_000_000, 2_100_000, 2_200_000, 3_000_000, 4_000_000,
                4_000_000, 4_000_000);
        SweepResult sweep = new SweepResult(SweepResult.FIND_MAX_RATE, SweepObjective.parse("p99=50ms,errors=1%"),
                List.of(new SweepStep(0, 200, 199.5, 300, ErrorCounts.NONE, ErrorCounts.NONE, 0, latency, 1_000, 2_500,
                                true, null, latency),
                        new SweepStep(1, 800, 470, 705, new ErrorCounts(0, 2, 0, 0), new ErrorCounts(0, 2, 0, 0), 0.0028,
                                latency, 3_000, 4_500, false, "answered 470/s < 95% of 800/s offered", null)),
                200.0, 1, true, "sustained 200/s within the objective; 800/s broke it (it was stopped)");

        String json = ResultsJson.mapper().writeValueAsString(summary(sweep));

        assertThat(ResultsJson.mapper().readValue(json, CellSummary.class).sweep()).isEqualTo(sweep);
        assertThat(json).contains("\"sustainedRatePerSec\"").contains("\"brokenByStep\" : 1")
                .contains("\"sendLatenessNs\"");
    }

    @Test
    void shouldWriteNoSweepForOtherCellsAndNoVerdictWithoutAnObjective() {
        assertThat(ResultsJson.mapper().writeValueAsString(summary(null))).doesNotContain("\"sweep\" :");
        SweepResult plain = new SweepResult(null, null, List.of(new SweepStep(0, 100, 100, 150, ErrorCounts.NONE,
                ErrorCounts.NONE, 0, LatencySummary.EMPTY, 1, 2, null, null, null)), null, null, false,
                "1 rates swept, no objective");
        String json = ResultsJson.mapper().writeValueAsString(summary(plain));
        assertThat(json).doesNotContain("metObjective").doesNotContain("\"objective\"").doesNotContain("\"find\"")
                .doesNotContain("sendLatenessNs");
        assertThat(ResultsJson.mapper().readValue(json, CellSummary.class).sweep()).isEqualTo(plain);
    }
}
