package io.reactorbench.wire.rpc;

import java.nio.ByteBuffer;

/**
 * The rpc protocol's byte layout. All integers big-endian.
 *
 * <pre>
 * Request:
 *  0        4                 12          16          20          24
 *  +--------+-----------------+-----------+-----------+-----------+----------------------+
 *  | length | request id (8)  | respSize  | cpuSpinNs | blockUs   | payload (length-20)  |
 *  +--------+-----------------+-----------+-----------+-----------+----------------------+
 *  length   = bytes after the length field = 20 + payload bytes (u32, 20 .. MAX_FRAME)
 *  respSize = payload bytes wanted in the response (0 .. MAX_FRAME - 8)
 *  cpuSpinNs = CPU work the server spins before answering, in ns; blockUs = blocking work, in µs
 *
 * Response:
 *  0        4                 12
 *  +--------+-----------------+-----------------------+
 *  | length | request id (8)  | payload (respSize)    |
 *  +--------+-----------------+-----------------------+
 *  length = 8 + respSize
 * </pre>
 */
public final class RpcFrame {

    public static final int LENGTH_FIELD = 4;
    public static final int REQUEST_HEADER = 24;
    public static final int RESPONSE_HEADER = 12;
    /** Frames longer than this are malformed: it bounds what a bad peer can make the server expect. */
    public static final int MAX_FRAME = 16 * 1024 * 1024;

    private RpcFrame() {
    }

    public static int requestLength(int payloadBytes) {
        return REQUEST_HEADER + payloadBytes;
    }

    /** Writes a whole request (payload bytes are a fixed pattern); {@code out} needs {@link #requestLength} room. */
    public static void writeRequest(ByteBuffer out, long id, int responseSize, int cpuSpinNs, int blockUs,
            int payloadBytes) {
        throw new UnsupportedOperationException("TODO(wire)");
    }
}
