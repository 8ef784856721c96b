package io.reactorbench.engine;

import java.net.InetSocketAddress;

/** Picks the sub-loop that will own a newly accepted connection. Called on the acceptor thread only. */
interface LoadBalancer {

    /**
     * @param remote the peer's address, or {@code null} when {@link #needsRemoteAddress()} is false
     * @return index of the chosen loop in {@code 0..loops-1}
     */
    int pick(InetSocketAddress remote);

    /** Whether {@link #pick} looks at the address (reading it costs a system call per accept). */
    default boolean needsRemoteAddress() {
        return false;
    }

    static LoadBalancer create(LoadBalancing kind, EventLoop[] loops) {
        return switch (kind) {
            case ROUND_ROBIN -> new RoundRobinBalancer(loops.length);
            case LEAST_CONNECTIONS -> new LeastConnectionsBalancer(loops);
            case SOURCE_HASH -> new SourceHashBalancer(loops.length);
        };
    }
}
