package io.reactorbench.loadgen;

import static org.assertj.core.api.Assertions.assertThat;

import io.reactorbench.results.ErrorCounts;
import io.reactorbench.results.LatencySummary;
import io.reactorbench.results.load.LoadResult;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ShardMergeTest {

    /** An epoch millisecond all synthetic logs start near (late 2024), far from 0 so timestamps are absolute. */
    private static final long START_MS = 1_733_000_000_000L;

    @TempDir
    Path dir;

    /** A log of {@code intervals} one-second intervals, each with {@code perInterval} values of {@code valueNs}. */
    private Path log(String name, int intervals, int perInterval, long valueNs) throws Exception {
        return log(name, START_MS, intervals, perInterval, valueNs);
    }

    /** The same, its window starting at wall-clock {@code startMs}: the clock of an agent that started then. */
    private Path log(String name, long startMs, int intervals, int perInterval, long valueNs) throws Exception {
        return log(name, startMs, intervals, perInterval, valueNs, -1);
    }

    /** The same with a send-lateness series of {@code latenessNs} a send (none when negative). */
    private Path log(String name, long startMs, int intervals, int perInterval, long valueNs, long latenessNs)
            throws Exception {
        Path file = dir.resolve(name);
        HistogramLogWriter writer = new HistogramLogWriter(file.toFile());
        writer.outputLogFormatVersion();
        writer.outputStartTime(startMs);
        writer.setBaseTime(startMs);
        writer.outputLegend();
        for (int i = 0; i < intervals; i++) {
            for (String tag : java.util.Arrays.asList(null, IntervalLogTags.UNCORRECTED, IntervalLogTags.SEND_LATENESS)) {
                if (IntervalLogTags.SEND_LATENESS.equals(tag) && latenessNs < 0) {
                    continue;
                }
                Histogram h = LoadRun.newHistogram();
                h.recordValueWithCount(tag == null ? valueNs * 2
                        : IntervalLogTags.SEND_LATENESS.equals(tag) ? latenessNs : valueNs, perInterval);
                h.setTag(tag);
                h.setStartTimeStamp(startMs + i * 1000L);
                h.setEndTimeStamp(startMs + (i + 1) * 1000L);
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
    void shouldAddTheIntervalsOfTheSameWallClockSecondWhenAgentsStartedApart() throws Exception {
        // Agent a's window starts at START_MS, b's 300 ms later (the same seconds, mostly), c's 1 s later: c's
        // first interval is the merged window's second second, not its first (an index merge would add it there).
        Path a = log("a.hlog", START_MS, 3, 10, 1_000_000);
        Path b = log("b.hlog", START_MS + 300, 3, 20, 1_000_000);
        Path c = log("c.hlog", START_MS + 1000, 2, 40, 1_000_000);
        Path merged = dir.resolve("merged.hlog");

        ShardMerge.Totals totals = ShardMerge.mergeLogs(List.of(a, b, c), merged);

        var seconds = ShardMerge.readByTag(merged).get(IntervalLogTags.UNCORRECTED);
        assertThat(seconds).extracting(Histogram::getTotalCount).containsExactly(30L, 70L, 70L);
        assertThat(seconds).extracting(Histogram::getStartTimeStamp)
                .containsExactly(START_MS, START_MS + 1000, START_MS + 2000);
        assertThat(seconds.get(2).getEndTimeStamp()).isEqualTo(START_MS + 3300);
        assertThat(totals.uncorrected(LoadModel.OPEN).getTotalCount()).isEqualTo(3 * 10 + 3 * 20 + 2 * 40);
        assertThat(totals.corrected(LoadModel.OPEN).getTotalCount()).isEqualTo(170);
        assertThat(totals.startSkewMs()).isEqualTo(1000);
    }

    @Test
    void shouldGiveTheMergedCountAsTheSumOfTheAgentsCountsAndNoSkewForOneLog() throws Exception {
        Path a = log("a.hlog", START_MS, 2, 7, 1_000_000);
        Path b = log("b.hlog", START_MS + 2, 2, 5, 2_000_000);

        assertThat(ShardMerge.mergeLogs(List.of(a, b), null).uncorrected(LoadModel.CLOSED).getTotalCount())
                .isEqualTo(2 * 7 + 2 * 5);
        assertThat(ShardMerge.mergeLogs(List.of(a, b), null).startSkewMs()).isEqualTo(2);
        assertThat(ShardMerge.mergeLogs(List.of(a), null).startSkewMs()).isNull();
    }

    @Test
    void shouldPutAShortLastIntervalInTheSecondItCovers() {
        Histogram last = LoadRun.newHistogram();
        last.setStartTimeStamp(START_MS + 2400);
        last.setEndTimeStamp(START_MS + 2500);
        Histogram late = LoadRun.newHistogram();
        late.setStartTimeStamp(START_MS + 600);
        late.setEndTimeStamp(START_MS + 1600);

        assertThat(ShardMerge.secondOf(last, START_MS)).isEqualTo(2);
        assertThat(ShardMerge.secondOf(late, START_MS)).isEqualTo(1);
    }

    @Test
    void shouldSumCountsAndErrorsOfShardResults() throws Exception {
        Path a = log("a.hlog", 2, 10, 1_000_000);
        Path b = log("b.hlog", 2, 30, 1_000_000);
        ShardMerge.Totals totals = ShardMerge.mergeLogs(List.of(a, b), null);
        LoadSpec whole = LoadSpec.builder().targets(Endpoints.parseTargets(List.of("127.0.0.1:9")))
                .connections(4).ratePerSec(40).durationNs(TimeUnit.SECONDS.toNanos(2)).build();
        LoadResult shard = new LoadResult(LoadResult.SCHEMA, LoadResults.params(whole.forShard(0, 2)), 2.0, 20, 10,
                new ErrorCounts(1, 2, 3, 4), null, null, List.of("connect: refused"), null, false, 1, 0.5, null, null, 0L, null, null, null, null, null, null,
                null, null);

        LoadResult merged = ShardMerge.mergeResults(whole, List.of(shard, shard), totals, null);

        assertThat(merged.requests()).isEqualTo(80);
        assertThat(merged.throughput()).isEqualTo(40.0);
        assertThat(merged.errors()).isEqualTo(new ErrorCounts(2, 4, 6, 8));
        assertThat(merged.errors().total()).isEqualTo(20);
        assertThat(merged.latencyNs().corrected().count()).isEqualTo(80);
        assertThat(merged.firstErrors()).containsExactly("agent 0: connect: refused", "agent 1: connect: refused");
        assertThat(merged.shards()).isEqualTo(2);
        assertThat(merged.clientCpuSeconds()).isEqualTo(1.0);
        assertThat(merged.agentStartSkewMs()).isEqualTo(0);
    }

    /**
     * Two agents' send lateness: one kept its schedule (99 sends 0.1 ms late a second), one fell behind (1 send
     * 50 ms late a second). The merged lateness is read off both agents' histograms added: its count is every
     * send, its p99 that of all sends together (0.1 ms here), not the worse agent's p99 (50 ms) nor an average.
     */
    @Test
    void shouldMergeSendLatenessOfAgentsByAddingTheirHistograms() throws Exception {
        Path onTime = log("on-time.hlog", START_MS, 3, 99, 1_000_000, 100_000);
        Path behind = log("behind.hlog", START_MS, 3, 1, 1_000_000, 50_000_000);
        ShardMerge.Totals totals = ShardMerge.mergeLogs(List.of(onTime, behind), null);
        LoadSpec whole = LoadSpec.builder().targets(Endpoints.parseTargets(List.of("127.0.0.1:9")))
                .connections(4).ratePerSec(200).durationNs(TimeUnit.SECONDS.toNanos(3)).build();
        LatencySummary ownWorse = new LatencySummary(3, 5e7, 50_000_000, 50_000_000, 50_000_000, 50_000_000,
                50_000_000, 50_000_000, 50_000_000);
        LoadResult shard = new LoadResult(LoadResult.SCHEMA, LoadResults.params(whole.forShard(0, 2)), 3.0, 300, 100,
                ErrorCounts.NONE, null, null, List.of(), null, false, 1, 0.5, ownWorse, null, 0L, null, null, null,
                null, null, null, null, null);

        LoadResult merged = ShardMerge.mergeResults(whole, List.of(shard, shard), totals, null);

        assertThat(merged.sendLatenessNs().count()).isEqualTo(300);
        assertThat(merged.sendLatenessNs().p99()).isBetween(99_000L, 101_000L);
        assertThat(merged.sendLatenessNs().max()).isBetween(49_900_000L, 50_100_000L);
    }
}
