package io.reactorbench.results;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** The state of a whole run, as written in {@code run.json}'s {@code status}. */
public enum RunStatus {
    /** Still being written (the runner is alive), or stopped without a chance to say so (SIGKILL). */
    RUNNING,
    /** Every cell was attempted; some cells may still have failed individually. */
    COMPLETE,
    /** Stopped early (Ctrl-C, SIGTERM, crash of the runner): holds what was measured so far. */
    INCOMPLETE,
    /** The run could not proceed at all (e.g. no design could start). */
    FAILED;

    @JsonValue
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static RunStatus parse(String id) {
        return valueOf(id.toUpperCase(Locale.ROOT));
    }
}
