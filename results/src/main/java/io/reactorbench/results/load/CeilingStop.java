package io.reactorbench.results.load;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * Why a connection-ceiling ramp stopped at a step ({@link CeilingStep#stoppedBy()}): a stable short code for
 * scripts and the report, beside the sentence that says it to a person ({@link CeilingStep#stopDetail()}).
 */
public enum CeilingStop {
    /** Connects refused or failed beyond the step's error budget. */
    CONNECT_ERRORS,
    /** Connects, verification echoes or hold requests not answered in time beyond the budget. */
    TIMEOUTS,
    /** Connections reset or answered wrongly beyond the budget. */
    ERRORS,
    /** The process ran out of file descriptors (EMFILE). */
    FD_LIMIT,
    /** No local port left for a source/destination pair (EADDRNOTAVAIL, or EADDRINUSE binding a source). */
    PORT_LIMIT,
    /** MemAvailable fell below the memory guard's floor. */
    MEMORY_GUARD,
    /** A signal (Ctrl-C, SIGTERM) ended the run. */
    STOPPED;

    /** The code as written: {@code connect-errors}, {@code fd-limit}, ... */
    @JsonValue
    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    @JsonCreator
    public static CeilingStop parse(String id) {
        for (CeilingStop stop : values()) {
            if (stop.id().equals(id)) {
                return stop;
            }
        }
        throw new IllegalArgumentException("unknown ceiling stop reason '" + id + "'");
    }
}
