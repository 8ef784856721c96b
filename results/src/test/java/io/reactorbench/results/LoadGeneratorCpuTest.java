package io.reactorbench.results;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LoadGeneratorCpuTest {

    @Test
    void shouldTakeLoadUtilisationAgainstTheCpusItsThreadsCouldUse() {
        // 4 threads on 2 CPUs using 1.5 CPUs: 75 % of what it could use, 37.5 % per thread
        LoadGeneratorCpu load = LoadGeneratorCpu.of(12.0, 8.0, 4, 2);

        assertThat(load.cpusUsed()).isEqualTo(1.5);
        assertThat(load.utilisation()).isEqualTo(0.75);
        assertThat(load.perThreadUtilisation()).isEqualTo(0.375);
        assertThat(load.saturated()).isFalse();
        assertThat(LoadGeneratorCpu.of(null, 8.0, 4, 2)).isNull();
    }
}
