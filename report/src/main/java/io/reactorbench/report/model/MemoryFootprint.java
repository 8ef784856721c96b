package io.reactorbench.report.model;

/** Idle scenarios: what one open connection costs the server, in bytes. */
public record MemoryFootprint(int connections, double rssPerConnectionBytes, double heapPerConnectionBytes) {
}
