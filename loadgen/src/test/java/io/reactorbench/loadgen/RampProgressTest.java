package io.reactorbench.loadgen;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RampProgressTest {

    private static final long SECOND = 1_000_000_000L;

    @Test
    void aCountThatKeepsRisingHasNotStalled() {
        RampProgress progress = new RampProgress(0, 0, 5 * SECOND);

        for (int s = 1; s <= 60; s++) {
            assertThat(progress.stalled(s * 100, s * SECOND)).isFalse();
        }
    }

    @Test
    void aCountThatGoesDownAndBackUpWithoutANewHighStallsAfterTheStallTime() {
        RampProgress progress = new RampProgress(0, 0, 5 * SECOND);
        assertThat(progress.stalled(9_000, SECOND)).isFalse();

        // closed and reopened: it moves every second, but never past 9,000
        assertThat(progress.stalled(8_500, 2 * SECOND)).isFalse();
        assertThat(progress.stalled(9_000, 3 * SECOND)).isFalse();
        assertThat(progress.stalled(8_700, 5 * SECOND)).isFalse();
        assertThat(progress.stalled(9_000, 6 * SECOND)).isFalse();
        assertThat(progress.stalled(8_900, 6 * SECOND + 1)).isTrue();
    }

    @Test
    void aNewHighRestartsTheStallTime() {
        RampProgress progress = new RampProgress(100, 0, 5 * SECOND);

        assertThat(progress.stalled(100, 4 * SECOND)).isFalse();
        assertThat(progress.stalled(101, 5 * SECOND)).isFalse();
        assertThat(progress.stalled(101, 10 * SECOND)).isFalse();
        assertThat(progress.stalled(101, 10 * SECOND + 1)).isTrue();
    }
}
