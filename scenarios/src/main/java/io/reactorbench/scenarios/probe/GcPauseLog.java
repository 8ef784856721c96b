package io.reactorbench.scenarios.probe;

import java.util.ArrayDeque;

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
     * Appends {@code "gcCount":n,"gcPauseTotalMs":ms,"gcPauseMaxMs":ms,"pauses":[[startEpochMs,durationMs],...]}
     * and forgets the pauses listed. Durations keep every nanosecond; start times keep microseconds, which is what
     * a double holds of an epoch time in milliseconds.
     */
    synchronized void appendJsonAndDrain(StringBuilder json) {
        json.append("\"gcCount\":").append(count).append(",\"gcPauseTotalMs\":");
        appendMs(json, totalNs);
        json.append(",\"gcPauseMaxMs\":");
        appendMs(json, maxNs);
        json.append(",\"pauses\":[");
        String separator = "";
        for (long[] pause : recentPauses) {
            json.append(separator).append('[');
            appendMs(json, pause[0] / NS_PER_US * NS_PER_US);
            json.append(',');
            appendMs(json, pause[1]);
            json.append(']');
            separator = ",";
        }
        recentPauses.clear();
        json.append(']');
    }

    /** Exact decimal milliseconds ("12.3405", "0.02", "7"), never the exponent form Double.toString gives small values. */
    static void appendMs(StringBuilder json, long ns) {
        json.append(ns / NS_PER_MS);
        long fractionNs = ns % NS_PER_MS;
        if (fractionNs == 0) {
            return;
        }
        String digits = Long.toString(NS_PER_MS + fractionNs).substring(1); // six digits, leading zeros kept
        int end = digits.length();
        while (digits.charAt(end - 1) == '0') {
            end--;
        }
        json.append('.').append(digits, 0, end);
    }
}
