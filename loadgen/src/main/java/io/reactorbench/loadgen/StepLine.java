package io.reactorbench.loadgen;

import io.reactorbench.results.load.CeilingStep;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The ceiling model's step boundaries as lines on stdout, for a runner watching from outside (it forces a GC on
 * the servers during each hold and reads their memory per step). The one place their format is written and read:
 * <pre>
 * STEP &lt;index&gt; SETTLE &lt;held&gt; connections                     verified; a quiet pause before the hold (--settle)
 * STEP &lt;index&gt; HOLD &lt;held&gt; connections                       the hold began (index 0-based, as in load.json)
 * STEP &lt;index&gt; DONE &lt;held&gt; connections                       the hold ended, the step completed
 * STEP &lt;index&gt; STOPPED &lt;code&gt; &lt;held&gt; connections: &lt;sentence&gt;  the ramp stopped at this step (no more lines)
 * </pre>
 * {@code <code>} is a {@link io.reactorbench.results.load.CeilingStop} id ({@code memory-guard}, {@code fd-limit},
 * ...). With {@code --agents K} the parent prints a step's line once every agent has reached it, with the sum
 * of their connections.
 */
public final class StepLine {

    public enum Event { SETTLE, HOLD, DONE, STOPPED }

    /** One parsed line; {@code code} and {@code detail} only for STOPPED. */
    public record Parsed(int index, Event event, int connections, String code, String detail) {
    }

    private static final Pattern LINE = Pattern.compile(
            "STEP (\\d+) (SETTLE|HOLD|DONE|STOPPED)(?: ([a-z-]+))? (\\d+) connections(?:: (.*))?");

    private StepLine() {
    }

    public static String settle(int index, int connections) {
        return "STEP " + index + " " + Event.SETTLE + " " + connections + " connections";
    }

    public static String hold(int index, int connections) {
        return "STEP " + index + " " + Event.HOLD + " " + connections + " connections";
    }

    /** DONE for a completed step, STOPPED with its code and sentence otherwise. */
    public static String end(CeilingStep step) {
        return step.completed() ? done(step.index(), step.heldConnections())
                : stopped(step.index(), step.stoppedBy().id(), step.heldConnections(), step.stopDetail());
    }

    public static String done(int index, int connections) {
        return "STEP " + index + " " + Event.DONE + " " + connections + " connections";
    }

    public static String stopped(int index, String code, int connections, String detail) {
        return "STEP " + index + " " + Event.STOPPED + " " + code + " " + connections + " connections: " + detail;
    }

    /** The step line {@code line} is, or empty when it is none. */
    public static Optional<Parsed> parse(String line) {
        Matcher m = LINE.matcher(line.strip());
        if (!m.matches()) {
            return Optional.empty();
        }
        return Optional.of(new Parsed(Integer.parseInt(m.group(1)), Event.valueOf(m.group(2)),
                Integer.parseInt(m.group(4)), m.group(3), m.group(5)));
    }
}
