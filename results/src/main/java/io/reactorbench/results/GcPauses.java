package io.reactorbench.results;

import java.util.List;

/** GC pauses of the server JVM inside the measured window, from the JVM's pause beans. */
public record GcPauses(long count, double totalMs, double maxMs, List<GcPause> pauses) {

    public static final GcPauses NONE = new GcPauses(0, 0, 0, List.of());

    public GcPauses {
        pauses = pauses == null ? List.of() : List.copyOf(pauses);
    }
}
