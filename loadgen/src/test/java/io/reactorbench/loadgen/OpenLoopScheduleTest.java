package io.reactorbench.loadgen;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OpenLoopScheduleTest {

    private static final long START_NS = 1_000_000_000L;

    @Test
    void shouldSpaceEventsByTheRateAndRotateOverConnections() {
        OpenLoopSchedule schedule = new OpenLoopSchedule(START_NS, 1000, 4); // 1 ms apart, 4 connections
        assertThat(schedule.eventNs(0)).isEqualTo(START_NS);
        assertThat(schedule.eventNs(1)).isEqualTo(START_NS + 1_000_000);
        assertThat(schedule.eventNs(1000)).isEqualTo(START_NS + 1_000_000_000L);
        assertThat(schedule.connectionOf(0)).isZero();
        assertThat(schedule.connectionOf(5)).isEqualTo(1);
    }

    @Test
    void shouldGiveEachConnectionItsShareOfTheRateWithSpreadPhases() {
        OpenLoopSchedule schedule = new OpenLoopSchedule(START_NS, 1000, 4);
        // Each connection sends every 4 ms; connection 2 starts 2 ms in.
        assertThat(schedule.intendedNs(2, 0)).isEqualTo(START_NS + 2_000_000);
        assertThat(schedule.intendedNs(2, 1)).isEqualTo(START_NS + 6_000_000);
        assertThat(schedule.intendedNs(2, 10)).isEqualTo(START_NS + 42_000_000);
    }

    @Test
    void shouldKeepIntendedTimesWithoutDriftAtFractionalIntervals() {
        OpenLoopSchedule schedule = new OpenLoopSchedule(START_NS, 3, 1); // 333,333,333.3 ns apart
        assertThat(schedule.eventNs(3)).isEqualTo(START_NS + 1_000_000_000L);
        assertThat(schedule.eventNs(3_000_000)).isEqualTo(START_NS + 1_000_000_000_000_000L); // 11.6 days in
    }

    @Test
    void shouldOweTheWholeBacklogAfterAStallAndMeasureEachFromItsOwnIntendedTime() {
        OpenLoopSchedule schedule = new OpenLoopSchedule(START_NS, 1000, 4);
        // Events 0..7 passed (8 ms): every connection owes two requests.
        for (int c = 0; c < 4; c++) {
            assertThat(schedule.dueRequests(c, 8)).isEqualTo(2);
        }
        // A 100 ms stall later (108 events passed), connection 1 that sent 2 owes 25 more: a catch-up burst,
        // the oldest intended 100 ms ago at event 9.
        long due = schedule.dueRequests(1, 108);
        assertThat(due).isEqualTo(27);
        assertThat(due - 2).isEqualTo(25);
        assertThat(schedule.intendedNs(1, 2)).isEqualTo(schedule.eventNs(9));
        long stallEndNs = schedule.eventNs(108);
        assertThat(stallEndNs - schedule.intendedNs(1, 2)).isEqualTo(99_000_000L);
    }

    @Test
    void shouldOweNothingBeforeAConnectionsFirstEvent() {
        OpenLoopSchedule schedule = new OpenLoopSchedule(START_NS, 1000, 4);
        assertThat(schedule.dueRequests(3, 3)).isZero();
        assertThat(schedule.dueRequests(3, 4)).isEqualTo(1);
        assertThat(schedule.dueRequests(0, 0)).isZero();
    }
}
