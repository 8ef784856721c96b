package io.reactorbench.engine;

/**
 * How a loop goes from a ready socket's epoll data to the connection it serves, chosen once per loop from
 * {@link EngineConfig#connectionTable()}. The engine's answer is {@link SlotLookup}: the data is the slot, the index
 * into {@link ConnectionTable}'s arrays, so there is nothing to look up. {@link MappedConnections} is gnet's answer,
 * kept as an ablation. Loop-confined, except {@link #size()}.
 */
interface ConnectionLookup {

    /** A connection was added to the table at {@code slot}. */
    void onOpen(int slot, long nowNs);

    /** A readiness event for the connection at {@code slot}; returns the slot to serve. */
    int onEvent(int slot, long nowNs);

    /** The connection at {@code slot} was closed and its slot freed. */
    void onClose(int slot);

    /** Connections it holds an entry for (0 when it keeps none). */
    int size();
}
