package io.reactorbench.loadgen;

import static org.assertj.core.api.Assertions.assertThat;

import io.reactorbench.results.load.LoadJson;
import io.reactorbench.results.load.LoadResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.EncodableHistogram;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.HdrHistogram.HistogramLogProcessor;
import org.HdrHistogram.HistogramLogReader;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The --hlog and --json outputs of a real run, read back with HdrHistogram's own reader and Jackson. */
class IntervalLogTest {

    @TempDir
    Path dir;

    /** A 2.5 s window after a 1 s warm-up, at 1,000 requests/s, written to --json and --hlog. */
    private LoadResult runWithIntervalLog(Path json, Path hlog) throws Exception {
        try (TestServer server = new TestServer(TestServer.Mode.ECHO)) {
            LoadSpec spec = LoadSpec.builder().targets(Endpoints.parseTargets(List.of(server.target())))
                    .connections(8).threads(2).ratePerSec(1000)
                    .warmupNs(TimeUnit.MILLISECONDS.toNanos(1000))
                    .durationNs(TimeUnit.MILLISECONDS.toNanos(2500)).build();
            return new LoadRun(spec, new LoadOutputs(json, hlog, System.out, System.err, LoadOutputs.Progress.LINES,
                    true, false)).execute();
        }
    }

    /** The interval histograms of a log, untagged (corrected), uncorrected and send lateness in turn. */
    private record Intervals(int count, long corrected, long uncorrected, long sendLateness) {
    }

    private static Intervals readIntervals(Path hlog) throws Exception {
        long corrected = 0;
        long uncorrected = 0;
        long sendLateness = 0;
        int intervals = 0;
        long previousEndMs = -1;
        HistogramLogReader reader = new HistogramLogReader(hlog.toFile());
        EncodableHistogram h;
        while ((h = reader.nextIntervalHistogram()) != null) {
            long count = ((org.HdrHistogram.Histogram) h).getTotalCount();
            // Each interval is written three times, corrected, uncorrected, send lateness, with the same time span.
            if (intervals % 3 == 0) {
                assertThat(h.getTag()).as("corrected latency is the untagged series").isNull();
                corrected += count;
                if (previousEndMs >= 0) {
                    assertThat(h.getStartTimeStamp()).as("intervals are contiguous").isEqualTo(previousEndMs);
                }
            } else if (intervals % 3 == 1) {
                assertThat(h.getTag()).isEqualTo(IntervalLogTags.UNCORRECTED);
                uncorrected += count;
            } else {
                assertThat(h.getTag()).isEqualTo(IntervalLogTags.SEND_LATENESS);
                sendLateness += count;
                previousEndMs = h.getEndTimeStamp();
            }
            intervals++;
        }
        reader.close();
        assertThat(intervals % 3).isZero();
        return new Intervals(intervals / 3, corrected, uncorrected, sendLateness);
    }

    @Test
    void shouldWriteAnIntervalLogThatHdrHistogramReadsBackWithEveryRequestCountedOncePerTag() throws Exception {
        Path hlog = dir.resolve("out.hlog");
        Path json = dir.resolve("out.json");
        LoadResult result = runWithIntervalLog(json, hlog);
        assertThat(result.errors().total()).as(result.firstErrors().toString()).isZero();

        Intervals intervals = readIntervals(hlog);
        assertThat(intervals.count()).isPositive();
        assertThat(intervals.corrected()).isEqualTo(result.requests());
        assertThat(intervals.uncorrected()).isEqualTo(result.requests());
        assertThat(intervals.sendLateness()).as("the window's sends, each once").isPositive()
                .isEqualTo(result.sendLatenessNs().count());

        LoadResult reread = LoadJson.read(json);
        assertThat(reread).isEqualTo(result);
        assertThat(LoadJson.toJson(result)).contains("\"p9999\"", "\"windowSeconds\"", "\"throughput\"",
                "\"corrected\"", "\"uncorrected\"", "\"schema\" : \"reactorbench.load/1\"");
    }

    /** Wall-clock: the window is the duration without the warm-up, logged in ticks of 1 s (-Pbench). */
    @Test
    @Tag("bench")
    void shouldMeasureTheDurationWithoutTheWarmupInOneSecondIntervals() throws Exception {
        Path hlog = dir.resolve("out.hlog");
        LoadResult result = runWithIntervalLog(dir.resolve("out.json"), hlog);
        assertThat(result.errors().total()).as(result.firstErrors().toString()).isZero();
        // A 2.5 s window after a 1 s warm-up: ticks of 1 s (fewer if the machine delays the reporter).
        assertThat(readIntervals(hlog).count()).isBetween(1, 3);
        assertThat(result.windowSeconds()).isBetween(2.4, 2.7);
    }

    /**
     * HdrHistogram's own log processor, as a user would run it ({@code HistogramLogProcessor -i load.hlog}, no
     * {@code -tag}): it reads the untagged series only, and threw a NullPointerException on a log without one.
     */
    @ParameterizedTest
    @EnumSource(value = LoadModel.class, names = {"OPEN", "CLOSED"})
    void shouldBeReadableByHdrHistogramsLogProcessorWithoutATag(LoadModel model) throws Exception {
        Path hlog = dir.resolve(model.id() + ".hlog");
        LoadResult result;
        try (TestServer server = new TestServer(TestServer.Mode.ECHO)) {
            LoadSpec spec = LoadSpec.builder().targets(Endpoints.parseTargets(List.of(server.target())))
                    .model(model).connections(2).threads(1).ratePerSec(model == LoadModel.OPEN ? 500 : 0)
                    .warmupNs(TimeUnit.MILLISECONDS.toNanos(200))
                    .durationNs(TimeUnit.MILLISECONDS.toNanos(2200)).build();
            result = new LoadRun(spec, new LoadOutputs(null, hlog, System.out, System.err, LoadOutputs.Progress.NONE,
                    false, false)).execute();
        }
        assertThat(result.requests()).isPositive();
        Path processed = dir.resolve(model.id() + "-processed");
        new HistogramLogProcessor(new String[] {"-i", hlog.toString(), "-o", processed.toString()}).run();

        String percentiles = Files.readString(Path.of(processed + ".hgrm"));
        Matcher total = Pattern.compile("Total count\\s*=\\s*(\\d+)").matcher(percentiles);
        assertThat(total.find()).as(percentiles).isTrue();
        // The processor counts every interval of the untagged series but its first (which it reads to learn the
        // histogram's type): it reads one series, never both.
        long counted = Long.parseLong(total.group(1));
        assertThat(counted).isPositive().isLessThanOrEqualTo(result.requests());
        assertThat(Files.readString(hlog)).contains("#reactorbench load:").contains("untagged intervals: "
                + (model == LoadModel.OPEN ? "corrected latency" : "uncorrected latency"));
    }
}
