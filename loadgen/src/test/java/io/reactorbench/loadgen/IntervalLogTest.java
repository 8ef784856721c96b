package io.reactorbench.loadgen;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.EncodableHistogram;
import org.HdrHistogram.HistogramLogReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The --hlog and --json outputs of a real run, read back with HdrHistogram's own reader and Jackson. */
class IntervalLogTest {

    @TempDir
    Path dir;

    @Test
    void shouldWriteAnIntervalLogThatHdrHistogramReadsBackWithEveryRequestCountedOncePerTag() throws Exception {
        Path hlog = dir.resolve("out.hlog");
        Path json = dir.resolve("out.json");
        LoadResult result;
        try (TestServer server = new TestServer(TestServer.Mode.ECHO)) {
            LoadSpec spec = LoadSpec.builder().targets(Endpoints.parseTargets(List.of(server.target())))
                    .connections(8).threads(2).ratePerSec(1000)
                    .warmupNs(TimeUnit.MILLISECONDS.toNanos(1000))
                    .durationNs(TimeUnit.MILLISECONDS.toNanos(2500)).build();
            result = new LoadRun(spec, new LoadOutputs(json, hlog, System.out, LoadOutputs.Progress.LINES, true,
                    false)).execute();
        }
        assertThat(result.errors().total()).as(result.firstErrors().toString()).isZero();

        long corrected = 0;
        long uncorrected = 0;
        int intervals = 0;
        long previousEndMs = -1;
        HistogramLogReader reader = new HistogramLogReader(hlog.toFile());
        EncodableHistogram h;
        while ((h = reader.nextIntervalHistogram()) != null) {
            long count = ((org.HdrHistogram.Histogram) h).getTotalCount();
            // Each interval is written twice, corrected then uncorrected, with the same time span.
            if (intervals % 2 == 0) {
                assertThat(h.getTag()).isEqualTo(LoadRun.TAG_CORRECTED);
                corrected += count;
                if (previousEndMs >= 0) {
                    assertThat(h.getStartTimeStamp()).as("intervals are contiguous").isEqualTo(previousEndMs);
                }
            } else {
                assertThat(h.getTag()).isEqualTo(LoadRun.TAG_UNCORRECTED);
                uncorrected += count;
                previousEndMs = h.getEndTimeStamp();
            }
            intervals++;
        }
        reader.close();
        // A 2.5 s window after a 1 s warm-up: ticks of 1 s (fewer if the machine delays the reporter).
        assertThat(intervals / 2).isBetween(1, 3);
        assertThat(intervals % 2).isZero();
        assertThat(corrected).isEqualTo(result.requests());
        assertThat(uncorrected).isEqualTo(result.requests());
        assertThat(result.windowSeconds()).isBetween(2.4, 2.7);

        LoadResult reread = ResultJson.read(json);
        assertThat(reread).isEqualTo(result);
        assertThat(ResultJson.toJson(result)).contains("\"p9999\"", "\"windowSeconds\"", "\"throughput\"",
                "\"corrected\"", "\"uncorrected\"", "\"schema\" : \"reactorbench.load/1\"");
    }
}
