package io.reactorbench.scenarios.probe;

import io.reactorbench.results.ProbeSample;
import io.reactorbench.wire.spi.RunningServer;
import java.net.InetSocketAddress;
import java.time.Duration;

/**
 * Runs in a child JVM started with the GC under test (the test JVM's own heap is too large for a few young GCs):
 * installs the probe, waits until its pause source is the one named by the argument ("jfr", or "notifications"
 * when JFR is turned off), allocates enough for several collections and prints one STATS answer line, or
 * "NO-SOURCE" and the last answer when that source never came.
 */
final class GcPauseProbeChild {

    private static final long JFR_START_TIMEOUT_MS = 30_000;
    private static final int ALLOCATION_ROUNDS = 400;
    private static final int ARRAYS_PER_ROUND = 1_000;
    private static final int ARRAY_BYTES = 1_024; // 400 MB in all: a 64 MB heap collects many times

    static volatile Object sink;

    public static void main(String[] args) throws InterruptedException {
        String expectedSource = args[0];
        ServerProbe probe = ServerProbe.install();
        RunningServer server = new NoServer();
        long deadlineNs = System.nanoTime() + JFR_START_TIMEOUT_MS * 1_000_000;
        ProbeSample stats = probe.sample(server);
        while (!expectedSource.equals(stats.gcPauseSource())) {
            if (System.nanoTime() > deadlineNs) {
                System.out.println("NO-SOURCE " + ProbeProtocol.answer(ProbeProtocol.STATS, stats));
                return;
            }
            Thread.sleep(50);
            stats = probe.sample(server);
        }
        Object[] survivors = new Object[64]; // some data survives a young GC, as on a server
        for (int round = 0; round < ALLOCATION_ROUNDS; round++) {
            for (int i = 0; i < ARRAYS_PER_ROUND; i++) {
                sink = new byte[ARRAY_BYTES];
            }
            survivors[round % survivors.length] = sink;
        }
        sink = survivors;
        System.out.println(ProbeProtocol.answer(ProbeProtocol.STATS, probe.sample(server)));
    }

    private static final class NoServer implements RunningServer {
        @Override
        public InetSocketAddress address() {
            return new InetSocketAddress(0);
        }

        @Override
        public int openConnections() {
            return 0;
        }

        @Override
        public void stop(Duration timeout) {
        }
    }
}
