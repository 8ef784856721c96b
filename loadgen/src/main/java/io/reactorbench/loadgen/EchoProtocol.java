package io.reactorbench.loadgen;

import java.nio.ByteBuffer;

/**
 * echo: a request is {@code size} bytes of the connection's pattern; it is complete when that many bytes have
 * come back. The byte at stream offset {@code k} of connection {@code g} is {@code (byte) (k + 37 * g)}, so
 * echoed bytes are checked without keeping a copy, and bytes from another connection's stream show up as a
 * mismatch.
 */
final class EchoProtocol implements Protocol {

    /** 0, 1, .., 255 repeated: any pattern run is a slice of it. */
    private static final byte[] TABLE = new byte[64 * 1024 + 256];

    static {
        for (int i = 0; i < TABLE.length; i++) {
            TABLE[i] = (byte) i;
        }
    }

    private final int sizeBytes;
    /** Bytes received on the current connection of each slot. */
    private final long[] receivedBytes;
    private String mismatch;

    EchoProtocol(int slots, int sizeBytes) {
        this.sizeBytes = sizeBytes;
        this.receivedBytes = new long[slots];
    }

    static byte patternAt(int globalConn, long offset) {
        return (byte) (offset + 37L * globalConn);
    }

    @Override
    public int requestBytes() {
        return sizeBytes;
    }

    @Override
    public void writeRequestBytes(int slot, int globalConn, long firstSeq, long fromOffset, long toOffset,
            ByteBuffer out) {
        long offset = fromOffset;
        while (offset < toOffset) {
            int start = (int) ((offset + 37L * globalConn) & 0xff);
            int chunk = (int) Math.min(toOffset - offset, TABLE.length - 256);
            out.put(TABLE, start, chunk);
            offset += chunk;
        }
    }

    @Override
    public int onResponseBytes(int slot, int globalConn, long nextSeq, int outstanding, ByteBuffer in) {
        long before = receivedBytes[slot];
        int n = in.remaining();
        long owedBytes = (before / sizeBytes + outstanding) * sizeBytes - before;
        if (n > owedBytes) {
            mismatch = "echo: " + n + " bytes came back but only " + owedBytes + " were outstanding";
            return MISMATCH;
        }
        int position = in.position();
        for (int i = 0; i < n; i++) {
            byte expected = patternAt(globalConn, before + i);
            byte got = in.get(position + i);
            if (got != expected) {
                mismatch = "echo: byte at stream offset " + (before + i) + " of connection " + globalConn
                        + " is " + (got & 0xff) + ", sent " + (expected & 0xff);
                return MISMATCH;
            }
        }
        in.position(position + n);
        long after = before + n;
        receivedBytes[slot] = after;
        return (int) (after / sizeBytes - before / sizeBytes);
    }

    @Override
    public void reset(int slot) {
        receivedBytes[slot] = 0;
    }

    @Override
    public String mismatch() {
        return mismatch;
    }
}
