package io.reactorbench.engine;

/** A clock tests move by hand. */
final class ManualClock implements NanoClock {

    private long nowNs = 1_000_000_000L;

    @Override
    public long nanoTime() {
        return nowNs;
    }

    void advanceMs(long ms) {
        nowNs += ms * 1_000_000L;
    }
}
