package io.reactorbench.wire.app;

import java.nio.ByteBuffer;

/** echo: every byte read is written back, as far as {@code out} has room. */
public final class EchoSession implements ServerSession {

    @Override
    public Outcome process(ByteBuffer in, ByteBuffer out) {
        int n = Math.min(in.remaining(), out.remaining());
        if (n > 0) {
            // absolute bulk put: no slice, no allocation
            out.put(out.position(), in, in.position(), n);
            out.position(out.position() + n);
            in.position(in.position() + n);
        }
        return in.hasRemaining() ? Outcome.OUTPUT_FULL : Outcome.NEED_INPUT;
    }

    @Override
    public long blockMicros() {
        return 0;
    }

    @Override
    public void workDone() {
    }

    @Override
    public boolean hasPendingOutput() {
        return false;
    }
}
