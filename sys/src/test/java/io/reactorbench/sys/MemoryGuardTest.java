package io.reactorbench.sys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class MemoryGuardTest {

    private static final long GIB = 1L << 30;

    @Test
    void shouldStopWhenMemAvailableFallsBelowTheFloorAndSayWhy() {
        AtomicLong available = new AtomicLong(8 * GIB);
        MemoryGuard guard = MemoryGuard.withFloor(() -> new MemInfo(16 * GIB, available.get()), 2 * GIB);

        assertThat(guard.stopReason()).isEmpty();
        available.set(2 * GIB);
        assertThat(guard.stopReason()).isEmpty();
        available.set((long) (1.8 * GIB));
        assertThat(guard.stopReason()).contains("memory guard: MemAvailable 1.8 GiB below the 2.0 GiB floor");
    }

    @Test
    void shouldDefaultTheFloorToTwoGibOrATenthOfMemTotalWhicheverIsLarger() {
        assertThat(MemoryGuard.withDefaultFloor(() -> new MemInfo(8 * GIB, 4 * GIB)).floorBytes()).isEqualTo(2 * GIB);
        assertThat(MemoryGuard.withDefaultFloor(() -> new MemInfo(64 * GIB, 40 * GIB)).floorBytes())
                .isEqualTo((long) (64 * GIB * 0.10));
    }

    @Test
    void shouldNotStopARunForwantOfAReading() {
        assertThat(MemoryGuard.withFloor(() -> MemInfo.UNKNOWN, 2 * GIB).stopReason()).isEmpty();
    }

    @Test
    void shouldRefuseANegativeFloor() {
        assertThatThrownBy(() -> MemoryGuard.withFloor(() -> MemInfo.UNKNOWN, -1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must not be negative");
    }

    @Test
    void shouldReadMemTotalAndMemAvailableFromProcMeminfoInBytes() {
        MemInfo parsed = MemInfo.parse("MemTotal:       24683748 kB\nMemFree:  1 kB\nMemAvailable:   24220168 kB\n");

        assertThat(parsed).isEqualTo(new MemInfo(24_683_748L * 1024, 24_220_168L * 1024));
        assertThat(MemInfo.parse(null)).isEqualTo(MemInfo.UNKNOWN);
    }
}
