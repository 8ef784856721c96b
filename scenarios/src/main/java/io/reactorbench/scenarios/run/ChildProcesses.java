package io.reactorbench.scenarios.run;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Every process the runner started, so that none outlives it: {@link #stopAll} (called by the runner's
 * shutdown hook and at the end of each cell) asks each to terminate, waits briefly, then kills what is left,
 * descendants included (an {@code external:} design runs under {@code sh -c}, a JVM under {@code taskset}).
 */
public final class ChildProcesses {

    private final Set<Process> live = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    /**
     * Tracks a process from the moment it exists. Once {@link #close}d (the runner is shutting down), a
     * process started concurrently is killed at once instead of escaping the final sweep.
     */
    public Process track(Process process) {
        live.add(process);
        if (closed) {
            terminate(process.toHandle(), 0);
            live.remove(process);
            throw new IllegalStateException("the runner is shutting down");
        }
        return process;
    }

    /** No more children from now on. */
    public void close() {
        closed = true;
    }

    public void untrack(Process process) {
        live.remove(process);
    }

    public int count() {
        live.removeIf(p -> !p.isAlive() && p.descendants().noneMatch(ProcessHandle::isAlive));
        return live.size();
    }

    /** SIGTERM to everything tracked and its descendants, up to {@code graceMs} to exit, then SIGKILL. */
    public void stopAll(long graceMs) {
        List<Process> snapshot = new ArrayList<>(live);
        for (Process process : snapshot) {
            terminate(process.toHandle(), graceMs);
            live.remove(process);
        }
    }

    /** Terminates one process tree: descendants first collected (they are re-parented once the parent dies). */
    public static void terminate(ProcessHandle process, long graceMs) {
        List<ProcessHandle> tree = new ArrayList<>(process.descendants().toList());
        tree.addFirst(process);
        tree.forEach(ProcessHandle::destroy);
        long deadlineNs = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(graceMs);
        for (ProcessHandle handle : tree) {
            long leftMs = Math.max(0, TimeUnit.NANOSECONDS.toMillis(deadlineNs - System.nanoTime()));
            try {
                handle.onExit().get(leftMs, TimeUnit.MILLISECONDS);
            } catch (Exception notYet) {
                handle.destroyForcibly();
            }
        }
        tree.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    }
}
