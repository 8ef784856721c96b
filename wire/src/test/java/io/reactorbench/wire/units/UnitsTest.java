package io.reactorbench.wire.units;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class UnitsTest {

    @Test
    void shouldParseSimpleAndCompoundDurations() {
        assertThat(Durations.parseNs("500ms")).isEqualTo(TimeUnit.MILLISECONDS.toNanos(500));
        assertThat(Durations.parseNs("1.5s")).isEqualTo(TimeUnit.MILLISECONDS.toNanos(1500));
        assertThat(Durations.parseNs("1h2m")).isEqualTo(TimeUnit.MINUTES.toNanos(62));
        assertThat(Durations.parseNs("1m30s")).isEqualTo(TimeUnit.SECONDS.toNanos(90));
        assertThat(Durations.parseNs("10")).isEqualTo(TimeUnit.SECONDS.toNanos(10));
        assertThat(Durations.parseNs("250us")).isEqualTo(250_000);
    }

    @Test
    void shouldRejectDurationsWithoutNumberOrWithUnknownUnit() {
        assertThatThrownBy(() -> Durations.parseNs("s")).hasMessageContaining("bad duration");
        assertThatThrownBy(() -> Durations.parseNs("-5s")).hasMessageContaining("bad duration");
        assertThatThrownBy(() -> Durations.parseNs("1m30")).hasMessageContaining("bad duration");
        assertThatThrownBy(() -> Durations.parseNs("2 hours")).hasMessageContaining("unknown time unit 'hours'");
    }

    @Test
    void shouldParseCountsWithDecimalSuffixesAndBytesWithBinaryOnes() {
        assertThat(Quantities.parseWholeCount("20k")).isEqualTo(20_000);
        assertThat(Quantities.parseWholeCount("20K")).isEqualTo(20_000);
        assertThat(Quantities.parseCount("1.5M")).isEqualTo(1_500_000);
        assertThat(Quantities.parseWholeBytes("1KiB")).isEqualTo(1024);
        assertThat(Quantities.parseWholeBytes("16MiB")).isEqualTo(16 << 20);
        assertThat(Quantities.parseWholeBytes("64B")).isEqualTo(64);
        assertThat(Quantities.parseWholeBytes("2k")).isEqualTo(2000);
        assertThat(Quantities.parseCount("1.5E7")).isEqualTo(15_000_000);
    }

    @Test
    void shouldRejectBinarySuffixesOnCountsAndFractionsOfWholeNumbers() {
        assertThatThrownBy(() -> Quantities.parseCount("1KiB")).hasMessageContaining("unknown suffix 'KiB'");
        assertThatThrownBy(() -> Quantities.parseWholeCount("0.5")).hasMessageContaining("not a whole number");
        assertThatThrownBy(() -> Quantities.parseCount("many")).hasMessageContaining("is not a number");
    }
}
