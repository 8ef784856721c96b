package io.reactorbench.wire.app;

import io.reactorbench.wire.spi.App;
import java.nio.ByteBuffer;

/**
 * The server side of one connection's protocol, shared by every design so that differences in the numbers
 * come from the reactor design, not from parsing. A design reads bytes, hands them to
 * {@link #process(ByteBuffer, ByteBuffer)}, writes what lands in {@code out}, and reacts to the outcome.
 * Parsers are incremental: any split of the bytes across reads works, and nothing is allocated per request
 * in steady state.
 *
 * <p>Not thread-safe: one session per connection, used by one thread at a time.
 */
public interface ServerSession {

    /** What the design must do after {@link #process}. */
    enum Outcome {
        /** Every byte of {@code in} was consumed; wait for more input (flush {@code out} if it holds bytes). */
        NEED_INPUT,
        /**
         * {@code out} has no room for the next response bytes: send {@code out}, then call {@code process}
         * again with the rest of {@code in} (which may be empty: a large response can still be streaming).
         */
        OUTPUT_FULL,
        /**
         * The current request asks for blocking work of {@link #blockMicros()} µs (rpc only). The design
         * blocks the way it should (inline on a per-connection thread, on an offload executor for a reactor),
         * then calls {@link #workDone()} and {@code process} again, which writes the response and goes on.
         */
        BLOCK,
        /**
         * Send what is in {@code out}, then close the connection (HTTP 400/431, Connection: close, bad frame),
         * lingering as {@link io.reactorbench.wire.spi.LingerRule} says.
         */
        CLOSE
    }

    /**
     * Consumes request bytes from {@code in} (advancing its position) and appends responses to {@code out}
     * (advancing its position). CPU work asked by an rpc request is spun inline, here.
     */
    Outcome process(ByteBuffer in, ByteBuffer out);

    /** After {@link Outcome#BLOCK}: how long the request wants the server to block, in microseconds. */
    long blockMicros();

    /** After {@link Outcome#BLOCK}: the blocking work is over; the next {@code process} writes the response. */
    void workDone();

    /** Whether a response is partly written (more output will come without more input). */
    boolean hasPendingOutput();

    /** A new session for the app. */
    static ServerSession create(App app) {
        return ServerSessions.create(app);
    }
}
