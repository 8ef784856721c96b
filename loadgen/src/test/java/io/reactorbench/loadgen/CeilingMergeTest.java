package io.reactorbench.loadgen;

import static org.assertj.core.api.Assertions.assertThat;

import io.reactorbench.results.ErrorCounts;
import io.reactorbench.results.LatencySummary;
import io.reactorbench.results.load.CeilingStep;
import io.reactorbench.results.load.CeilingStop;
import io.reactorbench.results.load.LoadResult;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CeilingMergeTest {

    private static CeilingStep step(int index, int held, long startMs, long endMs, CeilingStop stop) {
        return new CeilingStep(index, held, held, 1.0, 100.0, held, startMs, endMs, 10, new ErrorCounts(1, 0, 0, 0),
                LatencySummary.EMPTY, stop, stop == null ? null : "why", null, null, null);
    }

    private static LoadResult agent(CeilingStep... steps) {
        return new LoadResult(LoadResult.SCHEMA, null, 0, 0, 0, ErrorCounts.NONE, null, null, List.of(), null, false,
                1, null, null, null, null, null, null, null, List.of(steps), null, null, null, null);
    }

    private static Histogram latencies(long... valuesNs) {
        Histogram h = LoadRun.newHistogram();
        for (long v : valuesNs) {
            h.recordValue(v);
        }
        return h;
    }

    @Test
    void shouldSumTheAgentsStepsAndReadLatencyOffTheirAddedHistograms() {
        List<LoadResult> agents = List.of(agent(step(0, 25, 1_000, 3_000, null)), agent(step(0, 25, 1_200, 2_900, null)));
        Histogram added = latencies(1_000, 2_000, 3_000, 1_000_000);
        Histogram lateness = latencies(100, 200, 300, 50_000_000);

        List<CeilingStep> merged = CeilingMerge.mergeSteps(agents, Map.of("step-0", added,
                IntervalLogTags.stepSendLatenessTag(0), lateness));

        CeilingStep step = merged.getFirst();
        assertThat(step.heldConnections()).isEqualTo(50);
        assertThat(step.verified()).isEqualTo(50);
        assertThat(step.connectRatePerSec()).isEqualTo(200.0);
        assertThat(step.errors().connect()).isEqualTo(2);
        assertThat(step.holdStartEpochMs()).isEqualTo(1_200);
        assertThat(step.holdEndEpochMs()).isEqualTo(2_900);
        assertThat(step.requests()).isEqualTo(4);
        assertThat(step.latencyNs()).isEqualTo(LatencySummary.of(added));
        assertThat(step.sendLatenessNs()).isEqualTo(LatencySummary.of(lateness));
        assertThat(step.completed()).isTrue();
    }

    @Test
    void shouldCountTheAgentsFailedHoldRequestsBesideTheLatencyThatHoldsThem() {
        CeilingStep failing = new CeilingStep(0, 25, 25, 1.0, 100.0, 25, 1_000, 3_000, 3, new ErrorCounts(0, 1, 0, 0),
                LatencySummary.EMPTY, null, null, new ErrorCounts(0, 1, 0, 0), 0.25, null);
        // Agent 0 answered 3 and lost 1 to a timeout, agent 1 answered 4: 8 requests in the added histograms.
        Histogram added = latencies(1_000, 2_000, 3_000, 5_000_000_000L, 1_000, 2_000, 3_000, 4_000);

        CeilingStep step = CeilingMerge.mergeSteps(List.of(agent(failing), agent(step(0, 25, 1_200, 2_900, null))),
                Map.of("step-0", added)).getFirst();

        assertThat(step.failedRequests()).isEqualTo(new ErrorCounts(0, 1, 0, 0));
        assertThat(step.requests()).isEqualTo(7);
        assertThat(step.errorRate()).isEqualTo(1 / 8.0);
        assertThat(step.latencyNs().count()).isEqualTo(8);
    }

    @Test
    void shouldStopTheMergedRampAtTheFirstStepAnyAgentDidNotCompleteAndNameThatAgent() {
        List<LoadResult> agents = List.of(
                agent(step(0, 10, 1, 2, null), step(1, 20, 3, 4, null), step(2, 25, 5, 6, CeilingStop.FD_LIMIT)),
                agent(step(0, 10, 1, 2, null), step(1, 15, 0, 0, CeilingStop.MEMORY_GUARD)));

        List<CeilingStep> merged = CeilingMerge.mergeSteps(agents, Map.of());

        assertThat(merged).hasSize(2);
        assertThat(merged.get(0).completed()).isTrue();
        assertThat(merged.get(1).stoppedBy()).isEqualTo(CeilingStop.MEMORY_GUARD);
        assertThat(merged.get(1).stopDetail()).isEqualTo("agent 1: why");
        assertThat(merged.get(1).heldConnections()).isEqualTo(35);
        assertThat(merged.get(1).holdStartEpochMs()).isZero();
    }

    @Test
    void shouldPrintAStepOnlyOnceEveryAgentReachedIt(@TempDir Path dir) throws Exception {
        Path child = dir.resolve("agent-1.log");
        Files.writeString(child, "");
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        try (AgentStepLines lines = new AgentStepLines(2, new PrintStream(printed, true, StandardCharsets.UTF_8),
                List.of(child), stillRamping -> { })) {
            PrintStream agentZero = lines.agentZeroOut();
            agentZero.println("STEP 0 HOLD 5 connections");
            agentZero.println("STEP 0 DONE 5 connections");
            assertThat(printed.toString(StandardCharsets.UTF_8)).isEmpty();
            lines.accept(1, "STEP 0 HOLD 6 connections");
            assertThat(printed.toString(StandardCharsets.UTF_8)).isEqualTo("STEP 0 HOLD 11 connections\n");
            Files.writeString(child, "some output\nSTEP 0 DONE 6 connections\nSTEP 1 HOLD 8 connections\n");
            agentZero.println("STEP 1 HOLD 7 connections");
            agentZero.println("STEP 1 STOPPED port-limit 7 connections: no port");
        }
        assertThat(printed.toString(StandardCharsets.UTF_8).lines()).containsExactly("STEP 0 HOLD 11 connections",
                "STEP 0 DONE 11 connections", "STEP 1 HOLD 15 connections");
    }

    @Test
    void shouldSayOnceWhenEveryAgentEndedTheStepOneOfThemStoppedAt(@TempDir Path dir) {
        java.util.concurrent.atomic.AtomicInteger stopCalls = new java.util.concurrent.atomic.AtomicInteger();
        java.util.List<Integer> signalled = new java.util.ArrayList<>();
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        try (AgentStepLines lines = new AgentStepLines(2, new PrintStream(printed, true, StandardCharsets.UTF_8),
                List.of(dir.resolve("absent.log")), stillRamping -> {
                    stopCalls.incrementAndGet();
                    signalled.addAll(stillRamping);
                })) {
            lines.accept(0, "STEP 0 STOPPED memory-guard 3 connections: memory guard: low");
            assertThat(stopCalls).hasValue(0);
            lines.accept(1, "STEP 0 HOLD 4 connections");
            lines.accept(1, "STEP 0 DONE 4 connections");
            lines.accept(1, "STEP 1 HOLD 8 connections");
            lines.accept(1, "STEP 1 DONE 8 connections");
        }
        assertThat(stopCalls).hasValue(1);
        // agent 0 stopped at step 0 by itself and is writing its result: only agent 1, still ramping, is stopped
        assertThat(signalled).containsExactly(1);
        assertThat(printed.toString(StandardCharsets.UTF_8).lines()).containsExactly(
                "STEP 0 STOPPED memory-guard 7 connections: agent 0: memory guard: low");
    }
}
