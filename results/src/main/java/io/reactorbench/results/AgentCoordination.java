package io.reactorbench.results;

import java.util.List;

/**
 * How the agents of a coordinated load ({@code reactorbench coordinate --agents K}, issue 20) lined up, and which of
 * them the result lacks. Written in load.json and copied into summary.json's {@link LoadPlacement}; absent for loads
 * that were not coordinated over the network.
 *
 * @param agents        every agent that registered, by index: its clock offset, round trip and start skew
 * @param missingAgents indexes of the agents whose share is not in the result (they died, disconnected or were
 *                      dropped mid-run); empty when the result is complete. A result with missing agents is
 *                      incomplete: its counts and percentiles are the surviving agents' only.
 */
public record AgentCoordination(List<AgentClock> agents, List<Integer> missingAgents) {

    public AgentCoordination {
        agents = agents == null ? List.of() : List.copyOf(agents);
        missingAgents = missingAgents == null ? List.of() : List.copyOf(missingAgents);
    }

    /** Whether some agent's share is missing from the result. */
    public boolean incomplete() {
        return !missingAgents.isEmpty();
    }
}
