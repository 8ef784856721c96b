package io.reactorbench.scenarios.probe;

import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;

/**
 * A mark the probe commits into its own JFR stream: JFR hands events over only at its flushes (about once a
 * second), and once the stream delivers a mark committed after a GC, every pause of that GC has been delivered
 * too. Committed once per STATS that follows a GC, never on a request path.
 */
@Name(ProbeMarkEvent.NAME)
@Label("Probe mark")
@StackTrace(false)
final class ProbeMarkEvent extends Event {

    static final String NAME = "io.reactorbench.ProbeMark";

    @Label("Sequence")
    long sequence;
}
