package io.reactorbench.results.ceiling;

import io.reactorbench.results.load.CeilingStop;
import java.util.List;

/**
 * A connection-ceiling cell's ramp in {@code summary.json}: every step it reached, the highest it held, and why it
 * stopped. A ramp stopped by a limit or the memory guard is a result (status ok), not a failure.
 *
 * @param steps          the steps reached, in order; the last may be incomplete ({@code stoppedBy} set)
 * @param highestHeld    connections held at the highest completed step; 0 when none completed
 * @param stoppedBy      why the ramp ended before its last step, or null when it completed every step
 * @param stoppedBecause the sentence behind {@code stoppedBy}; null when it completed
 */
public record CeilingResult(List<CeilingStepResult> steps, long highestHeld, CeilingStop stoppedBy, String stoppedBecause) {

    public CeilingResult {
        steps = List.copyOf(steps);
    }
}
