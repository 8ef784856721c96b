package io.reactorbench.wire.app;

import io.reactorbench.wire.PayloadPattern;
import io.reactorbench.wire.Work;
import io.reactorbench.wire.rpc.RpcFrame;
import java.nio.ByteBuffer;

/**
 * rpc: reads request frames ({@link RpcFrame}), skips their payload, does the work they ask for and writes
 * the response, streaming large payloads across as many {@code process} calls as {@code out} needs.
 * A state machine over primitive fields: nothing is allocated per request.
 */
public final class RpcSession implements ServerSession {

    private enum State { READ_HEADER, SKIP_PAYLOAD, BLOCKED, WRITE_HEADER, WRITE_PAYLOAD, MALFORMED }

    private State state = State.READ_HEADER;
    /** Request header bytes seen so far when the header arrives split across reads. */
    private int headerBytesSeen;
    private int length;
    private long id;
    private int responseSize;
    private int cpuSpinNs;
    private int blockUs;
    private int payloadLeftToSkip;
    /** The response header, built once per response and copied out as room allows. */
    private final byte[] responseHeader = new byte[RpcFrame.RESPONSE_HEADER];
    private final ByteBuffer responseHeaderView = ByteBuffer.wrap(responseHeader);
    private int responseHeaderWritten;
    private int responsePayloadWritten;

    @Override
    public Outcome process(ByteBuffer in, ByteBuffer out) {
        while (true) {
            switch (state) {
                case READ_HEADER -> {
                    if (!readHeader(in)) {
                        if (state == State.MALFORMED) {
                            in.position(in.limit()); // nothing after a bad frame is read
                            return Outcome.CLOSE;
                        }
                        return Outcome.NEED_INPUT;
                    }
                }
                case SKIP_PAYLOAD -> {
                    int n = Math.min(payloadLeftToSkip, in.remaining());
                    in.position(in.position() + n);
                    payloadLeftToSkip -= n;
                    if (payloadLeftToSkip > 0) {
                        return Outcome.NEED_INPUT;
                    }
                    Work.spin(cpuSpinNs);
                    if (blockUs > 0) {
                        state = State.BLOCKED;
                        return Outcome.BLOCK;
                    }
                    startResponse();
                }
                case BLOCKED -> {
                    // the design called process again before workDone(): still blocked
                    return Outcome.BLOCK;
                }
                case WRITE_HEADER -> {
                    int n = Math.min(RpcFrame.RESPONSE_HEADER - responseHeaderWritten, out.remaining());
                    out.put(responseHeader, responseHeaderWritten, n);
                    responseHeaderWritten += n;
                    if (responseHeaderWritten < RpcFrame.RESPONSE_HEADER) {
                        return Outcome.OUTPUT_FULL;
                    }
                    state = State.WRITE_PAYLOAD;
                }
                case WRITE_PAYLOAD -> {
                    int n = Math.min(responseSize - responsePayloadWritten, out.remaining());
                    PayloadPattern.put(out, responsePayloadWritten, n);
                    responsePayloadWritten += n;
                    if (responsePayloadWritten < responseSize) {
                        return Outcome.OUTPUT_FULL;
                    }
                    state = State.READ_HEADER;
                }
                case MALFORMED -> {
                    in.position(in.limit());
                    return Outcome.CLOSE;
                }
            }
        }
    }

    /** Returns true once a whole valid header is read; false when input ran out or the frame is malformed. */
    private boolean readHeader(ByteBuffer in) {
        if (headerBytesSeen == 0 && in.remaining() >= RpcFrame.REQUEST_HEADER) {
            // fast path: the whole header is in this read
            int start = in.position();
            length = RpcFrame.getInt(in, start);
            id = RpcFrame.getLong(in, start + 4);
            responseSize = RpcFrame.getInt(in, start + 12);
            cpuSpinNs = RpcFrame.getInt(in, start + 16);
            blockUs = RpcFrame.getInt(in, start + 20);
            in.position(start + RpcFrame.REQUEST_HEADER);
            headerBytesSeen = RpcFrame.REQUEST_HEADER;
            return headerComplete();
        }
        while (in.hasRemaining()) {
            int b = in.get() & 0xff;
            int at = headerBytesSeen++;
            if (at < 4) {
                length = (length << 8) | b;
            } else if (at < 12) {
                id = (id << 8) | b;
            } else if (at < 16) {
                responseSize = (responseSize << 8) | b;
            } else if (at < 20) {
                cpuSpinNs = (cpuSpinNs << 8) | b;
            } else {
                blockUs = (blockUs << 8) | b;
            }
            if (headerBytesSeen == RpcFrame.LENGTH_FIELD && !lengthValid()) {
                // refuse early: do not wait for bytes that belong to no valid frame
                state = State.MALFORMED;
                return false;
            }
            if (headerBytesSeen == RpcFrame.REQUEST_HEADER) {
                return headerComplete();
            }
        }
        return false;
    }

    private boolean lengthValid() {
        return length >= RpcFrame.MIN_REQUEST_LENGTH && length <= RpcFrame.MAX_FRAME;
    }

    private boolean headerComplete() {
        headerBytesSeen = 0;
        if (!lengthValid() || responseSize < 0 || responseSize > RpcFrame.MAX_RESPONSE_SIZE
                || cpuSpinNs < 0 || blockUs < 0) {
            state = State.MALFORMED;
            return false;
        }
        payloadLeftToSkip = length - RpcFrame.MIN_REQUEST_LENGTH;
        length = 0;
        state = State.SKIP_PAYLOAD;
        return true;
    }

    private void startResponse() {
        responseHeaderView.putInt(0, RpcFrame.MIN_RESPONSE_LENGTH + responseSize);
        responseHeaderView.putLong(4, id);
        id = 0;
        responseHeaderWritten = 0;
        responsePayloadWritten = 0;
        state = State.WRITE_HEADER;
    }

    @Override
    public long blockMicros() {
        return state == State.BLOCKED ? blockUs : 0;
    }

    @Override
    public void workDone() {
        if (state == State.BLOCKED) {
            startResponse();
        }
    }

    @Override
    public boolean hasPendingOutput() {
        return state == State.WRITE_HEADER || state == State.WRITE_PAYLOAD;
    }
}
