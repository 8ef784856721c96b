package io.reactorbench.loadgen;

import java.util.Locale;

/** What went wrong with a connection or request; each kind is counted separately. */
public enum ErrorKind {
    /** The connection could not be opened (refused, unreachable, no ports left). */
    CONNECT,
    /** An answer did not come within the per-request timeout. */
    TIMEOUT,
    /** The peer reset or closed the connection while it was in use. */
    RESET,
    /** An answer came back that is not what was asked for. */
    PROTOCOL;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
