package io.reactorbench.results.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.reactorbench.results.LatencySummary;
import org.junit.jupiter.api.Test;

class SweepObjectiveTest {

    private static LatencySummary p99(long ns) {
        return new LatencySummary(1000, ns / 2.0, ns / 2, ns / 2, ns / 2, ns, ns, ns, ns);
    }

    @Test
    void shouldParseTheCommandLineFormAndWriteItBack() {
        SweepObjective objective = SweepObjective.parse("p99=5ms,errors=0.1%");
        assertThat(objective.p99Ns()).isEqualTo(5_000_000);
        assertThat(objective.maxErrorRatio()).isEqualTo(0.001);
        assertThat(objective.describe()).isEqualTo("p99=5000us,errors=0.1%");
        assertThat(SweepObjective.parse(objective.describe())).isEqualTo(objective);
    }

    @Test
    void shouldMeetAStepWithinEveryLimit() {
        SweepObjective objective = SweepObjective.parse("p99=5ms,errors=0.1%");
        assertThat(objective.breach(1000, 990, 0.0005, p99(4_000_000))).isEmpty();
    }

    @Test
    void shouldNameEveryLimitAStepBroke() {
        SweepObjective objective = SweepObjective.parse("p99=5ms,errors=0.1%");
        assertThat(objective.breach(1000, 800, 0.01, p99(12_300_000))).contains(
                "p99 12.3 ms > 5.00 ms, errors 1.00% > 0.100%, answered 800/s < 95% of 1000/s offered");
    }

    @Test
    void shouldRefuseUnknownKeysAndEmptyObjectives() {
        assertThatThrownBy(() -> SweepObjective.parse("p95=5ms")).hasMessageContaining("unknown objective 'p95'");
        assertThatThrownBy(() -> new SweepObjective(null, null, null, null, null))
                .hasMessageContaining("at least one limit");
    }
}
