package io.reactorbench.loadgen;

import io.reactorbench.results.load.CeilingStop;
import java.util.Locale;

/**
 * What the ceiling model's coordinator ({@link CeilingRamp}), or the sweep model's ({@link RateSweep}), and its workers share: the step's connection count,
 * the verification round, the hold, and a limit a worker ran into while connecting. Written by the coordinator
 * (the limit by workers), read by the workers on every loop turn.
 */
final class StepControl {

    /**
     * One step's hold: an open-loop rate of {@code ratePerSec} (this process's, over its connections) from
     * {@code startNs} to {@code endNs}; {@code round} tells holds apart.
     */
    record Hold(int round, double ratePerSec, long startNs, long endNs) {
    }

    /** This process's connections of the current step (0 before the first). */
    private volatile int connections;
    /** Bumped at each step's verification sweep; 0 before the first. */
    private volatile int verifyRound;
    private volatile Hold hold;
    private volatile CeilingStop limit;
    private volatile String limitDetail;

    int connections() {
        return connections;
    }

    void openUpTo(int stepConnections) {
        connections = stepConnections;
    }

    int verifyRound() {
        return verifyRound;
    }

    /** Starts a verification round and returns its number (each worker counts its own: {@code LoadWorker.verified}). */
    int startVerify() {
        return ++verifyRound;
    }

    Hold hold() {
        return hold;
    }

    void startHold(double ratePerSec, long startNs, long endNs) {
        Hold previous = hold;
        hold = new Hold(previous == null ? 1 : previous.round() + 1, ratePerSec, startNs, endNs);
    }

    /** A limit a connect ran into (fd or port), the first one seen; null while none. */
    CeilingStop limit() {
        return limit;
    }

    String limitDetail() {
        return limitDetail;
    }

    /**
     * Notes a failed connect that says a process limit was reached: EMFILE (out of file descriptors), or
     * EADDRNOTAVAIL / EADDRINUSE on binding a source (out of local ports). Both pollers' messages are read: the
     * epoll poller's carry the errno's name, NIO's the C library's text.
     */
    void onConnectFailed(String description) {
        CeilingStop found = limitOf(description);
        if (found != null && limit == null) {
            limitDetail = description;
            limit = found;
        }
    }

    static CeilingStop limitOf(String description) {
        String text = description.toLowerCase(Locale.ROOT);
        if (text.contains("emfile") || text.contains("too many open files")) {
            return CeilingStop.FD_LIMIT;
        }
        if (text.contains("eaddrnotavail") || text.contains("cannot assign requested address")
                || text.contains("bind") && (text.contains("eaddrinuse") || text.contains("address already in use"))) {
            return CeilingStop.PORT_LIMIT;
        }
        return null;
    }
}
