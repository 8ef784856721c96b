package io.reactorbench.wire.http;

import java.nio.ByteBuffer;

/** Client side: parses HTTP/1.1 responses incrementally (any split), without allocating. */
public final class HttpResponseParser {

    public enum Result { NEED_MORE, RESPONSE, MALFORMED }

    /** Consumes bytes up to the end of one response (headers and Content-Length body). */
    public Result parse(ByteBuffer in) {
        throw new UnsupportedOperationException("TODO(wire)");
    }

    /** Status code of the last complete response. */
    public int status() {
        throw new UnsupportedOperationException("TODO(wire)");
    }

    /** Content-Length of the last complete response. */
    public long contentLength() {
        throw new UnsupportedOperationException("TODO(wire)");
    }

    /** Whether the last response said {@code Connection: close}. */
    public boolean closeRequested() {
        throw new UnsupportedOperationException("TODO(wire)");
    }
}
