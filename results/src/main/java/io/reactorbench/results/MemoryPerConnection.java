package io.reactorbench.results;

/**
 * Memory cost of an idle connection: (value with N connections open − value before connecting) / N.
 * Heap figures are taken after a full GC on both sides, so garbage does not count.
 *
 * <p>The resident figure is small against the JVM's own native churn (JIT code, compiler arenas freed, malloc
 * trims): a server that keeps 50 B per connection moves by megabytes on its own between two samples. So each
 * side is several samples taken until they agree, the value is the difference of their medians, and the
 * resolution says how far that difference can be trusted. A difference within its resolution is reported as
 * such ({@code rssWithinResolution}), never clamped: the true value is then at most
 * {@link #rssUpperBoundBytesPerConnection}.
 *
 * @param connections                     N, the connections open when the second sample was taken
 * @param rssPerConnectionBytes           Δ resident memory / N (see {@code rssSource}); may be negative when the
 *                                        churn outweighed the connections; null when it could not be read
 * @param heapPerConnectionBytes          null for {@code external:} designs
 * @param rssSource                       what was measured: {@code anonymous} ({@code Anonymous} of
 *                                        {@code /proc/<pid>/smaps_rollup}) or {@code vmrss} (VmRSS, when smaps_rollup
 *                                        is unreadable); null in files written before the field existed
 * @param rssResolutionBytesPerConnection (spread of the settled samples before + after + one page each side) / N,
 *                                        plus |Δ|/N when Δ is negative (memory cannot shrink by opening
 *                                        connections, so a drop is churn at least that large); null when unknown
 * @param rssWithinResolution             true when Δ/N ≤ its resolution: nothing above the noise was seen
 * @param vmRssPerConnectionBytes         Δ VmRSS (medians of the same samples) / N, for comparison with older runs
 */
public record MemoryPerConnection(
        int connections,
        Double rssPerConnectionBytes,
        Double heapPerConnectionBytes,
        String rssSource,
        Double rssResolutionBytesPerConnection,
        Boolean rssWithinResolution,
        Double vmRssPerConnectionBytes) {

    public static final String SOURCE_ANONYMOUS = "anonymous";
    public static final String SOURCE_VMRSS = "vmrss";

    /** A figure without resolution (as written before it was added). */
    public MemoryPerConnection(int connections, Double rssPerConnectionBytes, Double heapPerConnectionBytes) {
        this(connections, rssPerConnectionBytes, heapPerConnectionBytes, null, null, null, null);
    }

    /**
     * Whether a cell's trials read as "≤ upper bound" rather than as a figure: when most of its measured trials (or
     * all) saw nothing above their resolution, their figures are noise. The end-of-run table and the report both
     * show a cell by this rule.
     *
     * @param withinResolution trials whose {@link #rssWithinResolution} is true
     * @param measured         trials with a resident figure at all
     */
    public static boolean readAsUpperBound(long withinResolution, long measured) {
        return measured > 0 && (withinResolution * 2 > measured || withinResolution == measured);
    }

    /**
     * What can be said for sure: the value plus its resolution, never below 0. For a figure within its
     * resolution this is the "≤ X B" to show; null when RSS was not read.
     */
    public static Double rssUpperBoundBytesPerConnection(MemoryPerConnection m) {
        if (m == null || m.rssPerConnectionBytes() == null) {
            return null;
        }
        double resolution = m.rssResolutionBytesPerConnection() == null ? 0 : m.rssResolutionBytesPerConnection();
        return Math.max(0, m.rssPerConnectionBytes()) + resolution;
    }
}
