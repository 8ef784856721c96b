package io.reactorbench.microbench;

/**
 * Flags every forked benchmark JVM gets (through {@code @Fork(jvmArgsAppend = ...)}), as compile-time constants so
 * annotations can name them. The same flags the servers run with in the suites, so a microbenchmark measures the
 * code the way it runs there.
 */
public final class JvmArgs {

    /** FFM downcalls (the engine's epoll poller) and Netty's native transports load without warnings. */
    public static final String NATIVE_ACCESS = "--enable-native-access=ALL-UNNAMED";
    /** Netty 4.2 on JDK 25 turns sun.misc.Unsafe off unless allowed; its tuned configuration uses it. */
    public static final String UNSAFE_ALLOWED = "--sun-misc-unsafe-memory-access=allow";
    /** A fixed heap, so GC behaviour does not change with the heap's growth during a run. */
    public static final String HEAP_MIN = "-Xms512m";
    public static final String HEAP_MAX = "-Xmx512m";

    private JvmArgs() {
    }
}
