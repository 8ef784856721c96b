package io.reactorbench.scenarios.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.reactorbench.scenarios.suite.CpuSets;
import org.junit.jupiter.api.Test;

class CpuPinningTest {

    @Test
    void shouldRunUnpinnedAndSaySoWhenTheCpusDoNotExist() {
        CpuPinning pinning = CpuPinning.decide(new CpuSets("4090", "4091"));

        assertThat(pinning.applied()).isFalse();
        assertThat(pinning.serverPrefix()).isEmpty();
        assertThat(pinning.describe().note()).startsWith("running unpinned: ").contains("taskset");
        assertThat(pinning.describe().server()).isEqualTo("4090");
    }

    @Test
    void shouldSayPinningWasTurnedOffBySuite() {
        CpuPinning pinning = CpuPinning.decide(CpuSets.NONE);

        assertThat(pinning.applied()).isFalse();
        assertThat(pinning.note()).contains("cpus: none");
    }

    @Test
    void shouldCountTheCpusOfATasksetList() {
        assertThat(CpuPinning.count("1")).isEqualTo(1);
        assertThat(CpuPinning.count("0-3")).isEqualTo(4);
        assertThat(CpuPinning.count("0,2-3")).isEqualTo(3);
        assertThat(CpuPinning.count("x")).isZero();
    }
}
