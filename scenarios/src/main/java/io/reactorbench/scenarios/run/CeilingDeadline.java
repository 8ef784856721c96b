package io.reactorbench.scenarios.run;

import io.reactorbench.scenarios.suite.Scenario;
import java.util.List;

/** How long a ceiling ramp may take before the runner calls it hung: every step connected, verified and held. */
final class CeilingDeadline {

    /** The load generator's verification rate when the suite names none (CeilingPlan's default). */
    private static final double DEFAULT_VERIFY_RATE = 20_000;
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

    /** Connecting and verifying at no more than the slowest rates a moving ramp is allowed, plus settles and holds. */
    static long rampMs(Scenario s) {
        List<Integer> steps = s.ceiling().steps();
        double verifyRate = Math.min(SLOWEST_VERIFY_RATE,
                s.ceiling().verifyRate() > 0 ? s.ceiling().verifyRate() : DEFAULT_VERIFY_RATE);
        double connectRate = Math.min(SLOWEST_CONNECT_RATE, s.connectRate() > 0 ? s.connectRate() : Double.MAX_VALUE);
        double connectSeconds = steps.getLast() / connectRate;
        double verifySeconds = steps.stream().mapToDouble(step -> step / verifyRate).sum();
        return (long) ((connectSeconds + verifySeconds) * 1000)
                + steps.size() * ((long) ((s.ceiling().holdSeconds() + s.ceiling().settleSeconds()) * 1000) + STEP_SLACK_MS);
    }
}
