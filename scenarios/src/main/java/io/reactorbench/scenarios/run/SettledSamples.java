package io.reactorbench.scenarios.run;

import io.reactorbench.loadgen.Target;
import io.reactorbench.results.ProbeSample;
import io.reactorbench.wire.spi.Transport;
import java.io.Closeable;
import java.io.IOException;
import java.net.Socket;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Samples a server's resident memory until it holds still, for the idle memory figures. One sample is not
 * enough: the JVM's own native churn (JIT code installed, compiler arenas freed, malloc trims) moves its
 * resident memory by megabytes from one second to the next, more than thousands of idle connections of a lean
 * design cost. So, after a GC, samples are taken {@link #INTERVAL_MS} apart until the last {@link #WINDOW} of
 * them agree within {@link #SETTLED_BYTES} with the same connections open while the process is nearly idle,
 * or {@link #MAX_SAMPLES} were
 * taken; the last {@link #WINDOW} are returned either way, and their spread becomes the figure's resolution.
 */
final class SettledSamples {

    static final long INTERVAL_MS = 200;
    static final int WINDOW = 5;
    static final int MAX_SAMPLES = 15;
    static final long SETTLED_BYTES = 64 * 1024;
    /** CPU the server may burn across the window and still count as idle (answering STATS costs a little). */
    static final double IDLE_CPU_FRACTION = 0.10;

    private SettledSamples() {
    }

    /**
     * Asks for a GC, then samples until settled. Every sample goes to {@code record} (so server.jsonl has them
     * all, labelled {@code label}); the returned list holds the settled ones, in time order.
     */
    static List<ProbeSample> take(ServerUnderTest server, String label, Consumer<ProbeSample> record)
            throws InterruptedException {
        List<ProbeSample> all = new ArrayList<>();
        ProbeSample first = server.collectGarbageAndProbe(label);
        record.accept(first);
        all.add(first);
        while (all.size() < MAX_SAMPLES && !(all.size() >= WINDOW && settled(last(all)))) {
            Thread.sleep(INTERVAL_MS);
            ProbeSample next = server.probe(label);
            record.accept(next);
            all.add(next);
        }
        return last(all);
    }

    /**
     * Opens and closes a few connections before the "before" side is sampled, so that the classes and buffers a
     * server sets up on its first connection are not counted as the cost of the measured ones.
     */
    static void prime(Target target, int connections) {
        List<Closeable> sockets = new ArrayList<>();
        try {
            for (int i = 0; i < connections; i++) {
                if (target.transport() == Transport.UNIX) {
                    // connects at once while the listener's backlog has room, and a handful is far below any backlog
                    sockets.add(SocketChannel.open(target.address()));
                } else {
                    Socket socket = new Socket();
                    sockets.add(socket);
                    socket.connect(target.address(), 1_000);
                }
            }
        } catch (IOException ignored) {
            // priming is best effort: the measurement proper will tell if the server does not accept
        } finally {
            for (Closeable socket : sockets) {
                try {
                    socket.close();
                } catch (IOException ignored) {
                    // closing a local socket does not fail in a way that matters here
                }
            }
        }
    }

    /** The memory figure the settling is judged on: smaps_rollup's Anonymous, else VmRSS. */
    static Long memory(ProbeSample sample) {
        return sample.anonBytes() != null ? sample.anonBytes() : sample.rssBytes();
    }

    static boolean settled(List<ProbeSample> window) {
        long min = Long.MAX_VALUE;
        long max = Long.MIN_VALUE;
        for (ProbeSample sample : window) {
            Long bytes = memory(sample);
            if (bytes == null) {
                return true; // nothing to wait for
            }
            min = Math.min(min, bytes);
            max = Math.max(max, bytes);
        }
        ProbeSample first = window.getFirst();
        ProbeSample last = window.getLast();
        for (ProbeSample sample : window) {
            if (sample.connections() != null && !sample.connections().equals(first.connections())) {
                return false; // the server is still accepting (or losing) connections
            }
        }
        boolean quiet = true;
        if (first.procCpuNs() != null && last.procCpuNs() != null && last.atMs() > first.atMs()) {
            double cpuMs = (last.procCpuNs() - first.procCpuNs()) / 1e6;
            quiet = cpuMs <= IDLE_CPU_FRACTION * (last.atMs() - first.atMs());
        }
        return max - min <= SETTLED_BYTES && quiet;
    }

    private static List<ProbeSample> last(List<ProbeSample> all) {
        return List.copyOf(all.subList(Math.max(0, all.size() - WINDOW), all.size()));
    }
}
