package io.reactorbench.engine;

import static io.reactorbench.engine.ConnectionLifecycle.ABORTED;
import static io.reactorbench.engine.ConnectionLifecycle.ABOVE_HIGH_WATER;
import static io.reactorbench.engine.ConnectionLifecycle.AT_LOW_WATER;
import static io.reactorbench.engine.ConnectionLifecycle.CLOSE;
import static io.reactorbench.engine.ConnectionLifecycle.CLOSED;
import static io.reactorbench.engine.ConnectionLifecycle.CLOSE_REQUESTED;
import static io.reactorbench.engine.ConnectionLifecycle.CLOSING;
import static io.reactorbench.engine.ConnectionLifecycle.CLOSING_NO_LINGER;
import static io.reactorbench.engine.ConnectionLifecycle.EVENTS;
import static io.reactorbench.engine.ConnectionLifecycle.FINISH_IF_DRAINED;
import static io.reactorbench.engine.ConnectionLifecycle.HANDLER_PAUSED;
import static io.reactorbench.engine.ConnectionLifecycle.HANDLER_RESUMED;
import static io.reactorbench.engine.ConnectionLifecycle.INPUT_ENDED;
import static io.reactorbench.engine.ConnectionLifecycle.LINGERING;
import static io.reactorbench.engine.ConnectionLifecycle.LINGER_ENDED;
import static io.reactorbench.engine.ConnectionLifecycle.NONE;
import static io.reactorbench.engine.ConnectionLifecycle.OPEN;
import static io.reactorbench.engine.ConnectionLifecycle.OUTBOUND_DRAINED;
import static io.reactorbench.engine.ConnectionLifecycle.PAUSED_BY_BACKPRESSURE;
import static io.reactorbench.engine.ConnectionLifecycle.PAUSED_BY_HANDLER;
import static io.reactorbench.engine.ConnectionLifecycle.REFUSED;
import static io.reactorbench.engine.ConnectionLifecycle.RESUME_READING;
import static io.reactorbench.engine.ConnectionLifecycle.SHUT_OUTPUT;
import static io.reactorbench.engine.ConnectionLifecycle.SIGNAL_WRITABLE;
import static io.reactorbench.engine.ConnectionLifecycle.START_LINGER_DEADLINE;
import static io.reactorbench.engine.ConnectionLifecycle.STOPPING;
import static io.reactorbench.engine.ConnectionLifecycle.UPDATE_INTEREST;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The lifecycle table, walked cell by cell: every (phase, event) pair of the specification below gives its next
 * phase, read gates and effects, and every pair it does not list is refused. The specification is written out here
 * without the table's wildcards, so a row added, dropped or changed in the table shows up as a failure.
 */
class ConnectionLifecycleTest {

    private static final int[] PHASES = {OPEN, CLOSING, CLOSING_NO_LINGER, LINGERING, CLOSED};
    private static final int[] LIVE = {OPEN, CLOSING, CLOSING_NO_LINGER, LINGERING};
    /** Gate combinations a live connection may be in when an event comes. */
    private static final int[] GATES = {0, PAUSED_BY_HANDLER, PAUSED_BY_BACKPRESSURE,
            PAUSED_BY_HANDLER | PAUSED_BY_BACKPRESSURE};

    /** One allowed transition: in {@code from}, {@code event} leads to {@code to}, shuts/opens a gate, has effects. */
    record Transition(int from, int event, int to, int shuts, int opens, int effects) {
        @Override
        public String toString() {
            return ConnectionLifecycle.phaseName(from) + " + " + ConnectionLifecycle.eventName(event) + " -> "
                    + ConnectionLifecycle.phaseName(to);
        }
    }

