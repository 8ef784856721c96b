package io.reactorbench.loadgen.coordinator;

import java.io.IOException;

/** A frame or message that breaks the agent protocol; its message is the one-line reason a refusal gives. */
public final class ProtocolException extends IOException {

    public ProtocolException(String reason) {
        super(reason);
    }
}
