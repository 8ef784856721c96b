package io.reactorbench.k8s;

import java.util.Locale;

/**
 * How many connections one agent pod can hold, and whether K agents can hold the load: each agent opens its share
 * (the total over K, rounded up) from one pod address, so it is bound by its open files and, towards each target
 * address, by the source ports of the pod's port range ({@link AgentJob#PORT_RANGE}: 64,512).
 *
 * @param connectionsPerAgent the largest agent's share of the connections
 * @param limitPerAgent what one agent can hold: the smaller of its sockets and its ports
 */
public record AgentCapacity(long connectionsPerAgent, long limitPerAgent) {

    /** Descriptors a JVM and the load generator hold besides sockets (jars, pollers, logs): Preflight's margin. */
    public static final int FDS_BESIDES_SOCKETS = 64;
    /** Source ports per destination address in the pods' range, 1024-65535. */
    public static final int PORTS_PER_DESTINATION = 65_535 - 1024 + 1;

    /**
     * @param connections the whole load's connections (all agents)
     * @param agents K
     * @param openFiles each agent's open-file limit
     * @param destinations distinct target addresses (each has its own 64,512 source ports)
     */
    public static AgentCapacity of(long connections, int agents, int openFiles, int destinations) {
        long share = (connections + agents - 1) / agents;
        long sockets = openFiles - FDS_BESIDES_SOCKETS;
        long ports = (long) PORTS_PER_DESTINATION * Math.max(1, destinations);
        return new AgentCapacity(share, Math.min(sockets, ports));
    }

    public boolean exceeded() {
        return connectionsPerAgent > limitPerAgent;
    }

    /** Agents needed for {@code connections} at this limit. */
    public int agentsNeeded(long connections) {
        return (int) Math.ceil(connections / (double) limitPerAgent);
    }

    /** One line for stderr when the share is above the limit; null when it fits. */
    public String warning(long connections, int agents) {
        if (!exceeded()) {
            return null;
        }
        return String.format(Locale.ROOT, "%,d connections over %d agents is %,d per agent, above the %,d one agent"
                + " can hold (its open files less %d, and %,d source ports per target address): use --agents %d"
                + " or more",
                connections, agents, connectionsPerAgent, limitPerAgent, FDS_BESIDES_SOCKETS, PORTS_PER_DESTINATION,
                agentsNeeded(connections));
    }
}