    static List<Transition> specification() {
        List<Transition> spec = new ArrayList<>(List.of(
                new Transition(OPEN, CLOSE_REQUESTED, CLOSING, 0, 0, FINISH_IF_DRAINED),
                new Transition(CLOSING, CLOSE_REQUESTED, CLOSING, 0, 0, FINISH_IF_DRAINED),
                new Transition(CLOSING_NO_LINGER, CLOSE_REQUESTED, CLOSING_NO_LINGER, 0, 0, FINISH_IF_DRAINED),
                new Transition(LINGERING, CLOSE_REQUESTED, LINGERING, 0, 0, NONE),
                new Transition(OPEN, INPUT_ENDED, CLOSING_NO_LINGER, 0, 0, FINISH_IF_DRAINED),
                new Transition(OPEN, STOPPING, CLOSING_NO_LINGER, 0, 0, FINISH_IF_DRAINED),
                new Transition(CLOSING, STOPPING, CLOSING_NO_LINGER, 0, 0, FINISH_IF_DRAINED),
                new Transition(CLOSING_NO_LINGER, STOPPING, CLOSING_NO_LINGER, 0, 0, FINISH_IF_DRAINED),
                new Transition(LINGERING, STOPPING, CLOSED, 0, 0, CLOSE),
                new Transition(CLOSING, OUTBOUND_DRAINED, LINGERING, 0, 0,
                        SHUT_OUTPUT | START_LINGER_DEADLINE | UPDATE_INTEREST),
                new Transition(CLOSING_NO_LINGER, OUTBOUND_DRAINED, CLOSED, 0, 0, CLOSE),
                new Transition(LINGERING, LINGER_ENDED, CLOSED, 0, 0, CLOSE)));
        for (int phase : LIVE) {
            spec.add(new Transition(phase, ABORTED, CLOSED, 0, 0, CLOSE));
            spec.add(new Transition(phase, HANDLER_PAUSED, phase, PAUSED_BY_HANDLER, 0, UPDATE_INTEREST));
            spec.add(new Transition(phase, HANDLER_RESUMED, phase, 0, PAUSED_BY_HANDLER, RESUME_READING));
            spec.add(new Transition(phase, ABOVE_HIGH_WATER, phase, PAUSED_BY_BACKPRESSURE, 0, UPDATE_INTEREST));
            spec.add(new Transition(phase, AT_LOW_WATER, phase, 0, PAUSED_BY_BACKPRESSURE,
                    SIGNAL_WRITABLE | RESUME_READING));
        }
        return spec;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("specification")
    void shouldTakeEveryAllowedTransitionWithItsGatesAndEffects(Transition t) {
        for (int gates : GATES) {
            for (int interest : new int[] {0, ConnectionTable.WANTS_READ, ConnectionTable.WANTS_WRITE}) {
                int state = t.from() | gates | interest;
                int cell = ConnectionLifecycle.cell(state, t.event());
                assertThat(cell).as("%s with gates %d", t, gates).isNotEqualTo(REFUSED);
                int next = ConnectionLifecycle.next(state, cell);
                assertThat(ConnectionLifecycle.phase(next)).as("%s: phase", t).isEqualTo(t.to());
                assertThat(next & (PAUSED_BY_HANDLER | PAUSED_BY_BACKPRESSURE)).as("%s: gates", t)
                        .isEqualTo((gates | t.shuts()) & ~t.opens());
                assertThat(next & (ConnectionTable.WANTS_READ | ConnectionTable.WANTS_WRITE))
                        .as("%s: the poller interest is not the lifecycle's to change", t).isEqualTo(interest);
                assertThat(ConnectionLifecycle.effects(cell)).as("%s: effects", t).isEqualTo(t.effects());
            }
        }
    }

    /** A (phase, event) pair the specification does not list. */
    record Refused(int phase, int event) {
        @Override
        public String toString() {
            return ConnectionLifecycle.phaseName(phase) + " + " + ConnectionLifecycle.eventName(event);
        }
    }

    static Stream<Refused> refusedPairs() {
        Set<Long> allowed = new HashSet<>();
        for (Transition t : specification()) {
            allowed.add(key(t.from(), t.event()));
        }
        List<Refused> refused = new ArrayList<>();
        for (int phase : PHASES) {
            for (int event = 0; event < EVENTS; event++) {
                if (!allowed.contains(key(phase, event))) {
                    refused.add(new Refused(phase, event));
                }
            }
        }
        return refused.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusedPairs")
    void shouldRefuseEveryPairTheSpecificationDoesNotList(Refused pair) {
        for (int gates : GATES) {
            assertThat(ConnectionLifecycle.cell(pair.phase() | gates, pair.event())).as("%s", pair).isEqualTo(REFUSED);
        }
    }

    @Test
    void shouldCoverEveryPhaseAndEventPairEitherWay() {
        assertThat(specification().size() + refusedPairs().count()).isEqualTo((long) PHASES.length * EVENTS);
        assertThat(specification()).extracting(t -> key(t.from(), t.event())).doesNotHaveDuplicates();
    }

    @Test
    void shouldReadOnlyWhenOpenWithBothGatesOpenAndWantReadsWhileLingering() {
        for (int phase : LIVE) {
            for (int gates : GATES) {
                int state = phase | gates;
                assertThat(ConnectionLifecycle.mayRead(state)).as("mayRead %s/%d", phase, gates)
                        .isEqualTo(phase == OPEN && gates == 0);
                assertThat(ConnectionLifecycle.wantsRead(state)).as("wantsRead %s/%d", phase, gates)
                        .isEqualTo(phase == LINGERING || (phase == OPEN && gates == 0));
                assertThat(ConnectionLifecycle.isClosing(state))
                        .isEqualTo(phase == CLOSING || phase == CLOSING_NO_LINGER);
            }
        }
    }

    @Test
    void shouldWalkAGracefulCloseFromOpenToClosedThroughLingering() {
        int state = OPEN | ConnectionTable.WANTS_READ;
        state = step(state, CLOSE_REQUESTED, CLOSING);
        state = step(state, OUTBOUND_DRAINED, LINGERING);
        step(state, LINGER_ENDED, CLOSED);
    }

    @Test
    void shouldNeverLingerOnceThePeerHasClosedOrTheLoopIsStopping() {
        step(step(OPEN, INPUT_ENDED, CLOSING_NO_LINGER), OUTBOUND_DRAINED, CLOSED);
        step(step(step(OPEN, CLOSE_REQUESTED, CLOSING), STOPPING, CLOSING_NO_LINGER), OUTBOUND_DRAINED, CLOSED);
    }

    private static int step(int state, int event, int expectedPhase) {
        int cell = ConnectionLifecycle.cell(state, event);
        assertThat(cell).isNotEqualTo(REFUSED);
        int next = ConnectionLifecycle.next(state, cell);
        assertThat(ConnectionLifecycle.phaseName(next)).isEqualTo(ConnectionLifecycle.phaseName(expectedPhase));
        return next;
    }

    private static long key(int phase, int event) {
        return (long) phase << 32 | event;
    }
}
