package io.reactorbench.scenarios.probe;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * The GC pauses seen so far, in nanoseconds: count, total and longest since start, and the recent ones (bounded)
 * until the next STATS takes them. Written by whichever thread reports pauses (JFR's stream thread or the JVM's
 * notification thread), read by the STATS thread; every method holds the log's lock, and the writers are called
 * once per pause, never per request.
 */
final class GcPauseLog {

    /** Pauses kept between two STATS; a runner samples every second or so, so this only guards a forgotten probe. */
    static final int MAX_PAUSES_KEPT = 10_000;

    private static final long NS_PER_MS = 1_000_000;
    private static final long NS_PER_US = 1_000;

    private final ArrayDeque<long[]> recentPauses = new ArrayDeque<>(); // {startEpochNs, durationNs}
    private long count;
    private long totalNs;
    private long maxNs;

    synchronized void record(long startEpochNs, long durationNs) {
        long pauseNs = Math.max(0, durationNs);
        count++;
        totalNs += pauseNs;
        maxNs = Math.max(maxNs, pauseNs);
        if (recentPauses.size() == MAX_PAUSES_KEPT) {
            recentPauses.removeFirst();
        }
        recentPauses.addLast(new long[] {startEpochNs, pauseNs});
    }

    synchronized long count() {
        return count;
    }

    /**
     * The totals since start and the pauses recorded since the previous call, which are then forgotten. Pauses are
     * [startEpochMs, durationMs]: durations keep every nanosecond, start times microseconds, which is what a double
     * holds of an epoch time in milliseconds.
     */
    synchronized Drained drain() {
        List<List<Double>> pauses = new ArrayList<>(recentPauses.size());
        for (long[] pause : recentPauses) {
            pauses.add(List.of(epochMs(pause[0]), ms(pause[1])));
        }
        recentPauses.clear();
        return new Drained(count, ms(totalNs), ms(maxNs), pauses);
    }

    /** What {@link #drain} hands over, in the units of the probe's answer. */
    record Drained(long count, double totalMs, double maxMs, List<List<Double>> pauses) {
    }

    /**
     * Milliseconds as the double nearest the exact value: one correctly rounded division of two exact doubles
     * (durations stay far below 2^53 ns), as parsing the exact decimal would give.
     */
    static double ms(long ns) {
        return ns / (double) NS_PER_MS;
    }

    /** An epoch time in ms to the microsecond: epoch nanoseconds exceed 2^53, epoch microseconds do not. */
    static double epochMs(long epochNs) {
        return (epochNs / NS_PER_US) / 1_000.0;
    }
}
