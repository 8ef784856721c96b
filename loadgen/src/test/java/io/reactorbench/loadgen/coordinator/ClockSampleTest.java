package io.reactorbench.loadgen.coordinator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** NTP's arithmetic on injected stamps: the offset of the agent's clock and the round trip it is known within. */
class ClockSampleTest {

    @Test
    void shouldTakeTheOffsetAsTheMeanOfBothLegsAndLeaveTheAgentsOwnTimeOutOfTheRoundTrip() {
        // coordinator sends at 1,000 µs; 150 µs on the wire each way; the agent, 5 s ahead, takes 40 µs to answer
        long aheadUs = 5_000_000;
        ClockSample sample = new ClockSample(1_000, 1_150 + aheadUs, 1_190 + aheadUs, 1_340);

        assertThat(sample.offsetUs()).isEqualTo(aheadUs);
        assertThat(sample.roundTripUs()).isEqualTo(300);
    }

    @Test
    void shouldKeepTheSampleWithTheShortestRoundTripWhoseLegsAreLeastUneven() {
        ClockSample queued = new ClockSample(0, 2_100, 2_100, 2_200);      // 2 ms stuck on the way there
        ClockSample quick = new ClockSample(10_000, 10_100, 10_110, 10_210);

        assertThat(ClockSample.best(List.of(queued, quick))).isEqualTo(quick);
        assertThat(quick.offsetUs()).isZero();
        assertThat(queued.offsetUs()).isEqualTo(1_000);
    }
}
