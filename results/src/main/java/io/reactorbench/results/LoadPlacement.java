package io.reactorbench.results;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * How a cell's load was spread (issue 18): over how many load processes ({@code load --agents K}; each holds one
 * descriptor per connection, so the open-files limit decides K) and over how many source addresses (each holds
 * 64,512 connections to one server port), and how far apart the agents' measured windows began. Null in a summary
 * whose load ran as one process without source addresses.
 *
 * @param agents           load processes
 * @param sourceAddresses  127.0.0.x addresses the connections were bound to; 0 = the kernel chose (127.0.0.1)
 * @param sourceRange      the {@code --source} range given, e.g. {@code 127.0.0.2-127.0.0.21}; null with none
 * @param agentStartSkewMs spread of the agents' window starts on the wall clock, from load.json; null when load.json
 *                         does not say (one agent, or a load generator that predates it)
 * @param coordination     a load coordinated over the network ({@code reactorbench coordinate}, issue 20): each
 *                         agent's clock offset, round trip and start skew, and the agents missing from the result;
 *                         null otherwise (copied from load.json)
 */
public record LoadPlacement(int agents, int sourceAddresses,
                            @JsonInclude(JsonInclude.Include.NON_NULL) String sourceRange,
                            @JsonInclude(JsonInclude.Include.NON_NULL) Long agentStartSkewMs,
                            @JsonInclude(JsonInclude.Include.NON_NULL) AgentCoordination coordination) {

    public LoadPlacement withAgentStartSkewMs(Long skewMs) {
        return new LoadPlacement(agents, sourceAddresses, sourceRange, skewMs, coordination);
    }

    /** One load process, kernel-chosen source addresses, not coordinated: what every cell did before issue 18. */
    public boolean single() {
        return agents <= 1 && sourceAddresses == 0 && coordination == null;
    }
}
