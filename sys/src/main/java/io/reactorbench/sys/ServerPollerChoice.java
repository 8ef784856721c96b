package io.reactorbench.sys;

import java.util.function.Supplier;

/**
 * The poller a server runs, as {@link PollerKind#resolveForServer} chose it, and why {@link PollerKind#AUTO} did not
 * take io_uring when it did not: a value a CLI prints on one line ({@link #describe()}), as platform support is.
 *
 * @param poller   the poller that runs: never {@link PollerKind#AUTO}
 * @param fallback why auto did not pick io_uring (its unavailability cause, or what the server needs that the uring
 *                 poller lacks); null when auto picked it, and when a poller was named
 */
public record ServerPollerChoice(PollerKind poller, String fallback) {

    /** Why auto leaves a UDP server off io_uring. */
    static final String DATAGRAMS = "UDP on the uring poller is not measured yet";
    /** Why auto leaves an edge-triggered server off io_uring. */
    static final String EDGE_TRIGGERED = "edge-triggered is an epoll mode";

    public ServerPollerChoice {
        if (poller == null || poller == PollerKind.AUTO) {
            throw new IllegalArgumentException("a server runs a concrete poller, got " + poller);
        }
    }

    /**
     * What {@link PollerKind#AUTO} picks for a server, with this machine's facts passed in (tests fake them):
     * {@code uringUnavailability} is asked only when io_uring would otherwise be picked (the first ask opens a ring),
     * {@code readinessPoller} is what auto picks among the readiness pollers here (epoll, or nio without it).
     */
    static ServerPollerChoice auto(boolean datagrams, boolean edgeTriggered, Supplier<String> uringUnavailability,
            PollerKind readinessPoller) {
        // The uring poller serves UDP (a multishot recvmsg, SENDMSG replies), but that path is tested, not measured:
        // the default stays on the readiness poller whose UDP figures are in docs/BENCHMARKS.md until it is.
        if (datagrams) {
            return new ServerPollerChoice(readinessPoller, DATAGRAMS);
        }
        // Edge-triggered readiness is an epoll registration flag: asking for it asks for epoll.
        if (edgeTriggered) {
            return new ServerPollerChoice(readinessPoller, EDGE_TRIGGERED);
        }
        String cause = uringUnavailability.get();
        return cause == null ? new ServerPollerChoice(PollerKind.URING, null)
                : new ServerPollerChoice(readinessPoller, "io_uring unavailable: " + cause);
    }

    /** {@code uring}, or {@code epoll (io_uring unavailable: <cause>)}: the poller, and why auto fell back if it did. */
    public String describe() {
        return fallback == null ? poller.id() : poller.id() + " (" + fallback + ")";
    }
}
