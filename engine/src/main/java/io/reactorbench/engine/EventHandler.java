package io.reactorbench.engine;

/**
 * The application's callbacks (gnet v2's {@code EventHandler}). Connection callbacks run on the loop that owns
 * the connection, one at a time, so a handler needs no locks for per-connection state. The {@link Conn} passed
 * in, and the views it hands out, are valid only during the callback; keep {@link Conn#id()} to refer to the
 * connection later, from any thread, through {@link Engine#asyncWrite}, {@link Engine#asyncClose} and
 * {@link Engine#wake}.
 */
public interface EventHandler {

    /** Once, after every listener is bound and before the first connection. */
    default void onBoot(Engine engine) {
    }

    /** A connection was accepted; may write a greeting. */
    default Action onOpen(Conn conn) {
        return Action.NONE;
    }

    /**
     * Bytes arrived (read them from {@link Conn#inbound()}; those left unread are kept for the next call), or
     * {@link Engine#wake} was called, or reading resumed after backpressure or {@link Conn#resumeReading()}:
     * then {@link Conn#inboundBuffered()} may be 0.
     */
    Action onTraffic(Conn conn);

    /**
     * The connection became writable again: its unsent bytes, having gone above the outbound high-water mark,
     * fell to the low-water mark. {@link Engine#asyncWrite}s refused meanwhile with an
     * {@link OutboundFullException} may be sent again now (Netty's {@code channelWritabilityChanged}).
     * Reading resumes right after this call.
     */
    default void onWritable(Conn conn) {
    }

    /** The connection is closed; {@code cause} is null for an orderly close, otherwise what ended it. */
    default void onClose(Conn conn, Throwable cause) {
    }

    /**
     * Periodic work on each loop, first called right after boot; returns the delay to the next call in ns,
     * or a negative value to stop ticking on that loop. Off unless the handler overrides {@link #ticks()}.
     */
    default long onTick(int loopIndex) {
        return -1;
    }

    /** Whether {@link #onTick} should be called. */
    default boolean ticks() {
        return false;
    }

    /** Once, when the engine stops, after every connection is closed. */
    default void onShutdown(Engine engine) {
    }
}
