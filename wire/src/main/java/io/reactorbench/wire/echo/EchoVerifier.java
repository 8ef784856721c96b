package io.reactorbench.wire.echo;

import io.reactorbench.wire.PayloadPattern;
import java.nio.ByteBuffer;

/**
 * Client side of echo: sends {@link PayloadPattern} bytes and checks that what comes back is the same
 * stream, in order, without allocating. One per connection.
 */
public final class EchoVerifier {

    private long sentBytes;
    private long receivedBytes;

    /** Appends {@code n} next stream bytes to {@code out} (which needs the room). */
    public void send(ByteBuffer out, int n) {
        PayloadPattern.put(out, sentBytes, n);
        sentBytes += n;
    }

    /**
     * Consumes what is in {@code in}; returns false when a byte differs from what was sent at that offset
     * or more came back than was sent.
     */
    public boolean receive(ByteBuffer in) {
        int n = in.remaining();
        if (receivedBytes + n > sentBytes) {
            return false;
        }
        int mismatch = PayloadPattern.check(in, receivedBytes, n);
        receivedBytes += n;
        return mismatch < 0;
    }

    public long sentBytes() {
        return sentBytes;
    }

    public long receivedBytes() {
        return receivedBytes;
    }

    /** Bytes sent and not yet echoed back. */
    public long outstandingBytes() {
        return sentBytes - receivedBytes;
    }
}
