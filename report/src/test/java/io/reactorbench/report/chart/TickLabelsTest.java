package io.reactorbench.report.chart;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TickLabelsTest {

    @Test
    void shouldWriteLargeNumbersWithASuffixInsteadOfAnExponent() {
        assertThat(TickLabels.human(1_300_000)).isEqualTo("1.3M");
        assertThat(TickLabels.human(300_000)).isEqualTo("300k");
        assertThat(TickLabels.human(1_250_000)).isEqualTo("1.25M");
        assertThat(TickLabels.human(2_000_000_000)).isEqualTo("2G");
        assertThat(TickLabels.human(55_000)).isEqualTo("55k");
    }

    @Test
    void shouldWriteSmallNumbersPlainAndZeroAsZero() {
        assertThat(TickLabels.human(0)).isEqualTo("0");
        assertThat(TickLabels.human(1e-12)).isEqualTo("0");
        assertThat(TickLabels.human(0.8)).isEqualTo("0.8");
        assertThat(TickLabels.human(25)).isEqualTo("25");
        assertThat(TickLabels.human(-2)).isEqualTo("-2");
    }

    @Test
    void shouldKeepNeighbouringTicksDistinct() {
        assertThat(TickLabels.human(1_255_000)).isNotEqualTo(TickLabels.human(1_260_000));
    }

    @Test
    void shouldNotScaleProbeValuesFarOutsideAnyAxis() {
        assertThat(TickLabels.human(Double.MAX_VALUE)).isEqualTo(String.valueOf(Double.MAX_VALUE));
    }
}
