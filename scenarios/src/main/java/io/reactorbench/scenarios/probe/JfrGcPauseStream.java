package io.reactorbench.scenarios.probe;

import java.time.Duration;
import java.time.Instant;
import jdk.jfr.FlightRecorder;
import jdk.jfr.FlightRecorderListener;
import jdk.jfr.Recording;
import jdk.jfr.RecordingState;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingStream;

/**
 * Every stop-the-world GC pause of this JVM, with its nanosecond duration, from JFR's {@code jdk.GCPhasePause}:
 * one event per pause for Serial, Parallel, G1, ZGC and Shenandoah alike (ZGC's three pauses per cycle are three
 * events; checked on JDK 25, where their sum equals {@code jdk.GarbageCollection}'s sumOfPauses). That event
 * times the GC's work inside the safepoint, not the time threads took to reach it. Only that event and the
 * probe's own {@link ProbeMarkEvent} are enabled, without stack traces, so the server's request path records
 * nothing. JFR hands events over at its flushes, about once a second: {@link #mark} and {@link #awaitMark} let a
 * caller wait until what happened before now has been delivered.
 */
final class JfrGcPauseStream {

    static final String PAUSE_EVENT = "jdk.GCPhasePause";

    /** JFR keeps the stream's chunks on disk only until they are read; this bounds them if reading falls behind. */
    private static final Duration MAX_AGE_ON_DISK = Duration.ofMinutes(1);

    /** Receives each pause on the stream's thread. */
    interface PauseListener {
        void onPause(long startEpochNs, long durationNs);
    }

    private final RecordingStream stream;
    private final Object marks = new Object();
    private long markCommitted; // guarded by marks
    private long markDelivered; // guarded by marks
    private volatile boolean running = true;

    private JfrGcPauseStream(RecordingStream stream) {
        this.stream = stream;
    }

    /** Prepares the stream (this is where JFR starts up); throws a runtime exception when this JVM cannot run it. */
    static JfrGcPauseStream open(PauseListener listener) {
        RecordingStream stream = new RecordingStream(); // nothing enabled until asked
        JfrGcPauseStream pauses = new JfrGcPauseStream(stream);
        try {
            stream.enable(PAUSE_EVENT).withThreshold(Duration.ZERO).withoutStackTrace();
            stream.enable(ProbeMarkEvent.class).withThreshold(Duration.ZERO).withoutStackTrace();
            stream.setMaxAge(MAX_AGE_ON_DISK);
            stream.onEvent(PAUSE_EVENT, event -> listener.onPause(epochNs(event.getStartTime()), event.getDuration().toNanos()));
            stream.onEvent(ProbeMarkEvent.NAME, pauses::onMark);
            stream.onClose(pauses::onStopped);
        } catch (RuntimeException e) {
            stream.close();
            throw e;
        }
        return pauses;
    }

    /**
     * Records and delivers on the calling thread until the stream closes; {@code onRecording} runs (on this thread)
     * the moment JFR records. Not {@code startAsync()}: its thread is not a daemon and would keep a JVM whose main
     * returned alive, so the caller runs this on a daemon thread of its own.
     */
    void run(Runnable onRecording) {
        Thread runner = Thread.currentThread();
        boolean[] notified = new boolean[1];
        FlightRecorderListener whenRecording = new FlightRecorderListener() {
            @Override
            public void recordingStateChanged(Recording recording) {
                // Called synchronously by the thread that starts a recording: on this thread, it is ours.
                if (Thread.currentThread() == runner && recording.getState() == RecordingState.RUNNING && !notified[0]) {
                    notified[0] = true;
                    onRecording.run();
                }
            }
        };
        FlightRecorder.addListener(whenRecording);
        try {
            stream.start();
        } finally {
            FlightRecorder.removeListener(whenRecording);
            onStopped();
        }
    }

    private static long epochNs(Instant at) {
        return at.getEpochSecond() * 1_000_000_000L + at.getNano();
    }

    /** False once the stream has closed (on an error or at shutdown): pauses no longer arrive. */
    boolean running() {
        return running;
    }

    /** Commits a mark after everything that happened so far and returns its sequence number. */
    long mark() {
        long sequence;
        synchronized (marks) {
            sequence = ++markCommitted;
        }
        ProbeMarkEvent event = new ProbeMarkEvent();
        event.sequence = sequence;
        event.commit();
        return sequence;
    }

    /** Waits until the mark has been delivered (and with it every event committed before it); false on timeout. */
    boolean awaitMark(long sequence, long timeoutMs) throws InterruptedException {
        long deadlineNs = System.nanoTime() + timeoutMs * 1_000_000;
        synchronized (marks) {
            while (markDelivered < sequence && running) {
                long leftNs = deadlineNs - System.nanoTime();
                if (leftNs <= 0) {
                    return false;
                }
                marks.wait(Math.max(1, leftNs / 1_000_000));
            }
            return markDelivered >= sequence;
        }
    }

    private void onMark(RecordedEvent event) {
        synchronized (marks) {
            markDelivered = Math.max(markDelivered, event.getLong("sequence"));
            marks.notifyAll();
        }
    }

    private void onStopped() {
        running = false;
        synchronized (marks) {
            marks.notifyAll();
        }
    }
}
