package io.reactorbench.scenarios.probe;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Where the probe's GC pauses come from. JFR ({@link JfrGcPauseStream}) gives each pause to the nanosecond; the
 * JVM's GC notifications give whole milliseconds, so a ZGC pause (tens of microseconds) or a small heap's young
 * pause reads 0 there. Starting JFR takes a few hundred milliseconds, so it starts on its own thread while the
 * server starts; until it records (or for good, if it cannot start) the notifications' pauses count instead, and
 * the probe's answer says which source it is: {@code gcPauseSource} {@code jfr} or {@code notifications}.
 */
final class GcPauseRecorder {

    /** {@code -Dreactorbench.gcPauses=notifications} keeps JFR off (to compare, or where JFR misbehaves). */
    static final String SOURCE_PROPERTY = "reactorbench.gcPauses";

    /**
     * JFR flushes about once a second, so a STATS after a GC waits at most this long for those pauses to arrive:
     * the runner gives an answer 3 s, and GC spends up to 1 s collecting before its STATS.
     */
    private static final long JFR_CATCH_UP_TIMEOUT_MS = 1_500;

    private final GcPauseLog log = new GcPauseLog();
    private final AtomicLong gcNotifications = new AtomicLong();
    /** Pauses that start from here on are JFR's; earlier ones the notifications'. Set once JFR records. */
    private volatile long jfrFromEpochNs = Long.MAX_VALUE;
    private volatile JfrGcPauseStream jfr;
    private volatile String jfrUnavailableCause;
    private long gcNotificationsDelivered; // only the STATS thread uses it

    private GcPauseRecorder() {
    }

    /** Starts recording: notifications from now, JFR as soon as it is up (asynchronously). */
    static GcPauseRecorder start() {
        GcPauseRecorder recorder = new GcPauseRecorder();
        if ("notifications".equals(System.getProperty(SOURCE_PROPERTY))) {
            recorder.jfrUnavailableCause = "turned off by -D" + SOURCE_PROPERTY + "=notifications";
            return recorder;
        }
        Thread jfrThread = new Thread(recorder::runJfr, "gc-pause-jfr");
        jfrThread.setDaemon(true);
        jfrThread.start();
        return recorder;
    }

    /** Starts JFR and delivers its pauses on this (daemon) thread until the stream closes. */
    private void runJfr() {
        try {
            JfrGcPauseStream stream = JfrGcPauseStream.open(this::onJfrPause);
            stream.run(() -> {
                // Pauses JFR recorded before this instant are in the notifications too, which count them.
                jfrFromEpochNs = nowEpochNs();
                jfr = stream;
            });
        } catch (RuntimeException | LinkageError e) { // cannot start, or stopped on an error: notifications take over
            jfrUnavailableCause = e.getClass().getSimpleName() + ": " + e.getMessage();
        }
    }

    private void onJfrPause(long startEpochNs, long durationNs) {
        if (startEpochNs >= jfrFromEpochNs) {
            log.record(startEpochNs, durationNs);
        }
    }

    /** Every GC notification (pause or concurrent cycle), on the notification thread: a STATS then waits for JFR. */
    void onGcNotification() {
        gcNotifications.incrementAndGet();
    }

    /** A pause as the notifications saw it (whole milliseconds); counted only while JFR does not record. */
    void onNotifiedPause(long startEpochMs, long durationMs) {
        long startEpochNs = startEpochMs * 1_000_000;
        JfrGcPauseStream stream = jfr;
        if (stream == null || !stream.running() || startEpochNs < jfrFromEpochNs) {
            log.record(startEpochNs, durationMs * 1_000_000);
        }
    }

    /** "jfr" or "notifications": where the pauses reported from now on come from. */
    String source() {
        JfrGcPauseStream stream = jfr;
        return stream != null && stream.running() ? "jfr" : "notifications";
    }

    /**
     * Waits until JFR has delivered the pauses of every GC notified so far (JFR hands events over only at its
     * flushes), so that a STATS (the runner's last sample, the answer to GC) includes them. Returns at once when no
     * GC happened since the last call or JFR is not the source.
     */
    void awaitPausesNotifiedSoFar() throws InterruptedException {
        JfrGcPauseStream stream = jfr;
        long notified = gcNotifications.get();
        if (stream == null || notified == gcNotificationsDelivered) {
            return;
        }
        stream.awaitMark(stream.mark(), JFR_CATCH_UP_TIMEOUT_MS);
        gcNotificationsDelivered = notified; // also on timeout: a stalled JFR must not slow every later STATS
    }

    /** The pauses since the previous call (which are then forgotten) and the totals since start. */
    GcPauseLog.Drained drain() {
        return log.drain();
    }

    /** Why JFR is not the source ("JFR unavailable: ..."), or null while it is or may still become it. */
    String sourceNote() {
        String cause = jfrUnavailableCause;
        return cause == null ? null : "JFR unavailable: " + cause;
    }

    private static long nowEpochNs() {
        Instant now = Instant.now();
        return now.getEpochSecond() * 1_000_000_000L + now.getNano();
    }
}
