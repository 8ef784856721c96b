package io.reactorbench.results.sweep;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * A rate sweep (issue 19 B) in load.json and summary.json: every step it ran and, with an objective, the highest
 * rate that met it. A knee is claimed only where it was found: a step that met the objective and a step above it
 * that broke it.
 *
 * @param find                {@code max-rate} when the rates were searched; null for a fixed list ({@code rates})
 * @param objective           the limits a step had to meet; null for a plain sweep without one
 * @param steps               the steps in the order they ran
 * @param sustainedRatePerSec the highest offered rate that met the objective below the lowest rate that broke it;
 *                            null without an objective or when no step met it
 * @param brokenByStep        index of the lowest-rate step above the sustained rate that broke the objective (the
 *                            knee's upper side); null when none did
 * @param kneeFound           true when both sides of the knee were measured (a sustained rate and a step that broke)
 * @param outcome             one sentence: what was found and why the sweep ended (resolution reached, step or
 *                            time bound, no step broke the objective, every step broke it)
 */
public record SweepResult(@JsonInclude(JsonInclude.Include.NON_NULL) String find,
        @JsonInclude(JsonInclude.Include.NON_NULL) SweepObjective objective, List<SweepStep> steps,
        @JsonInclude(JsonInclude.Include.NON_NULL) Double sustainedRatePerSec,
        @JsonInclude(JsonInclude.Include.NON_NULL) Integer brokenByStep, boolean kneeFound, String outcome) {

    /** The value of {@link #find} for a search of the highest sustained rate. */
    public static final String FIND_MAX_RATE = "max-rate";

    public SweepResult {
        steps = List.copyOf(steps);
    }

    /**
     * The step whose errors speak for the sweep where one figure is asked of it (the gate's {@code errors} and
     * {@code errorRate}): the sustained step, which met the objective's error limit by definition, or, when no step
     * met the objective, the lowest-rate step measured, so that a server failing even at its lowest rate still shows
     * it. Steps past the knee fail requests by design: their errors are the search working, not a fault. Empty when
     * no step ran.
     */
    public Optional<SweepStep> representativeStep() {
        if (sustainedRatePerSec != null) {
            Optional<SweepStep> sustained = steps.stream()
                    .filter(s -> Boolean.TRUE.equals(s.metObjective())
                            && s.offeredRatePerSec() == sustainedRatePerSec)
                    .findFirst();
            if (sustained.isPresent()) {
                return sustained;
            }
        }
        return steps.stream().min(Comparator.comparingDouble(SweepStep::offeredRatePerSec));
    }
}
