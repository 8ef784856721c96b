package io.reactorbench.wire.rpc;

import io.reactorbench.wire.PayloadPattern;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

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
 *
 * Payload bytes (request and response) follow {@link PayloadPattern}: byte {@code k} of a payload is
 * {@code (byte) k}, so either side can check them.
 */
public final class RpcFrame {

    public static final int LENGTH_FIELD = 4;
    public static final int REQUEST_HEADER = 24;
    public static final int RESPONSE_HEADER = 12;
    /** Frames longer than this are malformed: it bounds what a bad peer can make the server expect. */
    public static final int MAX_FRAME = 16 * 1024 * 1024;
    /** Length field value of a request without payload: id, respSize, cpuSpinNs, blockUs. */
    public static final int MIN_REQUEST_LENGTH = REQUEST_HEADER - LENGTH_FIELD;
    /** Length field value of a response without payload: the id. */
    public static final int MIN_RESPONSE_LENGTH = RESPONSE_HEADER - LENGTH_FIELD;
    /** Largest response payload a request may ask for. */
    public static final int MAX_RESPONSE_SIZE = MAX_FRAME - MIN_RESPONSE_LENGTH;

    private RpcFrame() {
    }

    public static int requestLength(int payloadBytes) {
        return REQUEST_HEADER + payloadBytes;
    }

    /** Writes a whole request (payload bytes are a fixed pattern); {@code out} needs {@link #requestLength} room. */
    public static void writeRequest(ByteBuffer out, long id, int responseSize, int cpuSpinNs, int blockUs,
            int payloadBytes) {
        if (responseSize < 0 || responseSize > MAX_RESPONSE_SIZE || cpuSpinNs < 0 || blockUs < 0
                || payloadBytes < 0 || payloadBytes > MAX_FRAME - MIN_REQUEST_LENGTH) {
            throw new IllegalArgumentException("rpc request out of range: responseSize=" + responseSize
                    + " cpuSpinNs=" + cpuSpinNs + " blockUs=" + blockUs + " payloadBytes=" + payloadBytes);
        }
        boolean bigEndian = out.order() == ByteOrder.BIG_ENDIAN; // the wire is big-endian whatever the buffer says
        int length = MIN_REQUEST_LENGTH + payloadBytes;
        out.putInt(bigEndian ? length : Integer.reverseBytes(length));
        out.putLong(bigEndian ? id : Long.reverseBytes(id));
        out.putInt(bigEndian ? responseSize : Integer.reverseBytes(responseSize));
        out.putInt(bigEndian ? cpuSpinNs : Integer.reverseBytes(cpuSpinNs));
        out.putInt(bigEndian ? blockUs : Integer.reverseBytes(blockUs));
        PayloadPattern.put(out, 0, payloadBytes);
    }

    /** The big-endian int at {@code index}, whatever {@code buffer}'s byte order. */
    public static int getInt(ByteBuffer buffer, int index) {
        int value = buffer.getInt(index);
        return buffer.order() == ByteOrder.BIG_ENDIAN ? value : Integer.reverseBytes(value);
    }

    /** The big-endian long at {@code index}, whatever {@code buffer}'s byte order. */
    public static long getLong(ByteBuffer buffer, int index) {
        long value = buffer.getLong(index);
        return buffer.order() == ByteOrder.BIG_ENDIAN ? value : Long.reverseBytes(value);
    }

    /** Total bytes of a response carrying {@code responseSize} payload bytes. */
    public static int responseLength(int responseSize) {
        return RESPONSE_HEADER + responseSize;
    }
}
