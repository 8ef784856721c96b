package io.reactorbench.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.reactorbench.results.AgentClock;
import io.reactorbench.results.AgentCoordination;
import io.reactorbench.results.LoadPlacement;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The report's sentence on a coordinated load: each agent's clock offset and start skew, and who is missing. */
class LoadPlacementNotesTest {

    @Test
    void shouldShowEachAgentsClockOffsetAndStartSkewAndTheMissingAgents() {
        AgentCoordination coordination = new AgentCoordination(List.of(new AgentClock(0, 0.094, 1.719, 4L, 2),
                new AgentClock(1, 5000.25, 0.2, 0L, 2), new AgentClock(2, -1.5, 0.3, null, null)), List.of(2));

        String note = LoadPlacementNotes.describe(List.of(new LoadPlacement(3, 4, null, 4L, coordination)));

        assertThat(note).isEqualTo("load from 3 agents coordinated over the network, 4 source addresses in all; the"
                + " agents began measuring within 4 ms of each other. Clock offsets against the coordinator:"
                + " agent 0 +0.094 ms (round trip 1.719 ms, start skew 4 ms), agent 1 +5000.250 ms (round trip 0.200"
                + " ms, start skew 0 ms), agent 2 -1.500 ms (round trip 0.300 ms). Incomplete: agent 2 missing from"
                + " the result, whose figures are the other agents' only.");
    }

    @Test
    void shouldSayNothingOfClocksForALoadSpreadOnOneMachine() {
        String note = LoadPlacementNotes.describe(List.of(new LoadPlacement(2, 0, null, 3L, null)));

        assertThat(note).doesNotContain("clock").doesNotContain("Coordinated");
    }
}
