package io.reactorbench.engine;

/**
 * How the uring poller runs; the other pollers ignore it.
 *
 * @param sqPoll      an experiment: a kernel thread per loop polls the submission queue (IORING_SETUP_SQPOLL), so a
 *                    loop with work queued enters the kernel only to wait
 * @param batchWaitUs the batched wait: when the last loop iteration received on more than one connection, the next
 *                    {@code io_uring_enter} asks the kernel for about twice as many completions but returns once this
 *                    many microseconds have passed with at least one (IORING_FEAT_MIN_TIMEOUT, Linux 6.12+). Fewer
 *                    sleeps and wake-ups per request under load, at most this much added wait per iteration; a loop
 *                    serving one connection at a time never batches. 0 = every wait returns on the first completion.
 */
public record UringTuning(boolean sqPoll, int batchWaitUs) {

    /** The batched wait's bound; above a millisecond it would be a latency floor, not a batching hint. */
    public static final int MAX_BATCH_WAIT_US = 1_000;

    /** No SQPOLL; a 50 µs batched wait (docs/BENCHMARKS.md §10 measures it against none). */
    public static final UringTuning DEFAULTS = new UringTuning(false, 50);

    public UringTuning {
        if (batchWaitUs < 0 || batchWaitUs > MAX_BATCH_WAIT_US) {
            throw new IllegalArgumentException("batch wait must be 0.." + MAX_BATCH_WAIT_US + " µs, got " + batchWaitUs);
        }
    }

    public UringTuning withSqPoll(boolean newSqPoll) {
        return new UringTuning(newSqPoll, batchWaitUs);
    }

    public UringTuning withBatchWaitUs(int newBatchWaitUs) {
        return new UringTuning(sqPoll, newBatchWaitUs);
    }
}
