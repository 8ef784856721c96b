package io.reactorbench.loadgen;

import static org.assertj.core.api.Assertions.assertThat;

import io.reactorbench.results.load.RateCheck;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class RateCheckTest {

    private static LoadSpec.Builder open() {
        return LoadSpec.builder().targets(Endpoints.parseTargets(List.of("127.0.0.1:9"))).connections(4).threads(1);
    }

    @Test
    void shouldFlagARunThatAnsweredAQuarterOfItsRate() {
        // The run: 300,000 req/s asked, 74,775 answered.
        RateCheck check = LoadResults.rateCheck(open().ratePerSec(300_000).build(), 10.0, 747_750);
        assertThat(check.missed()).isTrue();
        assertThat(check.targetPerSec()).isEqualTo(300_000);
        assertThat(check.achievedPerSec()).isEqualTo(74_775);
        assertThat(check.achievedPercent()).isCloseTo(24.9, org.assertj.core.api.Assertions.within(0.1));
    }

    @Test
    void shouldPassARunWithinTheToleranceAndFlagOneJustBeyondIt() {
        LoadSpec spec = open().ratePerSec(1000).build();
        assertThat(LoadResults.rateCheck(spec, 10.0, 9_501).missed()).isFalse();
        assertThat(LoadResults.rateCheck(spec, 10.0, 9_499).missed()).isTrue();
    }

    @Test
    void shouldJudgeAStagedRunAgainstTheRateItsStagesScheduleInTheWindow() {
        // 2 s warm-up at 100/s, then 100 -> 300/s over 2 s: the window schedules 400 requests in 2 s.
        RateStages stages = RateStages.parse("2s:100,2s:300", 100);
        LoadSpec spec = open().stages(stages).warmupNs(TimeUnit.SECONDS.toNanos(2))
                .durationNs(TimeUnit.SECONDS.toNanos(2)).build();
        RateCheck check = LoadResults.rateCheck(spec, 2.0, 400);
        assertThat(check.targetPerSec()).isEqualTo(200);
        assertThat(check.missed()).isFalse();
    }

    @Test
    void shouldNotCheckModelsWithoutASchedule() {
        assertThat(LoadResults.rateCheck(open().build(), 10.0, 5)).isNull();
    }
}
