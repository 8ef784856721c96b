package io.reactorbench.loadgen;

import java.util.ArrayList;
import java.util.List;

/**
 * The ramp of the ceiling model ({@link LoadModel#CEILING}), validated once here.
 *
 * @param stepConnections connections held at each step, increasing (an agent's shares may repeat): the whole load's counts in a
 *        {@link LoadSpec} of the whole load, this agent's share in {@link #forShard}
 * @param holdNs how long each step holds its connections under the request rate
 * @param verifyRatePerSec verification echoes per second (one per connection at each step), of this process
 * @param memoryFloorBytes the memory guard's floor (MemAvailable below it stops the ramp); negative for the
 *        guard's default ({@code MemoryGuard.withDefaultFloor})
 * @param settleNs a quiet pause between a step's verification and its hold, announced by a SETTLE line, in which
 *        a runner watching from outside samples the servers (it forces a GC there) without pausing the hold's
 *        requests; 0 = none
 */
public record CeilingPlan(List<Integer> stepConnections, long holdNs, double verifyRatePerSec, long memoryFloorBytes,
                          long settleNs) {

    /** Verification sweeps at this rate by default: 50 s for a million connections, 0.5 s for 10,000. */
    public static final double DEFAULT_VERIFY_RATE_PER_SEC = 20_000;
    public static final String DEFAULT_HOLD = "10s";
    public static final long DEFAULT_MEMORY_FLOOR = -1;

    /** A plan without a settle pause. */
    public CeilingPlan(List<Integer> stepConnections, long holdNs, double verifyRatePerSec, long memoryFloorBytes) {
        this(stepConnections, holdNs, verifyRatePerSec, memoryFloorBytes, 0);
    }

    public CeilingPlan {
        stepConnections = List.copyOf(stepConnections);
        require(!stepConnections.isEmpty(), "the ceiling model needs --steps (connections per step, e.g. 10k,50k,100k)");
        int previous = 0;
        for (int step : stepConnections) {
            require(step > 0 && step >= previous, "--steps must be positive and increasing, got " + stepConnections);
            previous = step;
        }
        require(holdNs > 0, "--hold must be positive");
        require(verifyRatePerSec > 0, "--verify-rate must be positive");
        require(settleNs >= 0, "--settle must not be negative");
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }

    /** The top step: the most connections the ramp asks for. */
    public int topConnections() {
        return stepConnections.getLast();
    }

    /** Agent {@code index} of {@code count}'s plan: its share of each step, as {@link LoadSpec#forShard} splits. */
    public CeilingPlan forShard(int index, int count) {
        List<Integer> shares = new ArrayList<>();
        for (int step : stepConnections) {
            require(step >= count, "cannot split a step of " + step + " connections into " + count + " shards");
            shares.add(share(step, index, count));
        }
        return new CeilingPlan(shares, holdNs, verifyRatePerSec / count, memoryFloorBytes, settleNs);
    }

    /** Part {@code index} of {@code count} of {@code total} items dealt round-robin: the first ones get one more. */
    static int share(int total, int index, int count) {
        return total / count + (index < total % count ? 1 : 0);
    }
}
