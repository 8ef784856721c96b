package io.reactorbench.report.model;

import java.util.List;

/** GC pauses of the server in the measured window. */
public record GcStats(long count, double totalMs, double maxMs, List<GcPause> pauses) {

    public static final GcStats NONE = new GcStats(0, 0, 0, List.of());

    public GcStats {
        pauses = List.copyOf(pauses);
    }
}
