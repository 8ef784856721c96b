package io.reactorbench.scenarios.run;

/**
 * The measured window of a cell on the wall clock (ms since the epoch). Taken from the interval log's timestamps
 * when there is one; otherwise anchored at the load process's exit, which follows the window's end within
 * milliseconds, and reaching back load.json's {@code windowSeconds}: the start of a load JVM (class loading,
 * connecting) varies too much to anchor there.
 */
record MeasuredWindow(long startMs, long endMs) {

    double seconds() {
        return (endMs - startMs) / 1000.0;
    }

    boolean contains(double timeMs) {
        return timeMs >= startMs && timeMs <= endMs;
    }
}
