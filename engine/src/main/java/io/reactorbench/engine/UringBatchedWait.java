package io.reactorbench.engine;

import io.reactorbench.sys.IoUring;

/**
 * The uring poller's batched wait (docs/uring.md, "Waiting"): how many completions the next {@code io_uring_enter}
 * asks for, judged from how many connections the last poll received on, and how long it may hold out for them.
 */
final class UringBatchedWait {

    /**
     * A loop that received on this many connections in one poll is busy: its waits seldom sleep, and asking it to wait
     * for more only holds replies back. With C clients at 10,000 connections (~40 receives per poll) a batched wait
     * without this bound cost 1.18 × Netty's CPU per round trip, 0.88 × with it (docs/BENCHMARKS.md §10).
     */
    static final int BUSY_RECEIVES = 24;

    private final int batchWaitUs;
    /** Receive completions that carried bytes since the last wait: the guess at the next poll's work. */
    private int received;

    /** @param batchWaitUs {@link UringTuning#batchWaitUs()}: 0 = every wait returns on the first completion */
    UringBatchedWait(int batchWaitUs) {
        this.batchWaitUs = batchWaitUs;
    }

    /** A receive completion that carried bytes. */
    void onReceived() {
        received++;
    }

    /** The loop's one enter: submits what is queued and waits as the last poll suggests; then counts afresh. */
    int submitAndWait(IoUring ring, long timeoutNs) {
        int entered = ring.submitAndWait(timeoutNs, batchFor(received), batchWaitUs);
        received = 0;
        return entered;
    }

    /**
     * The batch after a poll that received on {@code received} connections: a loop that received on several (but is
     * not yet busy) waits for about twice that many, or the batch wait, whichever comes first; one that served a
     * single connection waits for one (0 here), so a lone client's requests are never held back.
     */
    static int batchFor(int received) {
        return received > 1 && received < BUSY_RECEIVES ? 2 * received : 0;
    }
}
