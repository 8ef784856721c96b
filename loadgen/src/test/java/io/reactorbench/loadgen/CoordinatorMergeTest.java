package io.reactorbench.loadgen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.reactorbench.loadgen.coordinator.AgentToken;
import io.reactorbench.loadgen.coordinator.ClockSample;
import io.reactorbench.loadgen.coordinator.Coordinator;
import io.reactorbench.results.AgentClock;
import io.reactorbench.results.Results;
import io.reactorbench.results.load.LoadResult;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the coordinator does with what its agents stream (crafted histograms through the real protocol): thresholds
 * judged once on the exactly merged histograms, which is not what judging each agent's share (k6-operator) or
 * averaging their percentiles (Locust, Tsung) says; and each agent's stamps moved onto the coordinator's clock.
 *
 * <p>Why no test has every agent pass a p99 budget that the merged run fails: the merged distribution is the agents'
 * mixed by their request counts, so for every latency x the merged share below x lies between the agents' shares, and
 * the merged p99 (nearest rank, as HdrHistogram reads it) between the agents' smallest and largest p99. Judging each
 * share errs the other way: one agent's slow path fails the run alone where the merged run met the budget, and a rate
 * budget fails on every agent's share. Averaging percentiles errs this way: it passes a run whose merged p99 fails.
 */
@Timeout(60)
class CoordinatorMergeTest {

    private static final String TOKEN = "token-of-this-run";
    private static final long MS = 1_000_000;

    @TempDir
    Path dir;

    private final List<String> log = new ArrayList<>();
    private final ExecutorService threads = Executors.newCachedThreadPool();

    @AfterEach
    void stop() {
        threads.shutdownNow();
    }

    /** Runs an in-process coordinator with one crafted agent per histogram; returns its outcome. */
    private Coordinator.Outcome run(LoadSpec whole, List<Histogram> latencies, long... clockAheadMs) throws Exception {
        int k = latencies.size();
        Coordinator coordinator = new Coordinator(new Coordinator.Settings(whole, k, new AgentToken(TOKEN), 30_000,
                dir.resolve("cell")), new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
                line -> {
                    synchronized (log) {
                        log.add(line);
                    }
                }, ClockSample::nowUs);
        List<Future<LoadResult>> agents = new ArrayList<>();
        for (int i = 0; i < k; i++) {
            agents.add(threads.submit(new CraftedAgent(coordinator.address(), TOKEN, whole, i, k, latencies.get(i),
                    clockAheadMs.length > i ? clockAheadMs[i] : 0, null)));
        }
        Coordinator.Outcome outcome = coordinator.run();
        for (Future<LoadResult> agent : agents) {
            agent.get(10, TimeUnit.SECONDS);
        }
        return outcome;
    }

    @Test
    void shouldFailTheMergedP99ThatTheAveragedAgentsP99Passes() throws Exception {
        // agent 2 sees a slow server path: 5 % of its requests take 25 ms
        List<Histogram> latencies = List.of(CraftedAgent.latencies(1000, MS, 0, 0),
                CraftedAgent.latencies(1000, MS, 0, 0), CraftedAgent.latencies(950, MS, 50, 25 * MS));
        Threshold budget = Threshold.parse("p99<10ms");

        Coordinator.Outcome outcome = run(CraftedAgent.spec(6), latencies);

        List<LoadResult> agents = outcome.agentResults();
        double averagedP99 = agents.stream().mapToLong(r -> r.latencyNs().corrected().p99()).average().orElseThrow();
        assertThat(averagedP99).isLessThan(10 * MS);
        assertThat(budget.heldBy(outcome.merged())).isFalse();
        Histogram all = LoadRun.newHistogram();
        latencies.forEach(all::add);
        assertThat(outcome.merged().latencyNs().corrected().p99()).isEqualTo(all.getValueAtPercentile(99))
                .isGreaterThan(20 * MS);
        assertThat(outcome.merged().requests()).isEqualTo(agents.stream().mapToLong(LoadResult::requests).sum());
    }

    @Test
    void shouldPassTheMergedRunWhereJudgingEachAgentsShareFailsIt() throws Exception {
        // agent 2's slow path is 1.5 % of its requests: 0.5 % of the run's
        List<Histogram> latencies = List.of(CraftedAgent.latencies(1000, MS, 0, 0),
                CraftedAgent.latencies(1000, MS, 0, 0), CraftedAgent.latencies(985, MS, 15, 25 * MS));
        Threshold p99 = Threshold.parse("p99<10ms");
        Threshold rate = Threshold.parse("rps>=2000");

        Coordinator.Outcome outcome = run(CraftedAgent.spec(6), latencies);

        List<LoadResult> agents = outcome.agentResults();
        assertThat(agents).extracting(p99::heldBy).containsExactly(true, true, false);
        assertThat(agents).extracting(rate::heldBy).containsOnly(false);
        assertThat(p99.heldBy(outcome.merged())).isTrue();
        assertThat(rate.heldBy(outcome.merged())).isTrue();
        assertThat(outcome.merged().throughput()).isEqualTo(3000);
    }

    @Test
    void shouldMoveEachAgentsStampsOntoTheCoordinatorsClockBeforeMerging() throws Exception {
        // agent 1's wall clock is 5 s ahead: uncorrected, its window would begin 5 s after agent 0's
        Coordinator.Outcome outcome = run(CraftedAgent.spec(4), List.of(CraftedAgent.latencies(100, MS, 0, 0),
                CraftedAgent.latencies(100, MS, 0, 0)), 0, 5_000);

        List<AgentClock> clocks = outcome.merged().coordination().agents();
        assertThat(clocks).extracting(AgentClock::index).containsExactly(0, 1);
        assertThat(clocks.get(0).clockOffsetMs()).isCloseTo(0, within(500.0));
        assertThat(clocks.get(1).clockOffsetMs()).isCloseTo(5_000, within(500.0));
        assertThat(clocks).allSatisfy(c -> assertThat(c.roundTripMs()).isNotNegative());
        assertThat(outcome.merged().agentStartSkewMs()).isLessThan(500);
        long start0 = Results.readLatencyIntervals(dir.resolve("cell/agents/agent-0.hlog"), null).getFirst()
                .getStartTimeStamp();
        long start1 = Results.readLatencyIntervals(dir.resolve("cell/agents/agent-1.hlog"), null).getFirst()
                .getStartTimeStamp();
        assertThat(Math.abs(start1 - start0)).isLessThan(500);
        assertThat(Results.readLatencyHistogram(dir.resolve("cell/latency.hlog"), null).getTotalCount())
                .as("the merged log: both series of both agents").isEqualTo(400);
    }
}
