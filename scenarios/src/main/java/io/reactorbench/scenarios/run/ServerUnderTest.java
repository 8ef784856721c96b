package io.reactorbench.scenarios.run;

import io.reactorbench.loadgen.Target;
import io.reactorbench.results.ProbeSample;
import java.util.List;

/** A started server of one cell, probed from inside (when it is a reactorbench JVM) and from outside. */
public interface ServerUnderTest extends AutoCloseable {

    /** Where it listens, as {@code load --target} takes it (TCP, UDP or a Unix-domain socket). */
    Target target();

    /** The process to measure from outside (its descendants are summed in); the first, when there are several. */
    ProcessHandle process();

    /** Every process of the server: one, or the K that share its port (CPU quotas apply to them all). */
    default List<ProcessHandle> processes() {
        return List.of(process());
    }

    /** Whether {@link #probe} carries the JVM's own numbers (allocation, GC, heap), not only /proc's. */
    boolean insideProbe();

    /** One sample: the server's STATS answer (if any) plus CPU, RSS from /proc. */
    ProbeSample probe(String label);

    /**
     * Asks the server to collect garbage, then samples: heap after GC is then the live heap. For servers
     * without an inside probe this is just {@link #probe}.
     */
    ProbeSample collectGarbageAndProbe(String label);

    boolean alive();

    /** Why the server is gone ("exited with code 1: <last line of its log>"), or null while it runs. */
    String exitReason();

    /** Stops the server: end of input, then SIGTERM, then SIGKILL, each after a grace period. */
    @Override
    void close();
}
