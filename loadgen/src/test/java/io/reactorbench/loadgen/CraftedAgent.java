package io.reactorbench.loadgen;

import io.reactorbench.loadgen.coordinator.AgentToken;
import io.reactorbench.loadgen.coordinator.ClockSample;
import io.reactorbench.loadgen.coordinator.CoordinatorLink;
import io.reactorbench.results.LatencySummary;
import io.reactorbench.results.LatencyViews;
import io.reactorbench.results.ErrorCounts;
import io.reactorbench.results.load.LoadResult;
import io.reactorbench.wire.spi.HostPort;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;

/**
 * An agent of a coordinated load that sends made-up latencies instead of measuring any: the real agent side of the
 * protocol ({@link CoordinatorLink}), so a test drives the coordinator exactly as a {@code load --coordinator} would,
 * with histograms it chose. Its result is the one {@code load} would write for that histogram (requests = its count).
 *
 * @param latency      every request of its one-second window, corrected and uncorrected alike
 * @param clockAheadMs how far this agent's wall clock is ahead of the coordinator's (its stamps and pongs)
 * @param release      after the start, what the agent waits for before it sends anything (null: nothing)
 */
record CraftedAgent(InetSocketAddress coordinator, String token, LoadSpec whole, int index, int agents,
        Histogram latency, long clockAheadMs, CountDownLatch release) implements Callable<LoadResult> {

    /** An agent whose clock agrees with the coordinator's and that sends as soon as it starts. */
    CraftedAgent(InetSocketAddress coordinator, String token, LoadSpec whole, int index, int agents,
            Histogram latency) {
        this(coordinator, token, whole, index, agents, latency, 0, null);
    }

    /** A load spec for crafted agents: open loop (so the main series is corrected), no warm-up, 1 s. */
    static LoadSpec spec(int connections) {
        return LoadSpec.builder().targets(Endpoints.parseTargets(List.of("127.0.0.1:9"))).connections(connections)
                .threads(1).ratePerSec(1000).warmupNs(0).durationNs(1_000_000_000L).build();
    }

    /** {@code count} values of {@code valueNs} and {@code slowCount} of {@code slowNs}. */
    static Histogram latencies(long count, long valueNs, long slowCount, long slowNs) {
        Histogram h = LoadRun.newHistogram();
        h.recordValueWithCount(valueNs, count);
        if (slowCount > 0) {
            h.recordValueWithCount(slowNs, slowCount);
        }
        return h;
    }

    /** Registers, waits for the start, streams its window's two series and sends its result; returns the result. */
    @Override
    public LoadResult call() throws Exception {
        CoordinatorLink link = CoordinatorLink.register(new HostPort("127.0.0.1", coordinator.getPort()),
                new AgentToken(token), index, agents, whole.fingerprint(), 10_000,
                () -> ClockSample.nowUs() + clockAheadMs * 1000);
        try (link) {
            long startMs = link.startGate().readyThenAwaitStartEpochMs();
            if (release != null && !release.await(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("never released");
            }
            IntervalSink sink = link.intervals();
            for (String tag : new String[] {null, IntervalLogTags.UNCORRECTED}) {
                Histogram interval = latency.copy();
                interval.setTag(tag);
                interval.setStartTimeStamp(startMs);
                interval.setEndTimeStamp(startMs + 1000);
                sink.accept(interval);
            }
            LoadResult result = result(whole.forShard(index, agents), latency);
            link.sendResult(result);
            return result;
        }
    }

    /** What {@code load} would report for a one-second window of {@code latency}. */
    static LoadResult result(LoadSpec shard, Histogram latency) {
        LatencySummary summary = LatencySummary.of(latency);
        long requests = latency.getTotalCount();
        return new LoadResult(LoadResult.SCHEMA, LoadResults.params(shard), 1.0, requests, requests,
                ErrorCounts.NONE, new LatencyViews(summary, summary), null, List.of(), null, false, 1, null, null, null,
                0L, null, null, null, null, ErrorCounts.NONE, 0.0, null, null);
    }
}
