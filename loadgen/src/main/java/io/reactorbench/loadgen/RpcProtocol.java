package io.reactorbench.loadgen;

import io.reactorbench.wire.client.RpcResponseDecoder;
import io.reactorbench.wire.rpc.RpcFrame;
import java.nio.ByteBuffer;

/**
 * rpc: requests are {@link RpcFrame} frames whose id is the connection's global index (high 24 bits) and
 * the request's sequence number (low 40 bits); a response must carry the id of the oldest outstanding request
 * (answers come back in order) and exactly the payload size asked for, with pattern bytes
 * ({@code (byte) k} at payload offset k). Responses are decoded by wire's {@link RpcResponseDecoder}, the one
 * the conformance suite and the server tests use; this class adds what only the load generator knows: which id
 * and size each answer must have.
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
    /** Every slot's response parse state; payload bytes checked against the pattern. */
    private final RpcResponseDecoder decoder;
    private String mismatch;

    RpcProtocol(int slots, int payloadBytes, int responseSizeBytes, int cpuSpinNs, int blockUs) {
        this.payloadBytes = payloadBytes;
        this.responseSizeBytes = responseSizeBytes;
        this.cpuSpinNs = cpuSpinNs;
        this.blockUs = blockUs;
        this.requestBytes = RpcFrame.requestLength(payloadBytes);
        this.scratch = ByteBuffer.allocate(requestBytes);
        this.decoder = new RpcResponseDecoder(slots, true);
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
        while (true) {
            switch (decoder.decode(slot, in)) {
                case NEED_MORE -> {
                    return completed;
                }
                case HEADER -> {
                    // Checked before the payload comes: a wrong answer is an error now, not a wait for its bytes.
                    long gotId = decoder.id(slot);
                    if (completed >= outstanding) {
                        mismatch = "rpc: a response came with no request outstanding (id " + gotId + ")";
                        return MISMATCH;
                    }
                    long expectedId = requestId(globalConn, nextSeq + completed);
                    if (gotId != expectedId) {
                        mismatch = "rpc: response id " + Long.toHexString(gotId) + ", expected "
                                + Long.toHexString(expectedId);
                        return MISMATCH;
                    }
                    int size = decoder.payloadSize(slot);
                    if (size != responseSizeBytes) {
                        mismatch = "rpc: response payload of " + size + " bytes, asked for " + responseSizeBytes;
                        return MISMATCH;
                    }
                }
                case RESPONSE -> completed++;
                case MALFORMED -> {
                    mismatch = decoder.malformation();
                    return MISMATCH;
                }
            }
        }
    }

    @Override
    public void reset(int slot) {
        decoder.reset(slot);
    }

    @Override
    public String mismatch() {
        return mismatch;
    }
}
