package io.reactorbench.engine;

import java.io.IOException;

/**
 * An {@link Engine#asyncWrite} refused, nothing written: the connection's unsent bytes are above the high-water
 * mark (wait for {@link EventHandler#onWritable}), or its loop holds too many off-loop writes it has not run
 * yet (the loop is overloaded). The caller still owns the buffer and may retry with it.
 */
public final class OutboundFullException extends IOException {

    private static final long serialVersionUID = 1L;

    public OutboundFullException(String message) {
        super(message);
    }
}
