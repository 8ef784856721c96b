package io.reactorbench.engine;

import java.io.IOException;
import java.net.InetSocketAddress;

/**
 * What a loop does with its listener: accept until none is waiting and hand each connection to a sub-loop
 * through that loop's task queue (or keep it, in reusePort mode). When accepting fails — typically EMFILE,
 * out of file descriptors — it stops listening for a moment instead of spinning on a listener that stays
 * readable, and the connections already open keep being served. At the fd limit it first frees its
 * {@link SpareDescriptor}, accepts the waiting connections and closes them at once (their clients see a prompt
 * close instead of hanging in the backlog), then takes the spare back.
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
    private final SpareDescriptor spare;
    private long resumeAtNs = Long.MAX_VALUE;
    /** Written by the owner loop only; volatile so {@link Engine} can report them from any thread. */
    private volatile long failedAccepts;
    private volatile long rejectedOnFdLimit;
    private boolean closed;

    /** @param balancer null in reusePort mode: the owner keeps what it accepts */
    Acceptor(EventLoop owner, int listenerSlot, LoadBalancer balancer, EventLoop[] targets) {
        this.owner = owner;
        this.listenerSlot = listenerSlot;
        this.balancer = balancer;
        this.targets = targets;
        this.spare = new SpareDescriptor(); // opened now, while fds are free; also loads its classes early
        preloadFdLimitPath();
    }

    /**
     * At EMFILE nothing may need a file, and loading a class from a directory or jar needs one: the classes
     * of the rejection path are loaded up front.
     */
    private static void preloadFdLimitPath() {
        Class<?> unused = FdLimitException.class;
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
            } catch (FdLimitException e) {
                failedAccepts++;
                rejectWaitingWithSpare(poller);
                backOff(poller, nowNs);
                return;
            } catch (IOException e) {
                failedAccepts++;
                backOff(poller, nowNs);
                return;
            }
            if (accepted == null) {
                return;
            }
            handOver(poller, accepted);
        }
    }

    /**
     * Frees the spare fd, accepts and closes what waits in the backlog (bounded: the clients see their
     * connection closed), then takes the spare back. Without a spare (it could not be reopened) this only
     * tries to take one back, and the back-off alone applies.
     */
    private void rejectWaitingWithSpare(Poller poller) {
        if (!spare.release()) {
            spare.reacquire();
            return;
        }
        try {
            for (int i = 0; i < MAX_ACCEPTS_PER_EVENT; i++) {
                Object accepted = poller.accept(listenerSlot);
                if (accepted == null) {
                    break;
                }
                // counted before the close: a client that sees its connection closed must find it counted
                rejectedOnFdLimit++; // single writer: this loop
                poller.discard(accepted);
            }
        } catch (IOException e) {
            // another thread took the freed fd, or accepting failed otherwise: the back-off covers it
        } finally {
            spare.reacquire();
        }
    }

    private void backOff(Poller poller, long nowNs) {
        resumeAtNs = nowNs + ACCEPT_BACKOFF_NS;
        listen(poller, false);
    }

    /**
     * Turns accept readiness off or on. If the poller refuses, it would go on reporting a listener this acceptor
     * believes paused (a spin on failed accepts) or never report one it believes listening (a server gone deaf
     * without a word): it stops accepting instead, and says so.
     */
    private void listen(Poller poller, boolean on) {
        try {
            poller.acceptInterest(listenerSlot, on);
        } catch (IOException e) {
            System.err.println("engine: loop " + owner.index + " stopped accepting: " + e.getMessage());
            close();
        }
    }

    private void handOver(Poller poller, Object accepted) {
        if (balancer == null) {
            owner.handOffs.onHandedOver(); // adopt counts it taken
            owner.adopt(accepted);
            return;
        }
        InetSocketAddress remote = balancer.needsRemoteAddress() ? poller.remoteAddressOf(accepted) : null;
        EventLoop target = targets[balancer.pick(remote)];
        target.handOffs.onHandedOver(); // now, not when the target adopts: the next pick of this burst sees it
        target.execute(new Adoption(target, accepted)); // closed, not leaked, if the target stops first
    }

    long resumeAtNs() {
        return resumeAtNs;
    }

    /** Accepts that failed (each starts a back-off); from any thread. */
    long failedAccepts() {
        return failedAccepts;
    }

    /** Connections accepted only to be closed at once because the process was out of fds; from any thread. */
    long rejectedOnFdLimit() {
        return rejectedOnFdLimit;
    }

    /** Called each iteration: listens again once the back-off is over. */
    int maybeResume(long nowNs) {
        if (resumeAtNs == Long.MAX_VALUE || nowNs - resumeAtNs < 0 || closed) {
            return 0;
        }
        resumeAtNs = Long.MAX_VALUE;
        spare.reacquire(); // if an fd was not free to take it back after the last rejection
        listen(owner.poller, true);
        return 1;
    }

    /** Whether it stopped accepting: the engine is stopping, or the poller refused to pause or resume it. */
    boolean isClosed() {
        return closed;
    }

    void close() {
        if (!closed) {
            closed = true;
            resumeAtNs = Long.MAX_VALUE; // no back-off left to wait for: the loop must not wake up for it
            spare.close();
            owner.poller.close(listenerSlot);
            owner.table.remove(listenerSlot);
        }
    }
}
