package io.reactorbench.loadgen;

import static org.assertj.core.api.Assertions.assertThat;

import io.reactorbench.results.ErrorCounts;
import io.reactorbench.results.LatencySummary;
import io.reactorbench.results.load.CeilingStep;
import io.reactorbench.results.load.CeilingStop;
import org.junit.jupiter.api.Test;

class StepLineTest {

    private static CeilingStep step(int index, int held, CeilingStop stop, String detail) {
        return new CeilingStep(index, 300, held, 1, 1, held, 1, 2, 3, ErrorCounts.NONE, LatencySummary.EMPTY, stop,
                detail, null, null, null);
    }

    @Test
    void shouldWriteEachBoundaryInTheDocumentedFormatAndReadItBack() {
        String stopped = StepLine.end(step(3, 19_800, CeilingStop.FD_LIMIT, "socket: EMFILE (too many open files)"));

        assertThat(StepLine.hold(3, 250_000)).isEqualTo("STEP 3 HOLD 250000 connections");
        assertThat(StepLine.end(step(3, 250_000, null, null))).isEqualTo("STEP 3 DONE 250000 connections");
        assertThat(stopped).isEqualTo("STEP 3 STOPPED fd-limit 19800 connections: socket: EMFILE (too many open files)");
        assertThat(StepLine.parse(stopped)).contains(new StepLine.Parsed(3, StepLine.Event.STOPPED, 19_800,
                "fd-limit", "socket: EMFILE (too many open files)"));
        assertThat(StepLine.parse("STEP 0 HOLD 50 connections"))
                .contains(new StepLine.Parsed(0, StepLine.Event.HOLD, 50, null, null));
        assertThat(StepLine.parse("load: warning: something else")).isEmpty();
    }

    @Test
    void shouldReleaseEveryAgentsHoldAtTheInstantTheParentNamesOnceAllSettled() {
        java.util.List<Integer> released = new java.util.ArrayList<>();
        try (AgentStepLines lines = new AgentStepLines(2, new java.io.PrintStream(new java.io.ByteArrayOutputStream()),
                java.util.List.of(), stillRamping -> { }, released::add)) {
            lines.accept(1, StepLine.settle(0, 10));
            assertThat(released).isEmpty();
            lines.accept(0, StepLine.settle(0, 10));
            assertThat(released).containsExactly(0);
        }
        HoldGate agent = HoldGate.fromParent();
        agent.settled(3);
        assertThat(agent.holdAt(3)).isEmpty(); // an agent waits for the parent's instant, however long it settled
        assertThat(agent.accept(HoldGate.line(3, 1_796_000_000_000L))).isTrue();
        assertThat(agent.holdAt(3)).hasValue(1_796_000_000_000L);
        assertThat(agent.accept("go 5")).isFalse();

        HoldGate alone = HoldGate.afterOwnSettle(2_000_000_000L);
        long before = System.currentTimeMillis();
        alone.settled(0);
        assertThat(alone.holdAt(0).getAsLong()).isBetween(before + 2_000, System.currentTimeMillis() + 2_000);
    }

    @Test
    void shouldAnnounceTheSettlePauseBeforeTheHoldAndMergeItOverAgentsOnceAllReachedIt() {
        assertThat(StepLine.settle(2, 40_000)).isEqualTo("STEP 2 SETTLE 40000 connections");
        assertThat(StepLine.parse("STEP 2 SETTLE 40000 connections"))
                .contains(new StepLine.Parsed(2, StepLine.Event.SETTLE, 40_000, null, null));

        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (AgentStepLines lines = new AgentStepLines(2, new java.io.PrintStream(bytes, true), java.util.List.of(),
                stillRamping -> { })) {
            lines.accept(0, StepLine.settle(0, 100));
            assertThat(bytes.toString()).isEmpty(); // agent 1 has not settled yet
            lines.accept(1, StepLine.settle(0, 100));
            lines.accept(0, StepLine.hold(0, 100));
            lines.accept(1, StepLine.hold(0, 100));
            lines.accept(0, StepLine.done(0, 100));
            lines.accept(1, StepLine.done(0, 100));
        }
        assertThat(bytes.toString().lines()).containsExactly("STEP 0 SETTLE 200 connections",
                "STEP 0 HOLD 200 connections", "STEP 0 DONE 200 connections");
    }

    @Test
    void shouldClassifyConnectFailuresThatMeanAProcessLimitFromEitherPoller() {
        assertThat(StepControl.limitOf("127.0.0.1:9: socket: EMFILE (too many open files)"))
                .isEqualTo(CeilingStop.FD_LIMIT);
        assertThat(StepControl.limitOf("127.0.0.1:9: Too many open files")).isEqualTo(CeilingStop.FD_LIMIT);
        assertThat(StepControl.limitOf("127.0.0.1:9: EADDRNOTAVAIL (cannot assign requested address)"))
                .isEqualTo(CeilingStop.PORT_LIMIT);
        assertThat(StepControl.limitOf("127.0.0.1:9: Cannot assign requested address")).isEqualTo(CeilingStop.PORT_LIMIT);
        assertThat(StepControl.limitOf("127.0.0.1:9: bind 127.0.0.2: EADDRINUSE (address already in use)"))
                .isEqualTo(CeilingStop.PORT_LIMIT);
        assertThat(StepControl.limitOf("127.0.0.1:9: ECONNREFUSED (connection refused)")).isNull();
    }

    @Test
    void shouldGiveEachAgentItsShareOfEveryStepAsForShardSplitsConnections() {
        CeilingPlan whole = new CeilingPlan(java.util.List.of(10, 50, 101), 1, 20_000, -1);

        assertThat(whole.forShard(0, 2).stepConnections()).containsExactly(5, 25, 51);
        assertThat(whole.forShard(1, 2).stepConnections()).containsExactly(5, 25, 50);
        assertThat(whole.forShard(1, 2).verifyRatePerSec()).isEqualTo(10_000);
    }

    @Test
    void shouldFollowOnlyCompletedLinesAppendedSinceTheLastPoll(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        java.nio.file.Path log = dir.resolve("load.log");
        StepLineFollower follower = new StepLineFollower(log);
        assertThat(follower.poll()).isEmpty(); // not written yet
        java.nio.file.Files.writeString(log, "java -jar ... load --model ceiling\nSTEP 0 HOLD 200 connections\nSTEP 0 DO");
        assertThat(follower.poll()).extracting(line -> line.event().name() + line.index()).containsExactly("HOLD0");
        assertThat(follower.poll()).isEmpty();
        java.nio.file.Files.writeString(log, "NE 200 connections\n", java.nio.file.StandardOpenOption.APPEND);
        assertThat(follower.poll()).extracting(line -> line.event().name() + line.connections())
                .containsExactly("DONE200");
    }
}
