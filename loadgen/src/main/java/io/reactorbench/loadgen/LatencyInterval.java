package io.reactorbench.loadgen;

import io.reactorbench.results.ErrorCounts;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.IntCountsHistogram;

/**
 * The latency of every request issued in one interval (or a sum of intervals): answered and failed alike, in both
 * views, plus the failed ones counted by the kind of error that lost them. A failed request is in the corrected and
 * uncorrected histograms like an answered one, timed to the moment it failed, so that a server which fails some
 * requests cannot look faster for it; {@link #failedCorrected} keeps those failures apart as well, so that the
 * answered requests' own latency ({@link #answeredCorrected}) can still be shown beside it. The generator's send
 * lateness of the same interval travels in the same unit, so the interval that a latency figure comes from also
 * says how far behind its schedule the generator was.
 */
final class LatencyInterval {

    /** From the intended send time, every request (empty in the models without a schedule). */
    final Histogram corrected = LoadRun.newHistogram();
    /** From the actual send, every request. */
    final Histogram uncorrected = LoadRun.newHistogram();
    /**
     * The failed requests' corrected latencies alone (they are in {@link #corrected} too). Int counts, the same
     * layout: half the memory of a long histogram, and a billion failures of one value in one interval is no worry.
     */
    final IntCountsHistogram failedCorrected = new IntCountsHistogram(1, LoadWorker.MAX_LATENCY_NS, 3);
    /**
     * How late each schedule event was handled against its intended time (scheduled models; empty otherwise): the
     * generator's own health. Large values mean the load thread was starved or overloaded, and {@link #corrected}
     * then holds the generator's delays too.
     */
    final Histogram sendLateness = LoadRun.newHistogram();
    /** Failed requests by {@link ErrorKind} ordinal, those without a latency (slowread) included. */
    private final long[] failedByKind = new long[ErrorKind.values().length];

    /** Records an answered request; {@code correctedNs} negative when the model has no intended send time. */
    void recordAnswer(long correctedNs, long uncorrectedNs) {
        uncorrected.recordValue(uncorrectedNs);
        if (correctedNs >= 0) {
            corrected.recordValue(correctedNs);
        }
    }

    /** Records a failed request; {@code correctedNs} negative as for answers. */
    void recordFailure(ErrorKind kind, long correctedNs, long uncorrectedNs) {
        recordAnswer(correctedNs, uncorrectedNs);
        if (correctedNs >= 0) {
            failedCorrected.recordValue(correctedNs);
        }
        failedByKind[kind.ordinal()]++;
    }

    /** Records how late one schedule event was sent. */
    void recordSendLateness(long latenessNs) {
        sendLateness.recordValue(latenessNs);
    }

    /** Counts failed requests that have no latency (the slowread model records none). */
    void countFailures(ErrorKind kind, long requests) {
        failedByKind[kind.ordinal()] += requests;
    }

    void reset() {
        corrected.reset();
        uncorrected.reset();
        failedCorrected.reset();
        sendLateness.reset();
        java.util.Arrays.fill(failedByKind, 0);
    }

    void add(LatencyInterval other) {
        corrected.add(other.corrected);
        uncorrected.add(other.uncorrected);
        failedCorrected.add(other.failedCorrected);
        sendLateness.add(other.sendLateness);
        for (int i = 0; i < failedByKind.length; i++) {
            failedByKind[i] += other.failedByKind[i];
        }
    }

    /** Failed requests by kind ({@code connect} stays 0: a connection that never opened carried no request). */
    ErrorCounts failedRequests() {
        return new ErrorCounts(failedByKind[ErrorKind.CONNECT.ordinal()], failedByKind[ErrorKind.TIMEOUT.ordinal()],
                failedByKind[ErrorKind.RESET.ordinal()], failedByKind[ErrorKind.PROTOCOL.ordinal()]);
    }

    /** Requests answered: every request with a latency less those that failed (0 in slowread, which records none). */
    long answered() {
        return Math.max(0, uncorrected.getTotalCount() - failedRequests().total());
    }

    /** The answered requests' own corrected latency, as the histogram showed before failures counted. */
    Histogram answeredCorrected() {
        Histogram answered = corrected.copy();
        answered.subtract(failedCorrected);
        return answered;
    }
}
