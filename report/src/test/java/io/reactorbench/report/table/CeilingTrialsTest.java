package io.reactorbench.report.table;

import static org.assertj.core.api.Assertions.assertThat;

import io.reactorbench.report.model.ScenarioParams;
import io.reactorbench.report.model.ServerCost;
import io.reactorbench.report.model.TrialResult;
import io.reactorbench.results.CellKey;
import io.reactorbench.results.ErrorCounts;
import io.reactorbench.results.Spread;
import io.reactorbench.results.ceiling.CeilingResult;
import io.reactorbench.results.load.CeilingStop;
import java.util.List;
import org.junit.jupiter.api.Test;

class CeilingTrialsTest {

    private static final ScenarioParams CEILING = new ScenarioParams("echo", "ceiling", 100_000, 1_000);

    private static TrialResult trial(int trial, boolean ok, long highestHeld) {
        CeilingResult ceiling = new CeilingResult(List.of(), highestHeld,
                highestHeld < 100_000 ? CeilingStop.MEMORY_GUARD : null, null);
        return new TrialResult(new CellKey("ramp", "", "engine-epoll"), trial, ok, "", CEILING, 30, 0, 0,
                ErrorCounts.NONE, null, null, ServerCost.UNKNOWN, null, Double.NaN, null, Double.NaN, ceiling, null,
                Double.NaN, null, null, null);
    }

    @Test
    void shouldTakeTheMedianHeldOverSuccessfulTrialsOnly() {
        Spread held = CeilingTrials.highestHeld(List.of(trial(1, true, 50_000), trial(2, true, 100_000),
                trial(3, true, 75_000), trial(4, false, 1_000_000)));

        assertThat(held).isEqualTo(new Spread(75_000, 50_000, 100_000, 3));
    }

    @Test
    void shouldShowTheStepsOfTheTrialWithTheMedianCeiling() {
        assertThat(CeilingTrials.representative(List.of(trial(1, true, 100_000), trial(2, true, 50_000),
                trial(3, true, 75_000))).orElseThrow().trial()).isEqualTo(3);
        // an even count: the lower of the two middle trials, so the table never shows more than half of them held
        assertThat(CeilingTrials.representative(List.of(trial(1, true, 100_000), trial(2, true, 50_000)))
                .orElseThrow().trial()).isEqualTo(2);
    }

    @Test
    void shouldHaveNoRepresentativeWhenEveryTrialFailed() {
        assertThat(CeilingTrials.representative(List.of(trial(1, false, 0)))).isEmpty();
        assertThat(CeilingTrials.highestHeld(List.of(trial(1, false, 0))).isPresent()).isFalse();
    }
}
