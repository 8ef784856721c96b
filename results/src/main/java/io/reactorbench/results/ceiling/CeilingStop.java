package io.reactorbench.results.ceiling;

/** Why a connection ramp stopped: the stable codes written in {@code stoppedBy} (issue 18). */
public final class CeilingStop {

    /** MemAvailable fell below the memory guard's floor: the ramp stopped before the machine ran short. */
    public static final String MEMORY_GUARD = "memory-guard";

    private CeilingStop() {
    }
}
