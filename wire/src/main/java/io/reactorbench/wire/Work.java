package io.reactorbench.wire;

/** Simulated server work asked for by rpc requests. */
public final class Work {

    private Work() {
    }

    /** Burns CPU on the calling thread for about {@code nanos} ns (busy loop on {@link System#nanoTime()}). */
    public static void spin(long nanos) {
        if (nanos <= 0) {
            return;
        }
        long end = System.nanoTime() + nanos;
        while (System.nanoTime() - end < 0) {
            Thread.onSpinWait();
        }
    }

    /** Blocks the calling thread for {@code micros} µs, as an I/O-bound handler would. */
    public static void block(long micros) {
        if (micros <= 0) {
            return;
        }
        try {
            Thread.sleep(micros / 1000, (int) (micros % 1000) * 1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
