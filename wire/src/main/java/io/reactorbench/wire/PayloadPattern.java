package io.reactorbench.wire;

import java.nio.ByteBuffer;

/**
 * The fixed bytes that fill rpc payloads and echo test streams: the byte at stream offset {@code k} is
 * {@code (byte) k}. Shared and read-only, so servers write large responses from it without allocating, and
 * clients can check what came back without remembering what they sent.
 */
public final class PayloadPattern {

    /** Length of the shared array; a multiple of 256 so that offsets wrap onto the same pattern. */
    private static final int PERIOD_BYTES = 64 * 1024;
    private static final byte[] BYTES = new byte[PERIOD_BYTES];

    static {
        for (int i = 0; i < PERIOD_BYTES; i++) {
            BYTES[i] = (byte) i;
        }
    }

    private PayloadPattern() {
    }

    /** The byte expected at stream offset {@code offset}. */
    public static byte at(long offset) {
        return (byte) offset;
    }

    /** Puts {@code n} pattern bytes starting at stream offset {@code offset}; {@code out} needs the room. */
    public static void put(ByteBuffer out, long offset, int n) {
        int left = n;
        int from = (int) (offset & (PERIOD_BYTES - 1));
        while (left > 0) {
            int chunk = Math.min(left, PERIOD_BYTES - from);
            out.put(BYTES, from, chunk);
            left -= chunk;
            from = 0;
        }
    }

    /**
     * Consumes {@code n} bytes of {@code in} and checks them against the pattern from stream offset
     * {@code offset}; returns the index (0-based, within these n) of the first mismatch, or -1.
     */
    public static int check(ByteBuffer in, long offset, int n) {
        int position = in.position();
        int mismatch = -1;
        for (int i = 0; i < n; i++) {
            if (in.get(position + i) != (byte) (offset + i)) {
                mismatch = i;
                break;
            }
        }
        in.position(position + n);
        return mismatch;
    }
}
