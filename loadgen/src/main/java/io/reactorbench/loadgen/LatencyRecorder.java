package io.reactorbench.loadgen;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.WriterReaderPhaser;

/**
 * A worker's corrected and uncorrected histograms, recorded together and sampled together: one
 * {@link WriterReaderPhaser} (the mechanism inside HdrHistogram's {@code Recorder}) flips both at once, so
 * every interval holds the same requests in both views. Two separate Recorders, sampled one after the other,
 * would let a few requests fall into different intervals of each. Recording is wait-free and allocation-free.
 */
final class LatencyRecorder {

    /** Both views of one interval, swapped as one reference so a request never straddles two intervals. */
    private static final class Pair {
        final Histogram corrected = LoadRun.newHistogram();
        final Histogram uncorrected = LoadRun.newHistogram();
    }

    private final WriterReaderPhaser phaser = new WriterReaderPhaser();
    private volatile Pair active = new Pair();
    private Pair inactive = new Pair();

    /**
     * Opens a batch of {@link #record} calls (all answers of one read: one pair of atomic increments for the
     * batch, not per request); pass the token to {@link #endBatch}.
     */
    long beginBatch() {
        return phaser.writerCriticalSectionEnter();
    }

    void endBatch(long token) {
        phaser.writerCriticalSectionExit(token);
    }

    /** Records one answered request, between begin and end; {@code correctedNs} negative when not scheduled. */
    void record(long correctedNs, long uncorrectedNs) {
        Pair pair = active;
        pair.uncorrected.recordValue(uncorrectedNs);
        if (correctedNs >= 0) {
            pair.corrected.recordValue(correctedNs);
        }
    }

    /** Adds what was recorded since the last call into the two histograms given (reporter thread only). */
    synchronized void addIntervalTo(Histogram corrected, Histogram uncorrected) {
        phaser.readerLock();
        try {
            inactive.corrected.reset();
            inactive.uncorrected.reset();
            Pair sampled = active;
            active = inactive;
            inactive = sampled;
            // Waits until no writer is still recording into the pair just swapped out.
            phaser.flipPhase();
        } finally {
            phaser.readerUnlock();
        }
        corrected.add(inactive.corrected);
        uncorrected.add(inactive.uncorrected);
    }
}
