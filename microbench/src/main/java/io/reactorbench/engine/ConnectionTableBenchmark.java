package io.reactorbench.engine;

import io.reactorbench.microbench.JvmArgs;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Is the engine's flat connection table cheaper than a {@code HashMap<Integer, Object>} — the gnet write-up's
 * {@code map[int]*conn} point, measured? With 10k or 100k open connections (fds 16 and up, dense, as the kernel
 * hands them out), {@code lookup} does what a loop does on every readiness event (find the connection, check its
 * state, fetch its handler context) and {@code removeThenAdd} is churn: one connection closes and the next one
 * accepted gets the same fd (the kernel reuses the lowest free fd). The fds come in a shuffled order, so neither
 * design gets a free ride from sequential access. The store is a {@code @Param} resolved by
 * {@link ConnectionStore#create}.
 *
 * <p>Pitfalls avoided: the fd order is precomputed in {@code @Setup} (no random-number cost in the measurement)
 * and read from a {@code @State} field (no constant key to fold); lookups return the context, so they cannot be
 * dropped. Under {@code -prof gc} the map shows what the write-up complains about: an entry node, a connection
 * object and a boxed key (for fds above 127) per add, all of which the GC must later trace; the flat table
 * shows ~0 B/op.
 *
 * <p>Lives in {@code io.reactorbench.engine} because {@link ConnectionTable} is package-private.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {JvmArgs.NATIVE_ACCESS, JvmArgs.UNSAFE_ALLOWED, JvmArgs.HEAP_MIN, JvmArgs.HEAP_MAX})
public class ConnectionTableBenchmark {

    /** The lowest fd a connection gets (0-2 are stdio, then the JVM's own files, the epoll fd, the listener). */
    static final int FIRST_FD = 16;

    @Param({"flat-table", "hash-map"})
    String store;

    @Param({"10000", "100000"})
    int connections;

    private ConnectionStore connectionStore;
    private int[] shuffledFds;
    private Object[] contexts;
    private int next;

    @Setup
    public void setUp() {
        connectionStore = ConnectionStore.create(store);
        contexts = new Object[connections];
        shuffledFds = new int[connections];
        for (int i = 0; i < connections; i++) {
            contexts[i] = new Object(); // stands for the connection's ServerSession
            connectionStore.add(FIRST_FD + i, contexts[i]);
            shuffledFds[i] = FIRST_FD + i;
        }
        SplittableRandom random = new SplittableRandom(42);
        for (int i = connections - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = shuffledFds[i];
            shuffledFds[i] = shuffledFds[j];
            shuffledFds[j] = swap;
        }
    }

    private int nextFd() {
        int i = next;
        next = i + 1 == shuffledFds.length ? 0 : i + 1;
        return shuffledFds[i];
    }

    @Benchmark
    public Object lookup() {
        return connectionStore.lookup(nextFd());
    }

    @Benchmark
    public Object removeThenAdd() {
        int fd = nextFd();
        connectionStore.remove(fd);
        Object context = contexts[fd - FIRST_FD];
        connectionStore.add(fd, context);
        return context;
    }

    /*
     * How to run (after `mvn -B -o -q -pl microbench package`):
     *   java --enable-native-access=ALL-UNNAMED -jar microbench/target/benchmarks.jar ConnectionTableBenchmark -prof gc
     * One store or size: add `-p store=hash-map -p connections=100000`.
     */
}
