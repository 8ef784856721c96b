package io.reactorbench.loadgen;

import static org.assertj.core.api.Assertions.assertThat;

import io.reactorbench.results.load.LoadResult;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** What the summary says beyond the percentiles, from made-up results. */
class SummaryPrinterTest {

    private static String printed(LoadResult result) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        SummaryPrinter.print(new PrintStream(bytes, true, StandardCharsets.UTF_8), result, null,
                LoadRun.newHistogram());
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void shouldSayWhatTheWarmupExcluded() {
        assertThat(printed(SyntheticResults.open(1000, 10_000, 0, 3_000_000, 5, 4_870)))
                .contains("Warm-up excluded: the first 5.0 s (4870 requests answered) ran before the window");
        assertThat(printed(SyntheticResults.open(1000, 10_000, 0, 3_000_000, 0, 0)))
                .contains("No warm-up (--warmup 0s): the window includes the JVM's start");
    }

    @Test
    void shouldMarkAMissedRate() {
        assertThat(printed(SyntheticResults.open(300_000, 747_750, 0, 1_200_000_000, 5, 0)))
                .contains("Rate MISSED: 74775 req/s answered of 300000 asked (24.9%, tolerance 5%)");
        assertThat(printed(SyntheticResults.open(1000, 10_000, 0, 3_000_000, 5, 0))).doesNotContain("MISSED");
    }
}
