package io.reactorbench.wire.client;

import io.reactorbench.wire.PayloadPattern;
import java.nio.ByteBuffer;

/**
 * Client side of echo, for many connections: each connection sends a {@link PayloadPattern} stream that starts at
 * its own phase (the pattern offset of its stream's first byte), and checks that what comes back is that stream, in
 * order, without keeping a copy and without allocating. With a different phase per connection, bytes of another
 * connection's stream show up as a mismatch. A connection's state is one long in slot {@code slot} of a flat array
 * (the load generator keeps tens of thousands of connections per worker).
 */
public final class EchoVerifier {

    /** Bytes received and checked on the current connection of each slot. */
    private final long[] receivedBytes;

    public EchoVerifier(int slots) {
        this.receivedBytes = new long[slots];
    }

    /** Puts bytes {@code [fromOffset, fromOffset + n)} of the stream with phase {@code phase}; {@code out} has room. */
    public static void put(ByteBuffer out, long phase, long fromOffset, int n) {
        PayloadPattern.put(out, phase + fromOffset, n);
    }

    /** The byte at stream offset {@code offset} of the stream with phase {@code phase}. */
    public static byte at(long phase, long offset) {
        return PayloadPattern.at(phase + offset);
    }

    /**
     * Checks all of {@code in} against the stream of {@code slot} from where it left off. Returns -1 when every
     * byte is the one sent (they are consumed and counted); otherwise the index, from {@code in}'s position, of
     * the first byte that differs, and nothing is consumed. How many bytes may come back is the caller's to check.
     */
    public int receive(int slot, long phase, ByteBuffer in) {
        int position = in.position();
        int n = in.remaining();
        int mismatch = PayloadPattern.check(in, phase + receivedBytes[slot], n);
        if (mismatch >= 0) {
            in.position(position);
            return mismatch;
        }
        receivedBytes[slot] += n;
        return -1;
    }

    /** Bytes received and checked on the connection in {@code slot}. */
    public long receivedBytes(int slot) {
        return receivedBytes[slot];
    }

    /** Forgets the stream of {@code slot} (a new connection starts there). */
    public void reset(int slot) {
        receivedBytes[slot] = 0;
    }
}
