package io.reactorbench.loadgen;

import io.reactorbench.wire.rpc.RpcFrame;
import java.nio.ByteBuffer;

/**
 * rpc: requests are {@link RpcFrame} frames whose id is the connection's global index (high 24 bits) and
 * the request's sequence number (low 40 bits); a response must carry the id of the oldest outstanding request
 * (answers come back in order) and exactly the payload size asked for, with pattern bytes
 * ({@code (byte) k} at payload offset k).
 */
final class RpcProtocol implements Protocol {

    private static final int SEQ_BITS = 40;
    private static final long SEQ_MASK = (1L << SEQ_BITS) - 1;

    private final int payloadBytes;
    private final int responseSizeBytes;
    private final int cpuSpinNs;
    private final int blockUs;
    private final int requestBytes;
    /** One request, built again when a write stopped in the middle of it (rare: full socket buffer). */
    private final ByteBuffer scratch;
    /** Header bytes of the current response seen so far (0..12), per slot. */
    private final int[] headerSeen;
    /** Length field, then payload bytes left once the header is complete. */
    private final int[] lengthOrLeft;
    private final int[] payloadSize;
    private final long[] id;
    private String mismatch;

    RpcProtocol(int slots, int payloadBytes, int responseSizeBytes, int cpuSpinNs, int blockUs) {
        this.payloadBytes = payloadBytes;
        this.responseSizeBytes = responseSizeBytes;
        this.cpuSpinNs = cpuSpinNs;
        this.blockUs = blockUs;
        this.requestBytes = RpcFrame.requestLength(payloadBytes);
        this.scratch = ByteBuffer.allocate(requestBytes);
        this.headerSeen = new int[slots];
        this.lengthOrLeft = new int[slots];
        this.payloadSize = new int[slots];
        this.id = new long[slots];
    }

    static long requestId(int globalConn, long seq) {
        return ((long) globalConn << SEQ_BITS) | (seq & SEQ_MASK);
    }

    @Override
    public int requestBytes() {
        return requestBytes;
    }

    @Override
    public void writeRequestBytes(int slot, int globalConn, long firstSeq, long fromOffset, long toOffset,
            ByteBuffer out) {
        long offset = fromOffset;
        while (offset < toOffset) {
            long j = offset / requestBytes;
            int within = (int) (offset - j * requestBytes);
            long requestId = requestId(globalConn, firstSeq + j);
            int n = (int) Math.min(toOffset - offset, requestBytes - within);
            if (within == 0 && n == requestBytes) {
                RpcFrame.writeRequest(out, requestId, responseSizeBytes, cpuSpinNs, blockUs, payloadBytes);
            } else {
                scratch.clear();
                RpcFrame.writeRequest(scratch, requestId, responseSizeBytes, cpuSpinNs, blockUs, payloadBytes);
                out.put(scratch.array(), within, n);
            }
            offset += n;
        }
    }

    @Override
    public int onResponseBytes(int slot, int globalConn, long nextSeq, int outstanding, ByteBuffer in) {
        int completed = 0;
        while (in.hasRemaining()) {
            int seen = headerSeen[slot];
            if (seen < RpcFrame.RESPONSE_HEADER) {
                if (seen == 0 && in.remaining() >= RpcFrame.RESPONSE_HEADER) {
                    lengthOrLeft[slot] = in.getInt();
                    id[slot] = in.getLong();
                    seen = RpcFrame.RESPONSE_HEADER;
                } else {
                    int b = in.get() & 0xff;
                    if (seen < RpcFrame.LENGTH_FIELD) {
                        lengthOrLeft[slot] = (lengthOrLeft[slot] << 8) | b;
                    } else {
                        id[slot] = (id[slot] << 8) | b;
                    }
                    seen++;
                }
                headerSeen[slot] = seen;
                if (seen < RpcFrame.RESPONSE_HEADER) {
                    continue;
                }
                if (completed >= outstanding) {
                    mismatch = "rpc: a response came with no request outstanding (id " + id[slot] + ")";
                    return MISMATCH;
                }
                long expectedId = requestId(globalConn, nextSeq + completed);
                int size = lengthOrLeft[slot] - (RpcFrame.RESPONSE_HEADER - RpcFrame.LENGTH_FIELD);
                if (id[slot] != expectedId) {
                    mismatch = "rpc: response id " + Long.toHexString(id[slot]) + ", expected "
                            + Long.toHexString(expectedId);
                    return MISMATCH;
                }
                if (size != responseSizeBytes) {
                    mismatch = "rpc: response payload of " + size + " bytes, asked for " + responseSizeBytes;
                    return MISMATCH;
                }
                payloadSize[slot] = size;
                lengthOrLeft[slot] = size;
            }
            int left = lengthOrLeft[slot];
            int n = Math.min(left, in.remaining());
            int position = in.position();
            int payloadOffset = payloadSize[slot] - left;
            for (int i = 0; i < n; i++) {
                if (in.get(position + i) != (byte) (payloadOffset + i)) {
                    mismatch = "rpc: response payload byte " + (payloadOffset + i) + " is "
                            + (in.get(position + i) & 0xff) + ", expected " + ((payloadOffset + i) & 0xff);
                    return MISMATCH;
                }
            }
            in.position(position + n);
            left -= n;
            lengthOrLeft[slot] = left;
            if (left == 0) {
                completed++;
                headerSeen[slot] = 0;
                lengthOrLeft[slot] = 0;
                id[slot] = 0;
            }
        }
        return completed;
    }

    @Override
    public void reset(int slot) {
        headerSeen[slot] = 0;
        lengthOrLeft[slot] = 0;
        payloadSize[slot] = 0;
        id[slot] = 0;
    }

    @Override
    public String mismatch() {
        return mismatch;
    }
}
