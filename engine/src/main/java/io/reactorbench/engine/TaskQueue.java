package io.reactorbench.engine;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Cross-thread commands for one loop (new connections from the acceptor, asyncWrite, asyncClose, wake):
 * many producers, one consumer, and a wake-up only when the loop may be asleep — producers that find a
 * wake-up already requested skip the system call, which costs about a microsecond here.
 */
final class TaskQueue {

    /** How the queue wakes its loop (eventfd write or {@code Selector.wakeup()}). */
    interface Waker {
        void wakeup();
    }

    private final Queue<Runnable> tasks = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean wakeupRequested = new AtomicBoolean();
    private final Waker waker;

    TaskQueue(Waker waker) {
        this.waker = waker;
    }

    /** From any thread. */
    void offer(Runnable task) {
        tasks.offer(task);
        // get() first: a plain read is cheaper than the CAS when a wake-up is already on its way
        if (!wakeupRequested.get() && !wakeupRequested.getAndSet(true)) {
            waker.wakeup();
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
            task.run();
        }
        return ran;
    }
}
