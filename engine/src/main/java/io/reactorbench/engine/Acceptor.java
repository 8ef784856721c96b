package io.reactorbench.engine;

import java.io.IOException;
import java.net.InetSocketAddress;

/**
 * What a loop does with its listener: accept until none is waiting and hand each connection to a sub-loop
 * through that loop's task queue (or keep it, in reusePort mode). When accepting fails — typically EMFILE,
 * out of file descriptors — it stops listening for a moment instead of spinning on a listener that stays
 * readable, and the connections already open keep being served.
 */
final class Acceptor {

    /** Accepts per readiness event; the listener is level-triggered, so the rest are reported on the next poll. */
    static final int MAX_ACCEPTS_PER_EVENT = 1024;
    /** Pause after a failed accept (EMFILE, ENFILE, ENOBUFS): long enough for connections to close. */
    static final long ACCEPT_BACKOFF_NS = 50_000_000L;

    private final EventLoop owner;
    private final int listenerSlot;
    private final LoadBalancer balancer;
    private final EventLoop[] targets;
    private long resumeAtNs = Long.MAX_VALUE;
    private long failedAccepts;
    private boolean closed;

    /** @param balancer null in reusePort mode: the owner keeps what it accepts */
    Acceptor(EventLoop owner, int listenerSlot, LoadBalancer balancer, EventLoop[] targets) {
        this.owner = owner;
        this.listenerSlot = listenerSlot;
        this.balancer = balancer;
        this.targets = targets;
    }

    void onAcceptable(long nowNs) {
        if (closed) {
            return;
        }
        Poller poller = owner.poller;
        for (int i = 0; i < MAX_ACCEPTS_PER_EVENT; i++) {
            Object accepted;
            try {
                accepted = poller.accept(listenerSlot);
            } catch (IOException e) {
                failedAccepts++;
                poller.acceptInterest(listenerSlot, false);
                resumeAtNs = nowNs + ACCEPT_BACKOFF_NS;
                return;
            }
            if (accepted == null) {
                return;
            }
            handOver(poller, accepted);
        }
    }

    private void handOver(Poller poller, Object accepted) {
        if (balancer == null) {
            owner.adopt(accepted);
            return;
        }
        InetSocketAddress remote = balancer.needsRemoteAddress() ? poller.remoteAddressOf(accepted) : null;
        EventLoop target = targets[balancer.pick(remote)];
        target.execute(() -> target.adopt(accepted));
    }

    long resumeAtNs() {
        return resumeAtNs;
    }

    long failedAccepts() {
        return failedAccepts;
    }

    /** Called each iteration: listens again once the back-off is over. */
    int maybeResume(long nowNs) {
        if (resumeAtNs == Long.MAX_VALUE || nowNs - resumeAtNs < 0 || closed) {
            return 0;
        }
        resumeAtNs = Long.MAX_VALUE;
        owner.poller.acceptInterest(listenerSlot, true);
        return 1;
    }

    void close() {
        if (!closed) {
            closed = true;
            owner.poller.close(listenerSlot);
            owner.table.remove(listenerSlot);
        }
    }
}
