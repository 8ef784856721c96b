package io.reactorbench.scenarios.probe;

import io.reactorbench.wire.spi.RunningServer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The control channel of {@code serve}: one command per line on standard input, one answer line on standard
 * output ({@link ProbeProtocol}). {@code STATS} answers {@code STATS {json}}, {@code GC} collects and answers
 * {@code GC {json}}; end of input means "stop".
 */
public final class StdinControl {

    /** GC notifications arrive on another thread after System.gc() returns; wait this long for the first one. */
    private static final long GC_NOTIFICATION_WAIT_MS = 1_000;
    private static final long GC_QUIET_MS = 50;

    private final InputStream in;
    private final PrintStream out;
    private final ServerProbe probe;
    private final RunningServer server;

    public StdinControl(InputStream in, PrintStream out, ServerProbe probe, RunningServer server) {
        this.in = in;
        this.out = out;
        this.probe = probe;
        this.server = server;
    }

    /** Answers commands until end of input. */
    public void run() throws IOException {
        BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        String line;
        while ((line = lines.readLine()) != null) {
            String command = line.strip();
            if (!command.isEmpty()) {
                answer(command);
            }
        }
    }

    private void answer(String command) {
        String reply = switch (command.toUpperCase(Locale.ROOT)) {
            case ProbeProtocol.STATS -> ProbeProtocol.answer(ProbeProtocol.STATS, probe.sample(server));
            case ProbeProtocol.GC -> {
                collect();
                yield ProbeProtocol.answer(ProbeProtocol.GC, probe.sample(server));
            }
            default -> "ERROR unknown command " + command;
        };
        synchronized (out) {
            out.println(reply);
            out.flush();
        }
    }

    private void collect() {
        long before = probe.notifications();
        System.gc();
        System.gc();
        // Wait for the notifications of both collections: the first, then until none came for a while.
        long deadlineNs = System.nanoTime() + GC_NOTIFICATION_WAIT_MS * 1_000_000;
        long seen = before;
        long quietSinceNs = System.nanoTime();
        while (System.nanoTime() < deadlineNs) {
            long now = probe.notifications();
            if (now != seen) {
                seen = now;
                quietSinceNs = System.nanoTime();
            } else if (seen != before && System.nanoTime() - quietSinceNs > GC_QUIET_MS * 1_000_000) {
                return;
            }
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
