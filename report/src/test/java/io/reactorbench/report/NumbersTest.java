package io.reactorbench.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.reactorbench.report.render.Numbers;
import io.reactorbench.report.render.Unit;
import org.junit.jupiter.api.Test;

class NumbersTest {

    @Test
    void shouldKeepAboutThreeSignificantDigits() {
        assertThat(Numbers.format(123_456.7)).isEqualTo("123,457");
        assertThat(Numbers.format(12.345)).isEqualTo("12.3");
        assertThat(Numbers.format(1.5)).isEqualTo("1.5");
        assertThat(Numbers.format(0.01234)).isEqualTo("0.012");
        assertThat(Numbers.format(0)).isEqualTo("0");
        assertThat(Numbers.format(Double.NaN)).isEqualTo(Numbers.MISSING);
    }

    @Test
    void shouldWriteUnitsRangesAndSignedChanges() {
        assertThat(Numbers.format(2.5, Unit.MILLISECONDS)).isEqualTo("2.5 ms");
        assertThat(Numbers.range(9_990, 10_010)).isEqualTo("9,990–10,010");
        assertThat(Numbers.range(3, 3)).isEqualTo("3");
        assertThat(Numbers.percentChange(-0.5)).isEqualTo("−50 %");
        assertThat(Numbers.percentChange(0.125)).isEqualTo("+12.5 %");
        assertThat(Numbers.bytes(1536)).isEqualTo("1.5 KiB");
    }
}
