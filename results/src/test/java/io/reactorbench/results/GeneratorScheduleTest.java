package io.reactorbench.results;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class GeneratorScheduleTest {

    /** A latency summary whose every percentile is {@code ns} (count 100). */
    private static LatencySummary all(long ns) {
        return new LatencySummary(100, ns, ns, ns, ns, ns, ns, ns, ns);
    }

    @Test
    void shouldCallAGeneratorBehindWhenItsP99LatenessIsMostOfTheMeasuredP99() {
        GeneratorSchedule schedule = GeneratorSchedule.of(all(223_000_000), all(239_000_000));

        assertThat(schedule.behind()).isTrue();
        assertThat(schedule.boundNs()).isEqualTo(23_900_000);
        assertThat(schedule.reason()).contains("223.000 ms late", "bound 23.900 ms", "10% of the corrected p99");
    }

    @Test
    void shouldNotCallLatenessWithinTheTimerGranularityBehindEvenAgainstAFastServer() {
        GeneratorSchedule schedule = GeneratorSchedule.of(all(1_500_000), all(1_600_000));

        assertThat(schedule.behind()).isFalse();
        assertThat(schedule.boundNs()).isEqualTo(GeneratorSchedule.FLOOR_NS);
        assertThat(schedule.reason()).isNull();
    }

    @Test
    void shouldNotCallAFewMillisecondsBehindAgainstASlowServersP99() {
        assertThat(GeneratorSchedule.of(all(5_000_000), all(500_000_000)).behind()).isFalse();
    }

    @Test
    void shouldSayNothingWithoutLateness() {
        assertThat(GeneratorSchedule.of(null, all(1_000_000))).isNull();
        assertThat(GeneratorSchedule.of(LatencySummary.EMPTY, all(1_000_000))).isNull();
    }
}
