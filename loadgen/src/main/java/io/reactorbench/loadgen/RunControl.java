package io.reactorbench.loadgen;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

/** What the coordinator and the workers share: the start signal, the stop flag, counters read for progress. */
final class RunControl {

    /** Counted down by each worker once every one of its connections has been tried. */
    final CountDownLatch connected;
    final AtomicInteger openConnections = new AtomicInteger();
    final ErrorLog errors = new ErrorLog();
    /** The ceiling model's steps (unused by the other models). */
    final StepControl steps = new StepControl();
    /** 0 until the coordinator starts the measured run (after the connections are open). */
    private volatile long runStartNs;
    private volatile boolean stopped;

    RunControl(int workers) {
        connected = new CountDownLatch(workers);
    }

    long runStartNs() {
        return runStartNs;
    }

    void start(long nowNs) {
        runStartNs = nowNs == 0 ? 1 : nowNs;
    }

    boolean stopped() {
        return stopped;
    }

    void stop() {
        stopped = true;
    }
}
