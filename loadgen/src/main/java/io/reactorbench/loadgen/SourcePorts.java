package io.reactorbench.loadgen;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;

/**
 * The source address and port of each connection when {@code --source} names addresses: the load generator picks
 * both itself, from the connection's global index (unique over every agent of a run), instead of binding port 0.
 *
 * <p>Why: with one destination (the server's port), the kernel finds a free ephemeral port by scanning the range
 * and checking each candidate against the established connections ({@code __inet_hash_connect},
 * {@code __inet_check_established}), and the scan grows as the range fills (docs/BENCHMARKS.md §8: 15,000 connects
 * cost 8-14 s of system time that way, 1.0 s with explicit ports, with the command and its caveats). An
 * explicit port is one hash lookup at bind and one 4-tuple check at connect, and every port from {@link #FIRST} up
 * is usable, not just the ephemeral range: 64,512 connections per source address.
 *
 * <p>A port that is taken (a listener on the wildcard address, another program's socket, this slot's previous
 * connection still in TIME_WAIT towards the same server) fails the bind or the connect; the poller then falls back to
 * a port the kernel picks, so an explicit port is a speed-up, never a new way to fail.
 */
public final class SourcePorts {

    /** The lowest port handed out: the first above the well-known range. */
    public static final int FIRST = 1024;
    /** Ports per source address: {@value #FIRST} to 65535. */
    public static final int PER_ADDRESS = 65_536 - FIRST;

    private SourcePorts() {
    }

    /**
     * Connection {@code globalIndex}'s local address: sources taken round-robin, and within one source consecutive
     * ports, so no two connections of a run (of up to {@code sources × PER_ADDRESS}) share an address and port.
     */
    public static InetSocketAddress of(long globalIndex, List<InetAddress> sources) {
        int count = sources.size();
        InetAddress address = sources.get((int) (globalIndex % count));
        int port = FIRST + (int) ((globalIndex / count) % PER_ADDRESS);
        return new InetSocketAddress(address, port);
    }
}
