package io.reactorbench.conformance;

import io.reactorbench.wire.spi.Availability;
import io.reactorbench.wire.spi.RunningServer;
import io.reactorbench.wire.spi.ServerConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Map.Entry;
import org.junit.jupiter.api.Assumptions;

/**
 * The servers one test class runs: started on first use (127.0.0.1, port 0, 2 loops), shared by the class's
 * cases for the same target, stopped by the class's {@code @AfterAll}. An unavailable design aborts the case
 * with its cause printed, so it shows as skipped with a reason rather than passing.
 */
final class Servers {

    static final int LOOPS = 2;
    static final Duration STOP_TIMEOUT = Duration.ofSeconds(5);

    private final Map<Target, RunningServer> running = new LinkedHashMap<>();
    private final Map<Target, RuntimeException> failedToStart = new LinkedHashMap<>();

    /** The address of the target's server, starting it if needed; aborts the test when the design is unavailable. */
    synchronized InetSocketAddress addressOf(Target target) {
        return serverOf(target).address();
    }

    synchronized RunningServer serverOf(Target target) {
        abortIfUnavailable(target);
        RuntimeException earlier = failedToStart.get(target);
        if (earlier != null) {
            throw earlier;
        }
        RunningServer server = running.get(target);
        if (server == null) {
            try {
                server = start(target);
            } catch (RuntimeException e) {
                failedToStart.put(target, e);
                throw e;
            }
            running.put(target, server);
        }
        return server;
    }

    static RunningServer start(Target target) {
        try {
            return target.design().start(new ServerConfig("127.0.0.1", 0, LOOPS, target.app(),
                    target.variant().options()));
        } catch (IOException e) {
            throw new UncheckedIOException(target + " did not start", e);
        }
    }

    static void abortIfUnavailable(Target target) {
        Availability availability = target.design().availability();
        if (!availability.available()) {
            String reason = target.design().id() + " unavailable here: " + availability.cause();
            System.out.println("SKIPPED " + target + ": " + reason);
            Assumptions.abort(reason);
        }
    }

    /**
     * Waits until {@code server} has {@code expected} open connections, or {@code withinMs} passed; returns how many
     * it has then. A design may take a moment to notice that a peer went away.
     */
    static int awaitOpenConnections(RunningServer server, int expected, long withinMs) throws InterruptedException {
        long deadlineMs = System.currentTimeMillis() + withinMs;
        while (server.openConnections() != expected && System.currentTimeMillis() < deadlineMs) {
            Thread.sleep(20);
        }
        return server.openConnections();
    }

    /** Stops every server this class started; each must return within {@link #STOP_TIMEOUT}. */
    synchronized void stopAll() {
        for (Entry<Target, RunningServer> entry : running.entrySet()) {
            try {
                entry.getValue().stop(STOP_TIMEOUT);
            } catch (RuntimeException e) {
                System.out.println("STOP FAILED " + entry.getKey() + ": " + e);
            }
        }
        running.clear();
    }
}
