package io.reactorbench.engine;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Cross-thread commands for one loop (new connections from the acceptor, asyncWrite, asyncClose, wake):
 * many producers, one consumer, and a wake-up only when the loop may be asleep — producers that find a
 * wake-up already requested skip the system call, which costs about a microsecond here.
 *
 * <p>A task that throws is reported and the next one runs. When the loop stops it {@link #close}s the queue:
 * from then on no wake-up reaches the poller (whose wake-up fd is about to be closed, and its number reused),
 * and every task still queued, or offered later, is dropped — {@link AbandonableTask}s are told to let go
 * of what they hold.
 */
final class TaskQueue {

    /** How the queue wakes its loop (eventfd write or {@code Selector.wakeup()}). */
    interface Waker {
        void wakeup();
    }

    /** Added to {@link #wakersInside} on close: the count turns negative, and stays so. */
    private static final int CLOSED = Integer.MIN_VALUE;

    private final Queue<Runnable> tasks = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean wakeupRequested = new AtomicBoolean();
    /**
     * Producers inside {@link Waker#wakeup()} right now, plus {@link #CLOSED} once closed. Close waits for the
     * count to reach zero, so the poller closes its wake-up fd only when no producer can still write to it.
     */
    private final AtomicInteger wakersInside = new AtomicInteger();
    private final Waker waker;
    private final Consumer<Throwable> onTaskFailure;

    TaskQueue(Waker waker, Consumer<Throwable> onTaskFailure) {
        this.waker = waker;
        this.onTaskFailure = onTaskFailure;
    }

    /** From any thread. */
    void offer(Runnable task) {
        tasks.offer(task);
        if (wakersInside.get() < 0) { // closed: the closing drain may have missed this task
            abandonAll();
            return;
        }
        // get() first: a plain read is cheaper than the CAS when a wake-up is already on its way
        if (!wakeupRequested.get() && !wakeupRequested.getAndSet(true)) {
            wakeup();
        }
    }

    /** From any thread: wakes the loop, unless the queue is closed (then the poller may be gone). */
    void wakeup() {
        int before = wakersInside.getAndIncrement();
        try {
            if (before >= 0) {
                waker.wakeup();
            }
        } finally {
            wakersInside.decrementAndGet();
        }
    }

    boolean isEmpty() {
        return tasks.isEmpty();
    }

    /** On the loop thread: runs at most {@code limit} tasks; returns how many ran. */
    int drain(int limit) {
        // Cleared before draining so a task offered from now on requests a fresh wake-up.
        wakeupRequested.set(false);
        int ran = 0;
        while (ran < limit) {
            Runnable task = tasks.poll();
            if (task == null) {
                break;
            }
            ran++;
            try {
                task.run();
            } catch (Throwable t) {
                onTaskFailure.accept(t); // one failing task must not stop the loop or the tasks behind it
            }
        }
        return ran;
    }

    /**
     * On the loop thread, once, before its poller closes: refuses wake-ups from now on, waits for those
     * under way (each one system call), and abandons every queued task.
     */
    void close() {
        if (wakersInside.get() < 0) {
            return;
        }
        wakersInside.getAndAdd(CLOSED);
        while (wakersInside.get() != CLOSED) {
            Thread.yield(); // a producer is inside the eventfd write: it leaves within microseconds
        }
        abandonAll();
    }

    boolean isClosed() {
        return wakersInside.get() < 0;
    }

    private void abandonAll() {
        for (Runnable task = tasks.poll(); task != null; task = tasks.poll()) {
            if (task instanceof AbandonableTask held) {
                try {
                    held.abandon();
                } catch (Throwable t) {
                    onTaskFailure.accept(t);
                }
            }
        }
    }
}
