package io.reactorbench.scenarios.run;

import io.reactorbench.loadgen.SourcePorts;
import io.reactorbench.results.LoadPlacement;
import io.reactorbench.wire.spi.Transport;
import java.util.List;

/**
 * How the runner spreads a cell's connections, by itself (issue 18): over as many load processes as the open-files
 * limit needs, and, from {@link #SOURCES_FROM_CONNECTIONS} connections on, over source addresses 127.0.0.2,
 * 127.0.0.3, ... so the load generator picks each connection's port itself ({@link SourcePorts}) instead of the
 * kernel scanning a filling ephemeral range on every connect.
 */
public final class LoadSplit {

    /**
     * From here on a cell binds source addresses. Below it the kernel's port search is cheap and the cell connects
     * exactly as before; above it (docs/BENCHMARKS.md §8, at 15,000 connections: 8-14 s of system time without,
     * 1.0 s with) the connect phase would cost minutes at a million.
     */
    public static final int SOURCES_FROM_CONNECTIONS = 10_000;
    /** Connections per source address: well under the 64,512 ports each offers, so a retry always finds one. */
    public static final int CONNECTIONS_PER_SOURCE = 50_000;
    /** The first source address; 127.0.0.1 stays the servers' own. */
    private static final int FIRST_SOURCE_HOST = 2;

    /** A load JVM's heap before connections: the generator's histograms, buffers and the JVM's own. */
    static final long AGENT_BASE_HEAP_MIB = 64;
    /** The load generator holds ~149 B of heap per connection on the epoll poller; 1 KiB bounds it with room. */
    static final long AGENT_HEAP_BYTES_PER_CONNECTION = 1L << 10;
    /**
     * The parent (agent 0, whose options every agent inherits) merges every agent's interval log in memory: a
     * ceiling's 14 step intervals per agent at ~0.5 MiB per decoded histogram. At 51 agents the 84 MiB sized for
     * connections ran out of heap in the merge, after holding a million connections; this much per agent is only a
     * ceiling (the serial collector grows a heap as it is used, so agents that merge nothing stay small).
     */
    static final long MERGE_HEAP_MIB_PER_AGENT = 16;

    private LoadSplit() {
    }

    /**
     * The JVM options of each load process of a spread load (none for one process: it runs as it always did). At a
     * million connections the ~51 agents with the default heap (a quarter of the machine each, and the G1 regions and
     * C2 compiler arenas that come with it) would together claim memory the connections need: each gets a heap sized
     * for its share, the serial collector (no parallel GC threads or remembered sets), and C1 only (its code is
     * good enough for the few hundred requests per second each agent sends, and its compiler memory a fraction).
     */
    static List<String> agentJvmOptions(LoadPlacement placement, int connections) {
        if (placement.single()) {
            return List.of();
        }
        long perAgent = Math.ceilDiv(Math.max(connections, 0), placement.agents());
        long heapMiB = AGENT_BASE_HEAP_MIB + Math.ceilDiv(perAgent * AGENT_HEAP_BYTES_PER_CONNECTION, 1L << 20)
                + placement.agents() * MERGE_HEAP_MIB_PER_AGENT;
        return List.of("-Xms16m", "-Xmx" + heapMiB + "m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1");
    }

    /**
     * @param connectionsPerProcess what one load process may hold under its open-files limit
     *                              ({@link FdLimits#maxConnections()}); ≤ 0 when unknown: one process
     */
    static LoadPlacement of(int connections, long connectionsPerProcess, Transport transport) {
        int agents = connectionsPerProcess > 0 ? (int) Math.max(1, Math.ceilDiv(connections, connectionsPerProcess)) : 1;
        if (transport != Transport.TCP || connections < SOURCES_FROM_CONNECTIONS) {
            return new LoadPlacement(agents, 0, null, null, null);
        }
        int sources = Math.max(2, Math.ceilDiv(connections, CONNECTIONS_PER_SOURCE));
        if (sources > 250) {
            throw new IllegalArgumentException(connections + " connections need " + sources
                    + " source addresses, more than 127.0.0.2-127.0.0.251 offers");
        }
        String range = "127.0.0." + FIRST_SOURCE_HOST + "-127.0.0." + (FIRST_SOURCE_HOST + sources - 1);
        return new LoadPlacement(agents, sources, range, null, null);
    }
}
