package io.reactorbench.loadgen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class RateStagesTest {

    private static final long SECOND_NS = TimeUnit.SECONDS.toNanos(1);

    @Test
    void shouldIntegrateLinearRampsFromTheStartRate() {
        RateStages stages = RateStages.parse("10s:1000,30s:5000", 0);
        assertThat(stages.totalNs()).isEqualTo(40 * SECOND_NS);
        assertThat(stages.eventsUntil(10 * SECOND_NS)).isEqualTo(5_000); // 0 -> 1000/s over 10 s
        assertThat(stages.eventsUntil(40 * SECOND_NS)).isEqualTo(5_000 + 90_000); // 1000 -> 5000/s over 30 s
        assertThat(stages.eventsUntil(41 * SECOND_NS)).isEqualTo(100_000); // the last rate holds afterwards
    }

    @Test
    void shouldPlaceEachEventWhereTheIntegralReachesIt() {
        RateStages stages = RateStages.parse("10s:1000,30s:5000", 0);
        for (double x : new double[] {0, 1, 50, 4_999, 5_000, 5_001, 60_000, 94_999, 95_000, 95_500}) {
            long tNs = stages.timeOfEventNs(x);
            assertThat(stages.eventsUntil(tNs)).as("event %s at %d ns", x, tNs).isCloseTo(x,
                    org.assertj.core.api.Assertions.within(1e-3));
        }
        assertThat(stages.timeOfEventNs(5_000)).isEqualTo(10 * SECOND_NS);
    }

    @Test
    void shouldScheduleNothingAfterARampDownToZero() {
        RateStages stages = RateStages.parse("1s:0", 100); // 100 -> 0/s: 50 events, then none
        assertThat(stages.timeOfEventNs(50)).isEqualTo(SECOND_NS);
        assertThat(stages.timeOfEventNs(51)).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void shouldGiveAConstantRateTheSameTimesAsTheConstantSchedule() {
        OpenLoopSchedule constant = new OpenLoopSchedule(1_000, 3, 1);
        OpenLoopSchedule staged = new OpenLoopSchedule(1_000, RateStages.constant(3), 1, 0, 1);
        for (long j : new long[] {0, 1, 2, 3, 1_000, 3_000}) {
            assertThat(staged.eventNs(j)).isEqualTo(constant.eventNs(j));
        }
    }

    @Test
    void shouldSplitAStagedRateOverWorkersAndShards() {
        // Two workers of one process each take half of 0 -> 1000/s over 10 s; worker 1 is offset by one event.
        RateStages stages = RateStages.parse("10s:1000", 0);
        OpenLoopSchedule first = new OpenLoopSchedule(0, stages, 0.5, 0, 1);
        OpenLoopSchedule second = new OpenLoopSchedule(0, stages, 0.5, 1, 1);
        assertThat(first.eventNs(2_500)).isEqualTo(stages.timeOfEventNs(5_000));
        assertThat(second.eventNs(0)).isEqualTo(stages.timeOfEventNs(1));
        assertThat(stages.scaled(0.5).eventsUntil(10 * SECOND_NS)).isEqualTo(2_500);
    }

    @Test
    void shouldRefuseUnboundedOrMalformedStages() {
        assertThatThrownBy(() -> RateStages.parse("10s", 0)).hasMessageContaining("expected DURATION:RATE");
        assertThatThrownBy(() -> RateStages.parse("10s:0", 0)).hasMessageContaining("some rate must be > 0");
        assertThatThrownBy(() -> RateStages.parse("25h:100", 0)).hasMessageContaining("at most a day");
        assertThatThrownBy(() -> RateStages.parse("1s:-5", 0)).hasMessageContaining("rates must be 0..");
        assertThatThrownBy(() -> RateStages.parse("1s:1,".repeat(101), 0)).hasMessageContaining("1..100 stages");
    }
}
