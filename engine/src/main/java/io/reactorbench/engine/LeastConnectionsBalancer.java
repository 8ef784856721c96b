package io.reactorbench.engine;

import java.net.InetSocketAddress;

/** The loop with the fewest open connections (ties: the lowest index). */
final class LeastConnectionsBalancer implements LoadBalancer {

    /** What the balancer asks of a loop; the loop publishes its count through a volatile field. */
    interface Counted {
        int connectionCount();
    }

    private final Counted[] loops;

    LeastConnectionsBalancer(Counted[] loops) {
        this.loops = loops;
    }

    @Override
    public int pick(InetSocketAddress remote) {
        int best = 0;
        int bestCount = Integer.MAX_VALUE;
        for (int i = 0; i < loops.length; i++) {
            int count = loops[i].connectionCount();
            if (count < bestCount) {
                best = i;
                bestCount = count;
            }
        }
        return best;
    }
}
