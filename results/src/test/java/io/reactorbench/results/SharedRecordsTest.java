package io.reactorbench.results;

import static org.assertj.core.api.Assertions.assertThat;

import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

/** The records load.json and summary.json share: defined once here, so their arithmetic is checked once here. */
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
}
