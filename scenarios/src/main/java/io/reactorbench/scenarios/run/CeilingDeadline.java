package io.reactorbench.scenarios.run;

import io.reactorbench.loadgen.CeilingPlan;
import io.reactorbench.scenarios.suite.Scenario;
import java.util.List;

/** How long a ceiling ramp may take before the runner calls it hung: every step connected, verified and held. */
final class CeilingDeadline {

    /** The load generator's verification rate when the suite names none (CeilingPlan's default). */
    private static final double DEFAULT_VERIFY_RATE = CeilingPlan.DEFAULT_VERIFY_RATE_PER_SEC;
    /**
     * The slowest rates a ramp that is still moving is allowed: the load generator goes on past its plan while its
     * counts move (105 JVMs on two cores connect at a fraction of what a suite asks), so the runner's bound on a
     * hung ramp must not be tighter.
     */
    private static final double SLOWEST_CONNECT_RATE = 2_000;
    private static final double SLOWEST_VERIFY_RATE = 5_000;
    /** Per step: ending the verification sweep, printing, the runner's GC and samples. */
    private static final long STEP_SLACK_MS = 15_000;

    private CeilingDeadline() {
    }

    /** The runner's GC takes each server process in turn (ServerGroup): allow this much settle pause per process. */
    static final double SETTLE_SECONDS_PER_SERVER_PROCESS = 0.5;

    /**
     * The settle pause a ceiling step gets: the suite's, and at least {@link #SETTLE_SECONDS_PER_SERVER_PROCESS} per
     * server process, so the runner's GC of every process ends before the hold begins (0 stays 0: no pause asked).
     */
    static double settleSeconds(Scenario s, int serverProcesses) {
        double asked = s.ceiling().settleSeconds();
        return asked <= 0 ? 0 : Math.max(asked, serverProcesses * SETTLE_SECONDS_PER_SERVER_PROCESS);
    }

    /** Connecting and verifying at no more than the slowest rates a moving ramp is allowed, plus settles and holds. */
    static long rampMs(Scenario s, int serverProcesses) {
        List<Integer> steps = s.ceiling().steps();
        double verifyRate = Math.min(SLOWEST_VERIFY_RATE,
                s.ceiling().verifyRate() > 0 ? s.ceiling().verifyRate() : DEFAULT_VERIFY_RATE);
        double connectRate = Math.min(SLOWEST_CONNECT_RATE, s.connectRate() > 0 ? s.connectRate() : Double.MAX_VALUE);
        double connectSeconds = steps.getLast() / connectRate;
        double verifySeconds = steps.stream().mapToDouble(step -> step / verifyRate).sum();
        return (long) ((connectSeconds + verifySeconds) * 1000)
                + steps.size() * ((long) ((s.ceiling().holdSeconds() + settleSeconds(s, serverProcesses)) * 1000) + STEP_SLACK_MS);
    }
}
