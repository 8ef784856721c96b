package io.reactorbench.scenarios.probe;

import io.reactorbench.wire.spi.RunningServer;
import io.reactorbench.wire.spi.ServerConfig;
import io.reactorbench.wire.spi.ServerDesign;
import java.io.IOException;
import java.net.BindException;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;

/**
 * One {@code reactorbench serve} process: installs the probe, starts the design, prints {@code READY <address>}
 * and serves until SIGTERM, SIGINT or the end of standard input (the probe's control channel), stopping the
 * server once, whichever comes first.
 */
public final class ServeSession {

    static final Duration STOP_TIMEOUT = Duration.ofSeconds(5);
    /** A graceful stop on a signal is a normal end: exit 0, not 143. */
    private static final int EXIT_OK = 0;

    private ServeSession() {
    }

    /**
     * Serves until stopped; returns after a stop at the end of standard input.
     *
     * @param ignoreStdin serve until a signal only, for shells that give standard input /dev/null
     * @throws BindException when the server cannot bind its address
     */
    public static void serve(ServerDesign design, ServerConfig config, boolean ignoreStdin)
            throws IOException, InterruptedException {
        ServerProbe probe = ServerProbe.install(); // before the server starts, so that no GC pause is missed
        RunningServer server = design.start(config);
        ServerStopper stopper = new ServerStopper(server);
        Thread onSignal = new Thread(stopper::stopAndHalt, "serve-shutdown");
        Runtime.getRuntime().addShutdownHook(onSignal);

        System.out.println("READY " + config.transport().format(server.boundAddress()));
        System.out.flush();
        try {
            if (ignoreStdin) {
                new CountDownLatch(1).await(); // only a signal ends this; the shutdown hook stops the server
            } else {
                new StdinControl(System.in, System.out, probe, server).run();
                // Said on stderr because 'serve < /dev/null' (or a shell job without a terminal) otherwise
                // prints READY and exits 0 at once with no hint why.
                System.err.println("serve: end of standard input: stopping (standard input is the control"
                        + " channel; pass --ignore-stdin to serve until SIGTERM/SIGINT)");
            }
        } catch (IOException | InterruptedException | RuntimeException e) {
            stopper.stop();
            try {
                Runtime.getRuntime().removeShutdownHook(onSignal); // so that the error's exit code stands
            } catch (IllegalStateException shuttingDown) {
                // a signal came at the same moment: the hook ends it
            }
            throw e;
        }
        stopper.stop();
        // The hook stays installed on this normal end: a SIGTERM often comes with the end of input (Java's
        // Process.destroy() signals, then closes the pipe), and when the signal's shutdown starts first the JVM
        // would exit 143 unless the hook halts it with 0. On a plain end of input the hook runs at exit too,
        // finds the server stopped, and halts with the same 0.
    }

    /** Stops the server once, whether end of input or a signal comes first. */
    private static final class ServerStopper {

        private final RunningServer server;
        private boolean stopped;

        ServerStopper(RunningServer server) {
            this.server = server;
        }

        synchronized void stop() {
            if (!stopped) {
                stopped = true;
                server.stop(STOP_TIMEOUT);
            }
        }

        /** From the shutdown hook on SIGTERM/SIGINT. */
        void stopAndHalt() {
            stop();
            System.out.flush();
            System.err.flush();
            Runtime.getRuntime().halt(EXIT_OK);
        }
    }
}
