package io.reactorbench.scenarios.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.reactorbench.results.ErrorCounts;
import io.reactorbench.results.LatencySummary;
import io.reactorbench.results.ProbeSample;
import io.reactorbench.results.ceiling.CeilingResult;
import io.reactorbench.results.load.CeilingStep;
import io.reactorbench.results.load.CeilingStop;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CeilingStepsTest {

    private static ProbeSample sample(String label, long atMs, long gcCount, double gcTotalMs, long heap, long rss) {
        return new ProbeSample(label, atMs, atMs, 0L, 0L, gcCount, gcTotalMs, gcTotalMs, List.of(), heap, heap, 10,
                0, 1L, 0L, rss, rss, rss, 0L);
    }

    private static CeilingStep step(int index, int held, long holdStart, long holdEnd, CeilingStop stop) {
        return new CeilingStep(index, held, held, 1.0, held, held, holdStart, holdEnd, 100, ErrorCounts.NONE,
                LatencySummary.EMPTY, stop, stop == null ? null : "memory guard: MemAvailable 1.9 GiB below the 2.0 GiB floor",
                null, null, null);
    }

    @Test
    void memoryPerConnectionIsTheGrowthSinceBeforeTheRampOverTheConnectionsHeld() {
        var before = new CeilingSteps.MemorySample(sample("idle-before", 900, 0, 0, 1_000_000, 50_000_000), 400_000_000);
        var atStep0 = new CeilingSteps.MemorySample(sample("step-0", 1_500, 1, 5, 1_640_000, 60_000_000), 500_000_000);
        var atStep1 = new CeilingSteps.MemorySample(sample("step-1", 2_500, 2, 9, 3_560_000, 90_000_000), 800_000_000);
        List<ProbeSample> samples = List.of(before.server(), sample("sample", 1_200, 0, 0, 0, 0), atStep0.server(),
                sample("sample", 2_000, 4, 30, 0, 0), atStep1.server(), sample("final", 3_100, 3, 15, 0, 0));

        CeilingResult result = CeilingSteps.of(List.of(step(0, 10_000, 1_400, 1_900, null),
                        step(1, 40_000, 2_400, 3_000, CeilingStop.MEMORY_GUARD)),
                before, Map.of(0, atStep0, 1, atStep1), samples, new ArrayList<>(), 1_000);

        assertThat(result.highestHeld()).isEqualTo(10_000);
        assertThat(result.stoppedBy()).isEqualTo(CeilingStop.MEMORY_GUARD);
        assertThat(result.stoppedBecause()).startsWith("memory guard");
        var first = result.steps().getFirst();
        assertThat(first.heapPerConnectionBytes()).isEqualTo(64.0);
        assertThat(first.rssPerConnectionBytes()).isEqualTo(1_000.0);
        assertThat(first.kernelPerConnectionBytes()).isEqualTo(10_000.0);
        assertThat(result.steps().get(1).heapPerConnectionBytes()).isEqualTo(64.0);
        assertThat(result.steps().get(1).completed()).isFalse();
    }

    @Test
    void aStepWhoseLoadGeneratorSentLateCarriesTheVerdictBesideItsLatency() {
        LatencySummary latency = new LatencySummary(100, 3e7, 20_000_000, 20_000_000, 20_000_000, 30_000_000,
                30_000_000, 30_000_000, 30_000_000);
        LatencySummary late = new LatencySummary(100, 2e7, 20_000_000, 20_000_000, 20_000_000, 25_000_000,
                25_000_000, 25_000_000, 25_000_000);
        CeilingStep step = new CeilingStep(0, 1_000, 1_000, 1, 1, 1_000, 10_000, 12_000, 100, ErrorCounts.NONE,
                latency, null, null, null, null, late);

        var result = CeilingSteps.of(List.of(step), null, Map.of(), List.of(), new ArrayList<>(), 9_000);

        var schedule = result.steps().getFirst().generatorSchedule();
        assertThat(schedule.behind()).isTrue();
        assertThat(schedule.sendLatenessNs()).isEqualTo(late);
        assertThat(schedule.boundNs()).isEqualTo(3_000_000);
        assertThat(CeilingSteps.of(List.of(step(0, 10, 1, 2, null)), null, Map.of(), List.of(), new ArrayList<>(), 0)
                .steps().getFirst().generatorSchedule()).as("a load that recorded no lateness").isNull();
    }

    @Test
    void aStepsGcPausesLeaveOutTheIntervalsEndingInTheRunnersOwnGc() {
        List<ProbeSample> samples = List.of(sample("sample", 1_000, 0, 0, 0, 0),
                sample("step-0", 1_100, 1, 40, 0, 0),          // the runner's GC: not the server's
                sample("sample", 1_600, 3, 46, 0, 0),          // two GCs of the server, 6 ms
                sample("sample", 2_100, 4, 50, 0, 0));         // one more, 4 ms
        var pauses = CeilingSteps.gcPauses(samples, new MeasuredWindow(1_000, 2_200), List.of());
        assertThat(pauses.count()).isEqualTo(3);
        assertThat(pauses.totalMs()).isEqualTo(10.0);
        assertThat(pauses.maxMs()).isEqualTo(6.0);
    }

    @Test
    void aHoldsCpuAndAllocationPerRequestAreTheServersRatesOverTheRequestRate() {
        // 1,000 requests over a 2 s hold (500/s); inside it, 10 ms of CPU and 1 MB allocated per second
        CeilingStep step = new CeilingStep(0, 1_000, 1_000, 1, 1, 1_000, 10_000, 12_000, 1_000, ErrorCounts.NONE,
                LatencySummary.EMPTY, null, null, null, null, null);
        List<ProbeSample> samples = List.of(counters(9_500, 0, 0), counters(10_500, 10_000_000, 1_000_000),
                counters(11_500, 20_000_000, 2_000_000), counters(12_500, 99_000_000, 9_000_000));

        assertThat(CeilingSteps.holdCost(samples, step, ProbeSample::procCpuNs, 1e-3)).isCloseTo(20.0,
                org.assertj.core.data.Offset.offset(1e-9)); // 10 ms/s over 500 req/s = 20 us
        assertThat(CeilingSteps.holdCost(samples, step, ProbeSample::allocatedBytes, 1)).isCloseTo(2_000.0,
                org.assertj.core.data.Offset.offset(1e-9));
        assertThat(CeilingSteps.holdCost(List.of(counters(10_500, 1, 1)), step, ProbeSample::procCpuNs, 1)).isNull();
    }

    private static ProbeSample counters(long atMs, long procCpuNs, long allocated) {
        return new ProbeSample("sample", atMs, atMs, 0L, allocated, 0L, 0.0, 0.0, List.of(), 0L, 0L, 10, 0, 1L,
                procCpuNs, 0L, 0L, 0L, 0L);
    }
}
