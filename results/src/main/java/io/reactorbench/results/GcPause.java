package io.reactorbench.results;

/** One stop-the-world pause of the server JVM, {@code atMs} counted from the start of the measured window. */
public record GcPause(double atMs, double durationMs) {
}
