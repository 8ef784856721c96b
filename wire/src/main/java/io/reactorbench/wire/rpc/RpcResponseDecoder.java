package io.reactorbench.wire.rpc;

import io.reactorbench.wire.PayloadPattern;
import java.nio.ByteBuffer;

/**
 * Client side: decodes rpc responses incrementally (any split), without allocating. Optionally checks that
 * payload bytes follow {@link PayloadPattern} (a load generator verifies what comes back, not only that it
 * came).
 */
public final class RpcResponseDecoder {

    public enum Result { NEED_MORE, RESPONSE, MALFORMED }

    private final boolean verifyPayload;
    private int headerBytesSeen;
    private int length;
    private long id;
    private int payloadSize;
    private int payloadLeft;
    private long lastId;
    private int lastPayloadSize;

    /** A decoder that skips payload bytes without looking at them. */
    public RpcResponseDecoder() {
        this(false);
    }

    public RpcResponseDecoder(boolean verifyPayload) {
        this.verifyPayload = verifyPayload;
    }

    /**
     * Consumes bytes from {@code in} up to the end of one response; returns {@link Result#RESPONSE} when one
     * is complete (then {@link #id()} and {@link #payloadSize()} describe it), NEED_MORE when {@code in} is
     * exhausted first.
     */
    public Result decode(ByteBuffer in) {
        while (headerBytesSeen < RpcFrame.RESPONSE_HEADER) {
            if (!in.hasRemaining()) {
                return Result.NEED_MORE;
            }
            if (headerBytesSeen == 0 && in.remaining() >= RpcFrame.RESPONSE_HEADER) {
                int start = in.position();
                length = RpcFrame.getInt(in, start);
                id = RpcFrame.getLong(in, start + RpcFrame.LENGTH_FIELD);
                in.position(start + RpcFrame.RESPONSE_HEADER);
                headerBytesSeen = RpcFrame.RESPONSE_HEADER;
            } else {
                int b = in.get() & 0xff;
                if (headerBytesSeen < RpcFrame.LENGTH_FIELD) {
                    length = (length << 8) | b;
                } else {
                    id = (id << 8) | b;
                }
                headerBytesSeen++;
            }
            if (headerBytesSeen == RpcFrame.RESPONSE_HEADER) {
                if (length < RpcFrame.MIN_RESPONSE_LENGTH || length > RpcFrame.MAX_FRAME) {
                    return Result.MALFORMED;
                }
                payloadSize = length - RpcFrame.MIN_RESPONSE_LENGTH;
                payloadLeft = payloadSize;
            }
        }
        int n = Math.min(payloadLeft, in.remaining());
        if (n > 0) {
            if (verifyPayload) {
                if (PayloadPattern.check(in, payloadSize - payloadLeft, n) >= 0) {
                    return Result.MALFORMED;
                }
            } else {
                in.position(in.position() + n);
            }
            payloadLeft -= n;
        }
        if (payloadLeft > 0) {
            return Result.NEED_MORE;
        }
        lastId = id;
        lastPayloadSize = payloadSize;
        headerBytesSeen = 0;
        length = 0;
        id = 0;
        return Result.RESPONSE;
    }

    /** Request id of the last complete response. */
    public long id() {
        return lastId;
    }

    /** Payload bytes of the last complete response. */
    public int payloadSize() {
        return lastPayloadSize;
    }
}
