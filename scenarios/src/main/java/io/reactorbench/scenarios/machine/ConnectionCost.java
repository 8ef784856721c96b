package io.reactorbench.scenarios.machine;

/**
 * Memory a held loopback connection costs, for planning how many fit. Defaults are the measurements on this
 * machine class (MACHINE-NOTES, issue 18).
 *
 * @param kernelBytesPerPair       kernel slab per idle loopback connection pair (both sockets)
 * @param serverBytesPerConnection server RSS per idle connection
 * @param clientBytesPerConnection load generator memory per client connection
 * @param jvmBytesPerProcess       a JVM's RSS before any connection (server or load process)
 * @param threadsPerProcess        threads a JVM runs besides connection threads (GC, JIT, event loops)
 */
public record ConnectionCost(long kernelBytesPerPair, long serverBytesPerConnection, long clientBytesPerConnection,
        long jvmBytesPerProcess, long threadsPerProcess) {

    /** ≈ 10 KB of slab per pair, ≤ 400 B server RSS, ~1 KiB per client (141 B heap plus its buffers), ~60 MB per JVM. */
    public static final ConnectionCost DEFAULT = new ConnectionCost(10_240, 400, 1_024, 60L << 20, 50);

    public long bytesPerConnection() {
        return kernelBytesPerPair + serverBytesPerConnection + clientBytesPerConnection;
    }
}
