package io.reactorbench.scenarios.run;

import io.reactorbench.scenarios.suite.Scenario;
import java.util.List;

/** How long a ceiling ramp may take before the runner calls it hung: every step connected, verified and held. */
final class CeilingDeadline {

    /** The load generator's verification rate when the suite names none (CeilingPlan's default). */
    private static final double DEFAULT_VERIFY_RATE = 20_000;
    /** Per step: ending the verification sweep, printing, the runner's GC and samples. */
    private static final long STEP_SLACK_MS = 15_000;

    private CeilingDeadline() {
    }

    /** Twice the planned connect and verify time (a loaded 2-core machine connects slower than asked) plus holds. */
    static long rampMs(Scenario s) {
        List<Integer> steps = s.ceiling().steps();
        double verifyRate = s.ceiling().verifyRate() > 0 ? s.ceiling().verifyRate() : DEFAULT_VERIFY_RATE;
        double connectSeconds = s.connectRate() > 0 ? steps.getLast() / s.connectRate() : 0;
        double verifySeconds = steps.stream().mapToDouble(step -> step / verifyRate).sum();
        return (long) (2 * (connectSeconds + verifySeconds) * 1000)
                + steps.size() * ((long) ((s.ceiling().holdSeconds() + s.ceiling().settleSeconds()) * 1000) + STEP_SLACK_MS);
    }
}
