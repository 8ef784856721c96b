package io.reactorbench.report.model;

import io.reactorbench.results.ceiling.CeilingResult;
import io.reactorbench.results.ceiling.CeilingStepResult;
import io.reactorbench.results.load.CeilingStop;

/**
 * What a connection-ceiling ramp came to, as the report and the console say it: the connections held at its highest
 * completed step, that step (whose memory per connection and latency are the ramp's headline), and what stopped it.
 *
 * @param topStep        the highest completed step; null when no step completed
 * @param stopLabel      the stop code ({@code memory-guard}, {@code fd-limit}, ...) or {@link #COMPLETED}
 * @param stoppedBecause the sentence behind the stop; null when the ramp completed
 */
public record CeilingOutcome(long highestHeld, CeilingStepResult topStep, String stopLabel, String stoppedBecause) {

    /** The label of a ramp that did every step it was given. */
    public static final String COMPLETED = "completed";

    public static CeilingOutcome of(CeilingResult ceiling) {
        CeilingStepResult top = null;
        for (CeilingStepResult step : ceiling.steps()) {
            if (step.completed() && (top == null || step.load().heldConnections() >= top.load().heldConnections())) {
                top = step;
            }
        }
        return new CeilingOutcome(ceiling.highestHeld(), top, stopLabel(ceiling.stoppedBy()), ceiling.stoppedBecause());
    }

    /** A step's or a ramp's stop code, {@link #COMPLETED} for none. */
    public static String stopLabel(CeilingStop stop) {
        return stop == null ? COMPLETED : stop.id();
    }

    public boolean completed() {
        return COMPLETED.equals(stopLabel);
    }
}
