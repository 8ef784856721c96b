package io.reactorbench.loadgen;

import io.reactorbench.sys.PollerKind;
import io.reactorbench.wire.spi.Transport;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.ByteBuffer;

/**
 * The sockets of one worker, by slot, and the wait for their readiness: NIO's Selector ({@link NioPoller},
 * portable) or epoll on raw file descriptors through the {@code sys} module's FFM bindings ({@link EpollPoller}:
 * no channel objects, so a connection costs only the worker's array elements). Readiness uses NIO's bit values
 * ({@link #READ}, {@link #WRITE}, {@link #CONNECT}) whichever is underneath. One thread uses a poller, except
 * {@link #wakeup()}. Every socket of a poller is of the transport it was opened for: a TCP or Unix-domain stream, or
 * a UDP socket connected to its target (so reads and writes are one datagram each, and only the target's answers
 * arrive).
 *
 * <p>Which one is {@link PollerKind}, shared with the engine; the interface is not: the engine's poller is a server's
 * (listen, accept, register accepted sockets, datagrams to the last sender, readiness as its own bits), this one a
 * client's (connect and finish the connect, a slot the worker chose, NIO's readiness bits), so one interface would
 * leave half its methods unsupported on each side.
 */
interface Poller extends AutoCloseable {

    int READ = java.nio.channels.SelectionKey.OP_READ;
    int WRITE = java.nio.channels.SelectionKey.OP_WRITE;
    int CONNECT = java.nio.channels.SelectionKey.OP_CONNECT;

    /** Called for each ready slot during {@link #poll}. */
    @FunctionalInterface
    interface Handler {
        void onReady(int slot, int readyOps);
    }

    /**
     * Opens a non-blocking socket of the poller's transport to {@code target} in {@code slot} (bound to
     * {@code source} when given: TCP and UDP only; a source port that is taken falls back to one the kernel picks,
     * see {@link SourcePorts}); true when it connected at once (UDP always does).
     */
    boolean connect(int slot, SocketAddress target, InetSocketAddress source) throws IOException;

    /** After {@link #CONNECT} readiness: completes the connect, or throws with the reason it failed. */
    void finishConnect(int slot) throws IOException;

    /** Reads into {@code into} (a direct buffer) from its position: bytes read, 0 if none, -1 at end of stream. */
    int read(int slot, ByteBuffer into) throws IOException;

    /** Writes from {@code from} (a direct buffer): bytes written, possibly fewer than remain. */
    int write(int slot, ByteBuffer from) throws IOException;

    /** Whether the slot also waits for {@link #WRITE} (while its socket buffer is full); it always waits for reads. */
    default void wantWrite(int slot, boolean write) throws IOException {
        watch(slot, true, write);
    }

    /**
     * What the connected slot waits for. A slow reader that reads on its own clock waits for no {@link #READ}, or
     * level-triggered readiness would wake it for every byte it chooses not to read yet (epoll still reports
     * errors and hang-ups, as {@link #READ}).
     */
    void watch(int slot, boolean read, boolean write) throws IOException;

    /** Closes the slot's socket (no-op when none). */
    void close(int slot);

    /** Waits up to {@code timeoutMs} (0: do not block) and reports ready slots to {@code handler}. */
    int poll(long timeoutMs, Handler handler) throws IOException;

    /** Makes a blocked {@link #poll} return; any thread. */
    void wakeup();

    /** Closes every socket and the poller itself. */
    @Override
    void close();

    static Poller open(PollerKind kind, int slots) throws IOException {
        return open(kind, slots, Transport.TCP);
    }

    static Poller open(PollerKind kind, int slots, Transport transport) throws IOException {
        return kind.resolve() == PollerKind.EPOLL ? new EpollPoller(slots, transport) : new NioPoller(slots, transport);
    }
}
