package io.reactorbench.scenarios.suite;

/**
 * CPUs for the server and the load generator, in {@code taskset -c} list syntax ("0", "0-1", "2,3").
 * Null means "do not pin". On 2 cores the default puts the server on CPU 0 and the load on CPU 1, so the
 * two never steal each other's time.
 */
public record CpuSets(String server, String load) {

    public static final CpuSets DEFAULT = new CpuSets("0", "1");
    public static final CpuSets NONE = new CpuSets(null, null);

    public boolean pinned() {
        return server != null || load != null;
    }
}
