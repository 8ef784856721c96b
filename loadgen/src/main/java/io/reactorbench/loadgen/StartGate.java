package io.reactorbench.loadgen;

import java.io.IOException;

/**
 * Where a run, its connections open, learns the wall-clock instant its warm-up (and so its measured window)
 * begins. One process starts at once; the agents of {@code load --agents K} meet at a barrier and are all given
 * the same instant a little ahead, so their windows cover the same wall-clock seconds ({@link LoadAgents}).
 */
@FunctionalInterface
public interface StartGate {

    /** Start as soon as the connections are open. */
    StartGate NOW = System::currentTimeMillis;

    /**
     * Called once, when this process's connections are open (the ready signal); returns the epoch millisecond at
     * which to start. An instant already past means start at once.
     *
     * @throws IOException when the barrier broke (the parent is gone): the run must not start
     */
    long readyThenAwaitStartEpochMs() throws IOException, InterruptedException;
}
