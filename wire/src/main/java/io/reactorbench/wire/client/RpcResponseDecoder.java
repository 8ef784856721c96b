package io.reactorbench.wire.client;

import io.reactorbench.wire.PayloadPattern;
import io.reactorbench.wire.rpc.RpcFrame;
import java.nio.ByteBuffer;

/**
 * Client side of rpc: decodes the response streams of many connections, each split anywhere, without allocating.
 * A connection's parse state sits in slot {@code slot} of a few flat arrays (no object per connection: the load
 * generator keeps tens of thousands of connections per worker). Optionally checks that payload bytes follow
 * {@link PayloadPattern} (a load generator verifies what comes back, not only that it came).
 *
 * <p>{@link #decode(int, ByteBuffer)} reports {@link Result#HEADER} once a response's 12-byte header is in, before
 * its payload, so a caller that knows which id and size it expects rejects a wrong answer at once instead of
 * waiting for a payload that may never come; then {@link Result#RESPONSE} when the payload is complete. One
 * connection (tests, the conformance suite): {@link #RpcResponseDecoder(boolean)} and {@link #decode(ByteBuffer)}.
 */
public final class RpcResponseDecoder {

    public enum Result {
        /** {@code in} is used up before the next event. */
        NEED_MORE,
        /** A header is complete: {@link #id(int)} and {@link #payloadSize(int)} describe the response. */
        HEADER,
        /** A response is complete; its header was reported before. */
        RESPONSE,
        /** The bytes are not an rpc response ({@link #malformation()} says why); the slot needs a {@link #reset}. */
        MALFORMED
    }

    private final boolean verifyPayload;
    /** Header bytes of the current response seen so far (0..12), per slot. */
    private final int[] headerSeen;
    /** The length field while the header comes in, then the payload bytes still to come, per slot. */
    private final int[] lengthOrLeft;
    private final int[] payloadSize;
    private final long[] id;
    private String malformation;

    /** One connection (slot 0), for {@link #decode(ByteBuffer)}. */
    public RpcResponseDecoder(boolean verifyPayload) {
        this(1, verifyPayload);
    }

    public RpcResponseDecoder(int slots, boolean verifyPayload) {
        this.verifyPayload = verifyPayload;
        this.headerSeen = new int[slots];
        this.lengthOrLeft = new int[slots];
        this.payloadSize = new int[slots];
        this.id = new long[slots];
    }

    /**
     * Consumes bytes of {@code in} up to the next event of the connection in {@code slot}: {@link Result#HEADER},
     * {@link Result#RESPONSE}, {@link Result#MALFORMED}, or {@link Result#NEED_MORE} once {@code in} is used up.
     * A response without payload reports HEADER, then RESPONSE on the next call even with {@code in} empty: call
     * until NEED_MORE.
     */
    public Result decode(int slot, ByteBuffer in) {
        int seen = headerSeen[slot];
        if (seen < RpcFrame.RESPONSE_HEADER) {
            if (seen == 0 && in.remaining() >= RpcFrame.RESPONSE_HEADER) {
                // The usual case: a whole header in the buffer, read in two gets.
                int start = in.position();
                lengthOrLeft[slot] = RpcFrame.getInt(in, start);
                id[slot] = RpcFrame.getLong(in, start + RpcFrame.LENGTH_FIELD);
                in.position(start + RpcFrame.RESPONSE_HEADER);
                seen = RpcFrame.RESPONSE_HEADER;
            } else {
                if (seen == 0) {
                    lengthOrLeft[slot] = 0; // the last response's id stays readable until here
                    id[slot] = 0;
                }
                while (seen < RpcFrame.RESPONSE_HEADER && in.hasRemaining()) {
                    int b = in.get() & 0xff;
                    if (seen < RpcFrame.LENGTH_FIELD) {
                        lengthOrLeft[slot] = (lengthOrLeft[slot] << 8) | b;
                    } else {
                        id[slot] = (id[slot] << 8) | b;
                    }
                    seen++;
                }
            }
            headerSeen[slot] = seen;
            if (seen < RpcFrame.RESPONSE_HEADER) {
                return Result.NEED_MORE;
            }
            int length = lengthOrLeft[slot];
            if (length < RpcFrame.MIN_RESPONSE_LENGTH || length > RpcFrame.MAX_FRAME) {
                malformation = "rpc: response length field " + length + " outside " + RpcFrame.MIN_RESPONSE_LENGTH
                        + ".." + RpcFrame.MAX_FRAME;
                return Result.MALFORMED;
            }
            int size = length - RpcFrame.MIN_RESPONSE_LENGTH;
            payloadSize[slot] = size;
            lengthOrLeft[slot] = size;
            // Marks the header as reported: the next call goes on with the payload.
            headerSeen[slot] = RpcFrame.RESPONSE_HEADER + 1;
            return Result.HEADER;
        }
        int left = lengthOrLeft[slot];
        int n = Math.min(left, in.remaining());
        if (n > 0) {
            int position = in.position();
            if (verifyPayload) {
                int payloadOffset = payloadSize[slot] - left;
                int mismatch = PayloadPattern.check(in, payloadOffset, n);
                if (mismatch >= 0) {
                    malformation = "rpc: response payload byte " + (payloadOffset + mismatch) + " is "
                            + (in.get(position + mismatch) & 0xff) + ", expected "
                            + (PayloadPattern.at(payloadOffset + mismatch) & 0xff);
                    return Result.MALFORMED;
                }
            } else {
                in.position(position + n);
            }
            left -= n;
            lengthOrLeft[slot] = left;
        }
        if (left > 0) {
            return Result.NEED_MORE;
        }
        headerSeen[slot] = 0;
        lengthOrLeft[slot] = 0;
        return Result.RESPONSE;
    }

    /**
     * One connection: consumes bytes up to the end of the next response and returns {@link Result#RESPONSE}
     * (then {@link #id()} and {@link #payloadSize()} describe it), NEED_MORE or MALFORMED; never HEADER.
     */
    public Result decode(ByteBuffer in) {
        Result result;
        do {
            result = decode(0, in);
        } while (result == Result.HEADER);
        return result;
    }

    /** Request id of the response whose header was reported last in {@code slot} (valid until the next header). */
    public long id(int slot) {
        return id[slot];
    }

    /** Payload bytes of the response whose header was reported last in {@code slot}. */
    public int payloadSize(int slot) {
        return payloadSize[slot];
    }

    /** One connection: request id of the last complete response. */
    public long id() {
        return id[0];
    }

    /** One connection: payload bytes of the last complete response. */
    public int payloadSize() {
        return payloadSize[0];
    }

    /** Why the last {@link Result#MALFORMED} was. */
    public String malformation() {
        return malformation;
    }

    /** Forgets the parse state of {@code slot} (a new connection starts there). */
    public void reset(int slot) {
        headerSeen[slot] = 0;
        lengthOrLeft[slot] = 0;
        payloadSize[slot] = 0;
        id[slot] = 0;
    }
}
