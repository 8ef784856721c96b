package io.reactorbench.report.read;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The report reads the latency it shows from each layout of latency.hlog the load generator has written. */
class LatencyLogTest {

    @TempDir
    Path dir;

    /** Two one-second intervals per tag; the interval of tag {@code tags[i]} holds 10·(i+1) values of 1 ms·(i+1). */
    private void write(String... tags) throws Exception {
        HistogramLogWriter writer = new HistogramLogWriter(dir.resolve(LatencyLog.FILE_NAME).toFile());
        writer.outputLogFormatVersion();
        writer.outputStartTime(1_000_000);
        writer.setBaseTime(1_000_000);
        writer.outputLegend();
        for (int second = 0; second < 2; second++) {
            for (int i = 0; i < tags.length; i++) {
                Histogram h = new Histogram(3);
                h.recordValueWithCount(1_000_000L * (i + 1), 10L * (i + 1));
                h.setTag(tags[i]);
                h.setStartTimeStamp(1_000_000 + second * 1000L);
                h.setEndTimeStamp(1_000_000 + (second + 1) * 1000L);
                writer.outputIntervalHistogram(h);
            }
        }
        writer.close();
    }

    @Test
    void shouldReadTheUntaggedSeriesOfTodaysLogAndNotTheUncorrectedOne() throws Exception {
        write(null, "uncorrected");
        LatencyLog log = LatencyLog.read(dir);
        assertThat(log.total().getTotalCount()).isEqualTo(20);
        assertThat(log.intervals()).hasSize(2);
        assertThat(log.total().getMaxValue()).isLessThan(1_100_000);
    }

    @Test
    void shouldReadTheCorrectedTagOfAnOlderLog() throws Exception {
        write("corrected", "uncorrected");
        assertThat(LatencyLog.read(dir).total().getTotalCount()).isEqualTo(20);
    }

    @Test
    void shouldReadAnOlderClosedLoopLogWhole() throws Exception {
        write("uncorrected");
        assertThat(LatencyLog.read(dir).total().getTotalCount()).isEqualTo(20);
        assertThat(LatencyLog.read(dir).intervals()).hasSize(2);
    }
}
