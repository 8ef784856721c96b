package io.reactorbench.wire.rpc;

import java.nio.ByteBuffer;

/** Client side: decodes rpc responses incrementally (any split), without allocating. */
public final class RpcResponseDecoder {

    public enum Result { NEED_MORE, RESPONSE, MALFORMED }

    /**
     * Consumes bytes from {@code in} up to the end of one response; returns {@link Result#RESPONSE} when one
     * is complete (then {@link #id()} and {@link #payloadSize()} describe it), NEED_MORE when {@code in} is
     * exhausted first.
     */
    public Result decode(ByteBuffer in) {
        throw new UnsupportedOperationException("TODO(wire)");
    }

    public long id() {
        throw new UnsupportedOperationException("TODO(wire)");
    }

    public int payloadSize() {
        throw new UnsupportedOperationException("TODO(wire)");
    }
}
