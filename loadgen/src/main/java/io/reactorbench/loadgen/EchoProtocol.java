package io.reactorbench.loadgen;

import io.reactorbench.wire.client.EchoVerifier;
import java.nio.ByteBuffer;

/**
 * echo: a request is {@code size} bytes of the connection's stream; it is complete when that many bytes have come
 * back. Connection {@code g} sends wire's {@link io.reactorbench.wire.PayloadPattern} from phase {@code 37 * g}
 * (the byte at stream offset {@code k} is {@code (byte) (k + 37 * g)}), so echoed bytes are checked without
 * keeping a copy ({@link EchoVerifier}), and bytes from another connection's stream show up as a mismatch.
 */
final class EchoProtocol implements Protocol {

    private final int sizeBytes;
    private final EchoVerifier verifier;
    private String mismatch;

    EchoProtocol(int slots, int sizeBytes) {
        this.sizeBytes = sizeBytes;
        this.verifier = new EchoVerifier(slots);
    }

    /** Where connection {@code globalConn}'s stream starts in the pattern: neighbours' streams differ. */
    static long phase(int globalConn) {
        return 37L * globalConn;
    }

    @Override
    public int requestBytes() {
        return sizeBytes;
    }

    @Override
    public void writeRequestBytes(int slot, int globalConn, long firstSeq, long fromOffset, long toOffset,
            ByteBuffer out) {
        EchoVerifier.put(out, phase(globalConn), fromOffset, (int) (toOffset - fromOffset));
    }

    @Override
    public int onResponseBytes(int slot, int globalConn, long nextSeq, int outstanding, ByteBuffer in) {
        long before = verifier.receivedBytes(slot);
        int n = in.remaining();
        long owedBytes = (before / sizeBytes + outstanding) * sizeBytes - before;
        if (n > owedBytes) {
            mismatch = "echo: " + n + " bytes came back but only " + owedBytes + " were outstanding";
            return MISMATCH;
        }
        int wrong = verifier.receive(slot, phase(globalConn), in);
        if (wrong >= 0) {
            long offset = before + wrong;
            mismatch = "echo: byte at stream offset " + offset + " of connection " + globalConn + " is "
                    + (in.get(in.position() + wrong) & 0xff) + ", sent "
                    + (EchoVerifier.at(phase(globalConn), offset) & 0xff);
            return MISMATCH;
        }
        long after = before + n;
        return (int) (after / sizeBytes - before / sizeBytes);
    }

    @Override
    public void reset(int slot) {
        verifier.reset(slot);
    }

    @Override
    public String mismatch() {
        return mismatch;
    }
}
