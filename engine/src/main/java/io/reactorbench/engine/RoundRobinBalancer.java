package io.reactorbench.engine;

import java.net.InetSocketAddress;

/** Each new connection to the next loop in turn (the default, like gnet's). */
final class RoundRobinBalancer implements LoadBalancer {

    private final int loops;
    private int next;

    RoundRobinBalancer(int loops) {
        this.loops = loops;
    }

    @Override
    public int pick(InetSocketAddress remote) {
        int chosen = next;
        next = chosen + 1 == loops ? 0 : chosen + 1;
        return chosen;
    }
}
