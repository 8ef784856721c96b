package io.reactorbench.engine;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * An engine's stop, run once, from any thread: every loop stops accepting and closes its connections once their
 * replies are out; what is still open at the timeout is closed abruptly; then the engine's own clean-up runs
 * ({@code afterLoops}: the Unix-domain socket file, its offload executor, onShutdown). A second caller waits for the
 * first; a loop thread, which cannot wait for itself, hands the stop to a thread of its own.
 */
final class Shutdown {

    /** How long a stop asked for by a handler ({@link Action#SHUTDOWN}) lets replies go out. */
    private static final long DEFAULT_STOP_TIMEOUT_MS = 5_000;
    /** The second wait, after each loop was told to stop now: closing what is left takes no I/O wait. */
    private static final long STOP_NOW_WAIT_NS = 1_000_000_000L;

    /** What runs once the loops are done (or the timeout passed), whatever happened before. */
    @FunctionalInterface
    interface AfterLoops {
        void run() throws java.io.IOException;
    }

    private final EventLoop mainLoop;
    private final EventLoop[] subLoops;
    private final AfterLoops afterLoops;
    private final AtomicBoolean stopping = new AtomicBoolean();
    private volatile boolean stopped;

    /** @param mainLoop null in reusePort and UDP mode */
    Shutdown(EventLoop mainLoop, EventLoop[] subLoops, AfterLoops afterLoops) {
        this.mainLoop = mainLoop;
        this.subLoops = subLoops;
        this.afterLoops = afterLoops;
    }

    void stop(Duration timeout) {
        if (onLoopThread()) {
            inBackground(); // a loop cannot wait for itself to finish
            return;
        }
        if (!stopping.compareAndSet(false, true)) {
            awaitStopped(timeout);
            return;
        }
        long deadlineNs = System.nanoTime() + timeout.toNanos();
        try {
            if (mainLoop != null) {
                mainLoop.execute(mainLoop::beginShutdown);
            }
            for (EventLoop loop : subLoops) {
                loop.execute(loop::beginShutdown);
            }
            joinAll(deadlineNs);
            if (mainLoop != null) {
                mainLoop.stopNow();
            }
            for (EventLoop loop : subLoops) {
                loop.stopNow();
            }
            joinAll(System.nanoTime() + Math.min(timeout.toNanos(), STOP_NOW_WAIT_NS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            try {
                afterLoops.run();
            } catch (java.io.IOException e) {
                System.err.println("engine: " + e.getMessage());
            } finally {
                stopped = true;
                synchronized (this) {
                    notifyAll();
                }
            }
        }
    }

    /** For {@link Action#SHUTDOWN}: a loop thread cannot wait for itself. */
    void inBackground() {
        if (!stopping.get()) {
            Thread.ofPlatform().name("engine-shutdown").daemon(true)
                    .start(() -> stop(Duration.ofMillis(DEFAULT_STOP_TIMEOUT_MS)));
        }
    }

    boolean isStopped() {
        return stopped;
    }

    private boolean onLoopThread() {
        if (mainLoop != null && mainLoop.inLoop()) {
            return true;
        }
        for (EventLoop loop : subLoops) {
            if (loop.inLoop()) {
                return true;
            }
        }
        return false;
    }

    private void joinAll(long deadlineNs) throws InterruptedException {
        if (mainLoop != null) {
            mainLoop.join(Math.max(1, (deadlineNs - System.nanoTime()) / 1_000_000));
        }
        for (EventLoop loop : subLoops) {
            loop.join(Math.max(1, (deadlineNs - System.nanoTime()) / 1_000_000));
        }
    }

    private void awaitStopped(Duration timeout) {
        long deadlineMs = System.currentTimeMillis() + timeout.toMillis();
        synchronized (this) {
            while (!stopped) {
                long leftMs = deadlineMs - System.currentTimeMillis();
                if (leftMs <= 0) {
                    return;
                }
                try {
                    wait(leftMs);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }
}
