package io.reactorbench.loadgen;

import static org.assertj.core.api.Assertions.assertThat;

import io.reactorbench.results.ErrorCounts;
import io.reactorbench.results.load.LoadResult;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ShardMergeTest {

    @TempDir
    Path dir;

    /** A log of {@code intervals} one-second intervals, each with {@code perInterval} values of {@code valueNs}. */
    private Path log(String name, int intervals, int perInterval, long valueNs) throws Exception {
        Path file = dir.resolve(name);
        HistogramLogWriter writer = new HistogramLogWriter(file.toFile());
        writer.outputLogFormatVersion();
        writer.outputStartTime(1_000_000);
        writer.setBaseTime(1_000_000);
        writer.outputLegend();
        for (int i = 0; i < intervals; i++) {
            for (String tag : java.util.Arrays.asList(null, IntervalLogTags.UNCORRECTED)) {
                Histogram h = LoadRun.newHistogram();
                h.recordValueWithCount(tag == null ? valueNs * 2 : valueNs, perInterval);
                h.setTag(tag);
                h.setStartTimeStamp(1_000_000 + i * 1000L);
                h.setEndTimeStamp(1_000_000 + (i + 1) * 1000L);
                writer.outputIntervalHistogram(h);
            }
        }
        writer.close();
        return file;
    }

    @Test
    void shouldAddHistogramsOfEveryShardIntervalByIntervalPerTag() throws Exception {
        // Shard 0: 99 fast requests per second; shard 1: 1 slow one. Averaging the shards' p99 would give ~50 ms;
        // adding the histograms shows that 1 % of all requests took 100 ms.
        Path fast = log("fast.hlog", 3, 99, 1_000_000);
        Path slow = log("slow.hlog", 3, 1, 100_000_000);
        Path merged = dir.resolve("merged.hlog");

        ShardMerge.Totals totals = ShardMerge.mergeLogs(List.of(fast, slow), merged);

        Histogram uncorrected = totals.uncorrected(LoadModel.OPEN);
        assertThat(uncorrected.getTotalCount()).isEqualTo(300);
        assertThat(uncorrected.getValueAtPercentile(98)).isLessThan(1_001_000);
        assertThat(uncorrected.getMaxValue()).isGreaterThanOrEqualTo(99_000_000);
        assertThat(totals.corrected(LoadModel.OPEN).getTotalCount()).isEqualTo(300);

        var reread = ShardMerge.readByTag(merged);
        assertThat(reread.get(IntervalLogTags.UNCORRECTED)).hasSize(3);
        assertThat(reread.get(IntervalLogTags.UNTAGGED)).hasSize(3);
        assertThat(reread.get(IntervalLogTags.UNCORRECTED).get(1).getTotalCount()).isEqualTo(100);
    }

    @Test
    void shouldSumCountsAndErrorsOfShardResults() throws Exception {
        Path a = log("a.hlog", 2, 10, 1_000_000);
        Path b = log("b.hlog", 2, 30, 1_000_000);
        ShardMerge.Totals totals = ShardMerge.mergeLogs(List.of(a, b), null);
        LoadSpec whole = LoadSpec.builder().targets(Endpoints.parseTargets(List.of("127.0.0.1:9")))
                .connections(4).ratePerSec(40).durationNs(TimeUnit.SECONDS.toNanos(2)).build();
        LoadResult shard = new LoadResult(LoadResult.SCHEMA, LoadResults.params(whole.forShard(0, 2)), 2.0, 20, 10,
                new ErrorCounts(1, 2, 3, 4), null, null, List.of("connect: refused"), null, false, 1, 0.5, null, null, 0L, null, null);

        LoadResult merged = ShardMerge.mergeResults(whole, List.of(shard, shard), totals);

        assertThat(merged.requests()).isEqualTo(80);
        assertThat(merged.throughput()).isEqualTo(40.0);
        assertThat(merged.errors()).isEqualTo(new ErrorCounts(2, 4, 6, 8));
        assertThat(merged.errors().total()).isEqualTo(20);
        assertThat(merged.latencyNs().corrected().count()).isEqualTo(80);
        assertThat(merged.firstErrors()).containsExactly("agent 0: connect: refused", "agent 1: connect: refused");
        assertThat(merged.shards()).isEqualTo(2);
        assertThat(merged.clientCpuSeconds()).isEqualTo(1.0);
    }
}
