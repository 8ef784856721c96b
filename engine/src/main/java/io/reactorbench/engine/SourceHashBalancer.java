package io.reactorbench.engine;

import java.net.InetSocketAddress;

/** The same client address always to the same loop: a hash of the peer's IP address and port. */
final class SourceHashBalancer implements LoadBalancer {

    private final int loops;

    SourceHashBalancer(int loops) {
        this.loops = loops;
    }

    @Override
    public boolean needsRemoteAddress() {
        return true;
    }

    @Override
    public int pick(InetSocketAddress remote) {
        if (remote == null) {
            return 0;
        }
        int hash = remote.getAddress() == null ? remote.getHostString().hashCode() : remote.getAddress().hashCode();
        hash = 31 * hash + remote.getPort();
        hash ^= hash >>> 16; // spread the high bits: ports differ mostly in the low ones
        return Math.floorMod(hash, loops);
    }
}
