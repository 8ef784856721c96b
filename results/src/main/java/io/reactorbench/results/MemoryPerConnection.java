package io.reactorbench.results;

/**
 * Memory cost of an idle connection: (value with N connections open − value before connecting) / N.
 * Heap figures are taken after a full GC on both sides, so garbage does not count.
 *
 * @param connections            N, the connections open when the second sample was taken
 * @param rssPerConnectionBytes  null when RSS could not be read
 * @param heapPerConnectionBytes null for {@code external:} designs
 */
public record MemoryPerConnection(int connections, Double rssPerConnectionBytes, Double heapPerConnectionBytes) {
}
