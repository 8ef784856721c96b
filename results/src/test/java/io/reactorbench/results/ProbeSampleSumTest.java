package io.reactorbench.results;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** K processes serving one port read as one server: sums, the longest pause, pauses merged, nulls kept null. */
class ProbeSampleSumTest {

    private static ProbeSample process(long pid, long atMs, long scale, List<List<Double>> pauses, double maxPauseMs) {
        return new ProbeSample("sample", atMs, 1_000 + scale, 10 * scale, 100 * scale, scale, 2.0 * scale, maxPauseMs,
                pauses, 1_000 * scale, 500 * scale, (int) (20 * scale), (int) (300 * scale), pid, 11 * scale,
                10_000 * scale, 8_000 * scale, 7_000 * scale, scale, "jfr", null);
    }

    @Test
    void shouldSumCountersAndSizesTakeTheLongestPauseAndMergePausesInStartOrder() {
        ProbeSample first = process(41, 100, 1, List.of(List.of(50.0, 1.5), List.of(90.0, 0.5)), 1.5);
        ProbeSample second = process(42, 101, 2, List.of(List.of(70.0, 3.0)), 3.0);
        ProbeSample third = process(43, 102, 3, List.of(), 0.25);

        ProbeSample sum = ProbeSampleSum.of(List.of(first, second, third));

        assertThat(sum).isEqualTo(new ProbeSample("sample", 100, 1_001L, 60L, 600L, 6L, 12.0, 3.0,
                List.of(List.of(50.0, 1.5), List.of(70.0, 3.0), List.of(90.0, 0.5)), 6_000L, 3_000L, 120, 1_800, 41L,
                66L, 60_000L, 48_000L, 42_000L, 6L, "jfr", null));
    }

    @Test
    void shouldLeaveAFieldNullWhenAnyProcessLeftItNull() {
        ProbeSample answered = process(41, 100, 1, List.of(), 0);
        ProbeSample silent = ProbeSample.unanswered().seenFromOutside("sample", 100, 42, 11L, 10_000L, null, 7_000L);

        ProbeSample sum = ProbeSampleSum.of(List.of(answered, silent));

        assertThat(Arrays.asList(sum.cpuNs(), sum.allocatedBytes(), sum.gcCount(), sum.heapUsedBytes(),
                sum.heapAfterGcBytes(), sum.rejectedOnFdLimit(), sum.anonBytes())).containsOnlyNulls();
        assertThat(sum.gcPauseTotalMs()).isNull();
        assertThat(sum.gcPauseMaxMs()).isNull();
        assertThat(sum.threads()).isNull();
        assertThat(sum.connections()).isNull();
        assertThat(sum.procCpuNs()).isEqualTo(22L);
        assertThat(sum.rssBytes()).isEqualTo(20_000L);
        assertThat(sum.privateDirtyBytes()).isEqualTo(14_000L);
        assertThat(sum.pid()).isEqualTo(41L);
    }

    @Test
    void shouldSayHeapAfterGcIsUnknownUntilEveryProcessHasCollected() {
        ProbeSample collected = process(41, 100, 1, List.of(), 0);
        ProbeSample notYet = new ProbeSample("sample", 100, 1L, 1L, 1L, 0L, 0.0, 0.0, List.of(), 1L, -1L, 1, 1, 42L,
                1L, 1L, 1L, 1L, 0L, "jfr", null);

        assertThat(ProbeSampleSum.of(List.of(collected, notYet)).heapAfterGcBytes()).isEqualTo(-1L);
    }

    @Test
    void shouldReturnTheOnlySampleAsItIs() {
        ProbeSample only = process(41, 100, 1, List.of(List.of(50.0, 1.5)), 1.5);

        assertThat(ProbeSampleSum.of(List.of(only))).isSameAs(only);
    }
}
