package io.reactorbench.engine;

/** What a handler asks the loop to do after a callback (gnet's {@code gnet.Action}). */
public enum Action {
    /** Carry on. */
    NONE,
    /** Flush what was written, then close this connection. */
    CLOSE,
    /** Shut the whole engine down gracefully. */
    SHUTDOWN
}
