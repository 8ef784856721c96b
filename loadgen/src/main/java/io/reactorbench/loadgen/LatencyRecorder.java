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

    private final WriterReaderPhaser phaser = new WriterReaderPhaser();
    private volatile Histogram activeCorrected = LoadRun.newHistogram();
    private volatile Histogram activeUncorrected = LoadRun.newHistogram();
    private Histogram inactiveCorrected = LoadRun.newHistogram();
    private Histogram inactiveUncorrected = LoadRun.newHistogram();

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
        activeUncorrected.recordValue(uncorrectedNs);
        if (correctedNs >= 0) {
            activeCorrected.recordValue(correctedNs);
        }
    }

    /** Adds what was recorded since the last call into the two histograms given (reporter thread only). */
    synchronized void addIntervalTo(Histogram corrected, Histogram uncorrected) {
        phaser.readerLock();
        try {
            inactiveCorrected.reset();
            inactiveUncorrected.reset();
            Histogram c = activeCorrected;
            Histogram u = activeUncorrected;
            activeCorrected = inactiveCorrected;
            activeUncorrected = inactiveUncorrected;
            inactiveCorrected = c;
            inactiveUncorrected = u;
            // Waits until no writer is still recording into the histograms just swapped out.
            phaser.flipPhase();
        } finally {
            phaser.readerUnlock();
        }
        corrected.add(inactiveCorrected);
        uncorrected.add(inactiveUncorrected);
    }
}
