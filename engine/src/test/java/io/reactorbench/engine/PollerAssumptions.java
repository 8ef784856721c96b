package io.reactorbench.engine;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.reactorbench.sys.PollerKind;

/**
 * Tests parameterised over pollers run a poller only where it works: io_uring may be blocked (a seccomp profile,
 * {@code kernel.io_uring_disabled}), and then its cases are skipped with the reason, not failed.
 */
public final class PollerAssumptions {

    private PollerAssumptions() {
    }

    public static void assumeAvailable(PollerKind poller) {
        String cause = poller.unavailabilityCause();
        assumeTrue(cause == null, () -> poller.id() + " poller unavailable here: " + cause);
    }
}
