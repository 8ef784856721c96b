package io.reactorbench.report.model;

/**
 * Idle scenarios: what one open connection costs the server, in bytes.
 *
 * @param rssWithinResolution the resident figure did not rise above its noise (see docs/results-schema.md):
 *                            show {@code rssUpperBoundBytes} as "≤ X", not the figure itself (which may be negative)
 * @param rssUpperBoundBytes  max(rssPerConnectionBytes, 0) + its resolution; NaN when unknown
 */
public record MemoryFootprint(int connections, double rssPerConnectionBytes, double heapPerConnectionBytes,
                              boolean rssWithinResolution, double rssUpperBoundBytes) {

    public MemoryFootprint(int connections, double rssPerConnectionBytes, double heapPerConnectionBytes) {
        this(connections, rssPerConnectionBytes, heapPerConnectionBytes, false, Double.NaN);
    }
}
