package io.reactorbench.loadgen;

import org.HdrHistogram.WriterReaderPhaser;

/**
 * A worker's {@link LatencyInterval}s, recorded and sampled whole: one {@link WriterReaderPhaser} (the mechanism
 * inside HdrHistogram's {@code Recorder}) flips corrected, uncorrected and the failures at once, so every interval
 * holds the same requests in every view. Two separate Recorders, sampled one after the other, would let a few
 * requests fall into different intervals of each. The send lateness of the schedule's events flips with them, so
 * the window's lateness is sampled in the same step as its latency, with no second recorder per worker. Recording
 * is wait-free and allocation-free.
 */
final class LatencyRecorder {

    private final WriterReaderPhaser phaser = new WriterReaderPhaser();
    private volatile LatencyInterval active = new LatencyInterval();
    private LatencyInterval inactive = new LatencyInterval();

    /**
     * Opens a batch of {@link #record} / {@link #recordFailure} calls (all answers of one read, all requests lost
     * at one close: one pair of atomic increments for the batch, not per request); pass the token to
     * {@link #endBatch}.
     */
    long beginBatch() {
        return phaser.writerCriticalSectionEnter();
    }

    void endBatch(long token) {
        phaser.writerCriticalSectionExit(token);
    }

    /** Records one answered request, between begin and end; {@code correctedNs} negative when not scheduled. */
    void record(long correctedNs, long uncorrectedNs) {
        active.recordAnswer(correctedNs, uncorrectedNs);
    }

    /** Records one failed request, between begin and end, timed to the moment it failed. */
    void recordFailure(ErrorKind kind, long correctedNs, long uncorrectedNs) {
        active.recordFailure(kind, correctedNs, uncorrectedNs);
    }

    /** Records how late one schedule event was sent, between begin and end. */
    void recordSendLateness(long latenessNs) {
        active.recordSendLateness(latenessNs);
    }

    /** Counts {@code requests} failed requests that have no latency (slowread), between begin and end. */
    void countFailures(ErrorKind kind, long requests) {
        active.countFailures(kind, requests);
    }

    /** Adds what was recorded since the last call into {@code into} (reporter thread only). */
    synchronized void addIntervalTo(LatencyInterval into) {
        phaser.readerLock();
        try {
            inactive.reset();
            LatencyInterval sampled = active;
            active = inactive;
            inactive = sampled;
            // Waits until no writer is still recording into the interval just swapped out.
            phaser.flipPhase();
        } finally {
            phaser.readerUnlock();
        }
        into.add(inactive);
    }
}
