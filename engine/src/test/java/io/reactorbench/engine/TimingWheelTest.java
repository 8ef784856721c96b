package io.reactorbench.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TimingWheelTest {

    private static final long MS = 1_000_000L;
    private final List<Integer> fired = new ArrayList<>();
    private final TimingWheel wheel = new TimingWheel(10 * MS, 8, 0);

    @Test
    void shouldFireOnlyWhenTheDeadlineHasPassed() {
        wheel.schedule(1, 25 * MS);
        wheel.schedule(2, 45 * MS);
        assertThat(wheel.advance(20 * MS, (slot, now) -> fired.add(slot))).isZero();
        wheel.advance(30 * MS, (slot, now) -> fired.add(slot));
        assertThat(fired).containsExactly(1);
        wheel.advance(50 * MS, (slot, now) -> fired.add(slot));
        assertThat(fired).containsExactly(1, 2);
        assertThat(wheel.scheduled()).isZero();
    }

    @Test
    void shouldKeepDeadlinesBeyondOneTurnOfTheWheel() {
        wheel.schedule(3, 200 * MS); // the wheel spans 80 ms
        wheel.advance(100 * MS, (slot, now) -> fired.add(slot));
        assertThat(fired).isEmpty();
        wheel.advance(210 * MS, (slot, now) -> fired.add(slot));
        assertThat(fired).containsExactly(3);
    }

    @Test
    void shouldNotFireCancelledEntries() {
        wheel.schedule(4, 15 * MS);
        wheel.cancel(4);
        wheel.advance(100 * MS, (slot, now) -> fired.add(slot));
        assertThat(fired).isEmpty();
        assertThat(wheel.isScheduled(4)).isFalse();
    }

    @Test
    void shouldMoveAnEntryWhenScheduledAgain() {
        wheel.schedule(5, 15 * MS);
        wheel.schedule(5, 55 * MS);
        wheel.advance(30 * MS, (slot, now) -> fired.add(slot));
        assertThat(fired).isEmpty();
        wheel.advance(60 * MS, (slot, now) -> fired.add(slot));
        assertThat(fired).containsExactly(5);
    }

    @Test
    void shouldSayHowLongToTheNextTick() {
        assertThat(wheel.nanosToNextTick(0)).isEqualTo(-1);
        wheel.schedule(6, 35 * MS);
        assertThat(wheel.nanosToNextTick(3 * MS)).isEqualTo(7 * MS);
    }
}
