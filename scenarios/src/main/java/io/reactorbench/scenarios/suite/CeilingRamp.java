package io.reactorbench.scenarios.suite;

import java.util.List;

/**
 * A connection-ceiling scenario's ramp (issue 18, model {@code ceiling}): connections are opened in steps at the
 * scenario's connect rate; at each step every connection held is verified by one echo round trip, then a small
 * open-loop rate (the scenario's {@code rate}) runs over connections chosen at random for {@code holdSeconds}. The
 * ramp stops at the first step it cannot complete (errors, a limit, or the memory guard) and keeps the steps before.
 *
 * @param steps            total connections at each step, strictly increasing; the last is the scenario's connections
 * @param holdSeconds      how long each step runs its active requests once verified
 * @param verifyRate       verification round trips per second over the whole load; 0 = the load generator's default
 * @param memoryFloorBytes the memory guard stops the ramp when MemAvailable would fall below this; 0 = its default
 * @param settleSeconds    a quiet pause between each step's verification and its hold, in which the runner samples
 *                         the servers after a GC: the runner's own GC then pauses no active request
 */
public record CeilingRamp(List<Integer> steps, double holdSeconds, double verifyRate, long memoryFloorBytes,
                          double settleSeconds) {

    /** Enough for the runner's GC and samples of every server process, and the agents' spread at a step. */
    public static final double DEFAULT_SETTLE_SECONDS = 3;

    public CeilingRamp {
        steps = List.copyOf(steps);
        if (steps.isEmpty()) {
            throw new IllegalArgumentException("a ceiling ramp needs at least one step");
        }
    }

    public int topStep() {
        return steps.getLast();
    }
}
