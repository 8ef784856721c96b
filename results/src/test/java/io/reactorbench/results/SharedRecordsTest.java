package io.reactorbench.results;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The records load.json, summary.json, the gate and the report share: each is defined once here, so their
 * arithmetic and their spelling in the files are checked once here.
 */
class SharedRecordsTest {

    @Test
    void shouldSumErrorKindsIntoTheirTotalAndSubtractAndAddByKind() {
        ErrorCounts atStart = new ErrorCounts(1, 2, 0, 0);
        ErrorCounts atEnd = new ErrorCounts(1, 5, 1, 2);

        assertThat(atEnd.total()).isEqualTo(9);
        assertThat(atEnd.minus(atStart)).isEqualTo(new ErrorCounts(0, 3, 1, 2, 6));
        assertThat(atStart.plus(atEnd)).isEqualTo(new ErrorCounts(2, 7, 1, 2, 12));
        assertThat(ErrorCounts.NONE).isEqualTo(new ErrorCounts(0, 0, 0, 0, 0));
    }

    @Test
    void shouldReadAnEmptyHistogramAsAllZeros() {
        assertThat(LatencySummary.of(new Histogram(3))).isEqualTo(LatencySummary.EMPTY)
                .isEqualTo(new LatencySummary(0, 0, 0, 0, 0, 0, 0, 0, 0));
    }

    @Test
    void shouldReadPercentilesOffAHistogram() {
        Histogram histogram = new Histogram(3);
        for (long ns = 1; ns <= 1000; ns++) {
            histogram.recordValue(ns);
        }

        LatencySummary summary = LatencySummary.of(histogram);

        assertThat(summary.count()).isEqualTo(1000);
        assertThat(summary.p50()).isEqualTo(500);
        assertThat(summary.p99()).isEqualTo(990);
        assertThat(summary.max()).isEqualTo(1000);
    }

    @Test
    void shouldKeyACellByScenarioVariantAndDesignInReportOrder() {
        List<CellKey> keys = new ArrayList<>(List.of(new CellKey("echo", "connections=10", "threads"),
                new CellKey("echo", null, "threads"), new CellKey("echo", "", "engine-epoll")));
        keys.sort(null);

        assertThat(keys).extracting(CellKey::toString).containsExactly("echo/engine-epoll", "echo/threads",
                "echo@connections=10/threads");
        assertThat(new CellRef("echo", "connections=10", "threads", 2, CellStatus.OK, null, "d").cellKey())
                .isEqualTo(keys.getLast());
        assertThat(CellKey.scenarioKey("idle", null)).isEqualTo("idle");
    }

    /**
     * Summaries of a smoke run written before the records were merged (commit 43c4dcc), read and written again;
     * the lines added by hand are {@code params.transport}, which the runner writes since issue 15 (a summary
     * without it reads as tcp: ResultsRoundTripTest), and {@code params.serverProcesses} and
     * {@code params.serverJvmOptions}, written since issue 18 (a summary without them reads as 1 process).
     */
    @ParameterizedTest
    @ValueSource(strings = {"summary-closed-rpc.json", "summary-idle.json"})
    void shouldWriteBackASummaryByteForByte(String name) throws IOException {
        Path file = Path.of("src/test/resources/golden", name);

        CellSummary summary = Results.readSummary(file);

        assertThat(ResultsJson.mapper().writeValueAsString(summary) + "\n").isEqualTo(Files.readString(file));
        assertThat(summary.cellKey()).isEqualTo(new CellKey(summary.scenario(), summary.variant(), summary.design()));
    }
}
