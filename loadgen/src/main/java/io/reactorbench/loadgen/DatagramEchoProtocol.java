package io.reactorbench.loadgen;

import io.reactorbench.wire.PayloadPattern;
import io.reactorbench.wire.client.EchoVerifier;
import java.nio.ByteBuffer;

/**
 * echo over UDP: each request is one datagram of {@code size} bytes, answered by one datagram with the same bytes.
 * A datagram starts with the connection's global index (4 bytes) and the request's sequence number (8 bytes), so
 * an answer is matched to its request, not merely counted; the rest is the connection's pattern at the request's
 * stream offset (as {@link EchoProtocol} sends it), and every byte is checked.
 *
 * <p>A datagram can be lost. One socket delivers in order (the kernel queues datagrams per socket, and loopback
 * does not reorder), so an answer that arrives while an older request is still unanswered means the older request
 * or its answer was lost: that is reported as {@link #LOST}. A loss with nothing after it shows as the worker's
 * timeout. A datagram can also be truncated, duplicated or from another connection: a {@link #MISMATCH}.
 */
final class DatagramEchoProtocol implements Protocol {

    /** Connection index (int) and sequence number (long), big-endian, at the start of every datagram. */
    static final int HEADER_BYTES = Integer.BYTES + Long.BYTES;
    /** The largest UDP payload over IPv4 (65,535 minus the IP and UDP headers). */
    static final int MAX_DATAGRAM_BYTES = 65_507;

    private final int sizeBytes;
    private String mismatch;

    DatagramEchoProtocol(int sizeBytes) {
        this.sizeBytes = sizeBytes;
    }

    @Override
    public int requestBytes() {
        return sizeBytes;
    }

    /** Always one whole request: the worker writes datagrams one request at a time. */
    @Override
    public void writeRequestBytes(int slot, int globalConn, long firstSeq, long fromOffset, long toOffset,
            ByteBuffer out) {
        if (fromOffset % sizeBytes != 0 || toOffset - fromOffset != sizeBytes) {
            throw new IllegalArgumentException("a datagram is one whole request: offsets " + fromOffset + ".."
                    + toOffset + " of " + sizeBytes + "-byte requests");
        }
        long seq = firstSeq + fromOffset / sizeBytes;
        out.putInt(globalConn).putLong(seq);
        EchoVerifier.put(out, EchoProtocol.phase(globalConn), seq * sizeBytes + HEADER_BYTES, sizeBytes - HEADER_BYTES);
    }

    /** {@code in} holds one datagram (a read on a datagram socket returns one). */
    @Override
    public int onResponseBytes(int slot, int globalConn, long nextSeq, int outstanding, ByteBuffer in) {
        int length = in.remaining();
        if (length != sizeBytes) {
            mismatch = "udp echo: a " + length + "-byte datagram came back for " + sizeBytes + "-byte requests";
            return MISMATCH;
        }
        int start = in.position();
        int conn = in.getInt(start);
        long seq = in.getLong(start + Integer.BYTES);
        if (conn != globalConn) {
            mismatch = "udp echo: connection " + globalConn + " got the answer of connection " + conn;
            return MISMATCH;
        }
        if (seq < nextSeq || seq >= nextSeq + outstanding) {
            mismatch = "udp echo: an answer to datagram " + seq + " of connection " + conn + ", which is not in flight"
                    + " (in flight: " + nextSeq + ".." + (nextSeq + outstanding - 1) + ")";
            return MISMATCH;
        }
        in.position(start + HEADER_BYTES);
        int wrong = PayloadPattern.check(in, EchoProtocol.phase(globalConn) + seq * sizeBytes + HEADER_BYTES,
                sizeBytes - HEADER_BYTES);
        if (wrong >= 0) {
            int i = HEADER_BYTES + wrong;
            mismatch = "udp echo: byte " + i + " of datagram " + seq + " of connection " + conn + " is "
                    + (in.get(start + i) & 0xff) + ", sent "
                    + (EchoVerifier.at(EchoProtocol.phase(globalConn), seq * sizeBytes + i) & 0xff);
            return MISMATCH;
        }
        if (seq != nextSeq) {
            mismatch = "udp: datagram " + nextSeq + (seq - nextSeq > 1 ? ".." + (seq - 1) : "") + " of connection "
                    + conn + " lost (the answer to " + seq + " came first)";
            return LOST;
        }
        return 1;
    }

    /** Nothing to forget: every datagram is checked on its own. */
    @Override
    public void reset(int slot) {
    }

    @Override
    public String mismatch() {
        return mismatch;
    }
}
