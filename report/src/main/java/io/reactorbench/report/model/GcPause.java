package io.reactorbench.report.model;

/** One GC pause, {@code atMs} after the start of the measured window. */
public record GcPause(double atMs, double durationMs) {
}
