package io.reactorbench.engine;

/** Monotonic time in nanoseconds; injected so tests can step timeouts without sleeping. */
@FunctionalInterface
public interface NanoClock {

    NanoClock SYSTEM = System::nanoTime;

    long nanoTime();
}
