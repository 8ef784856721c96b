package io.reactorbench.engine;

import java.util.concurrent.atomic.AtomicLong;

/**
 * What a loop does with an exception it caught from handler code, an {@link AsyncWriteCallback} or a queued
 * task: log it once (through {@link System.Logger}, so an application routes it where its logs go), count it,
 * and carry on serving — as Netty logs a failing task and keeps its event loop running. The connection the
 * failure was about, if any, is closed by the caller. From any thread.
 */
final class CaughtFailures {

    private static final System.Logger LOG = System.getLogger("io.reactorbench.engine");

    private final AtomicLong count = new AtomicLong();

    /** @param where what failed, e.g. "engine loop 0: onTick" */
    void caught(String where, Throwable failure) {
        count.incrementAndGet();
        LOG.log(System.Logger.Level.WARNING, where + " failed; the loop carries on", failure);
    }

    long count() {
        return count.get();
    }
}
