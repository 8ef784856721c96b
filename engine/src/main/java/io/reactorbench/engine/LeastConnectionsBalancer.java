package io.reactorbench.engine;

import java.net.InetSocketAddress;

/**
 * The loop with the fewest connections (ties: the lowest index), counting those handed to it and not yet adopted
 * ({@link HandOffCount}), so a burst of accepts is spread before any loop has run.
 */
final class LeastConnectionsBalancer implements LoadBalancer {

    /** What the balancer asks of a loop: open connections plus those handed over and not yet taken. */
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
