package io.reactorbench.engine;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.ByteBuffer;

/**
 * One loop's readiness API and socket I/O, by slot. The two implementations differ in what a socket is (a
 * {@code SocketChannel} and its key for nio, a bare fd for epoll); that difference stays behind this
 * interface so there is one {@link EventLoop}. I/O results are numbers, not exceptions: a closed or reset
 * peer is an expected event. Which implementation runs is a {@link io.reactorbench.sys.PollerKind}, the name the load
 * generator uses too; its poller interface is its own, a client's (connect, finish the connect), where this one is a
 * server's (listen, accept, register, datagrams to the last sender).
 *
 * <p>Loop-confined except {@link #wakeup()}.
 */
interface Poller extends AutoCloseable {

    int READABLE = 1;
    int WRITABLE = 1 << 1;
    /** Error or hang-up reported by the poller; the next read or write says which. */
    int HANGUP = 1 << 2;

    /** read(): nothing to read now. */
    int WOULD_BLOCK = 0;
    /** read(): the peer closed its side. */
    int EOF = -1;
    /** read()/write(): the socket failed; {@link #lastFailure()} says why. */
    int FAILED = -2;
    /** receive(): no datagram waiting (0 would be an empty datagram). */
    int NO_DATAGRAM = -3;

    /** Where ready slots are reported; the loop implements it, so polling allocates nothing per event. */
    interface ReadySink {
        void onReady(int slot, int readyOps);
    }

    /**
     * Waits up to {@code timeoutMs} (0 = don't wait, negative = until something happens); returns events. A signal
     * only makes it return early; any other failure throws, since polling again would fail the same way.
     */
    int poll(long timeoutMs, ReadySink sink) throws IOException;

    /**
     * Hands the I/O this iteration queued to the kernel now, without waiting. A completion-based poller (io_uring)
     * queues writes and submits them with its next poll's wait, one system call per iteration; a loop stepped by
     * hand calls this so that a step's writes are on the wire when the step returns. Readiness pollers write at once:
     * nothing to do.
     */
    default void submitQueued() {
    }

    /** From any thread: makes a blocked or the next {@link #poll} return. */
    void wakeup();

    boolean edgeTriggered();

    /** Whether writes need native addresses (epoll) rather than the ByteBuffers alone (nio). */
    boolean needsAddresses();

    /**
     * Binds and listens on a TCP ({@link InetSocketAddress}) or Unix-domain ({@link java.net.UnixDomainSocketAddress})
     * address; the listener is registered for accept readiness under the returned slot.
     */
    int listen(SocketAddress address, boolean reusePort, int backlog) throws IOException;

    SocketAddress listenerAddress(int listenerSlot) throws IOException;

    /** Stops or resumes accept readiness (backing off after EMFILE); throws when the poller refused the change. */
    void acceptInterest(int listenerSlot, boolean on) throws IOException;

    /**
     * Accepts one waiting connection: a handle to pass to {@link #register} of any poller of the same kind,
     * or {@code null} when none is waiting. Throws when accepting failed (e.g. EMFILE).
     */
    Object accept(int listenerSlot) throws IOException;

    /** The peer address of an accepted handle (for source-hash balancing); null if unknown or not IP. */
    InetSocketAddress remoteAddressOf(Object accepted);

    /** Closes an accepted handle that will not be registered (engine stopping). */
    void discard(Object accepted);

    /**
     * Applies socket options and registers the accepted socket for reading; returns its slot. Throws (having closed
     * the socket) when an option cannot be set or the socket cannot be registered.
     */
    int register(Object accepted) throws IOException;

    /**
     * Sets read/write interest (for edge-triggered epoll, registered once and a no-op). False when the poller refused
     * the change ({@link #lastFailure()} says why): it no longer reports what the loop believes it waits for.
     */
    boolean interest(int slot, boolean read, boolean write);

    /** Reads into {@code dst} from its position to its limit, advancing the position; n, WOULD_BLOCK, EOF or FAILED. */
    int read(int slot, ByteBuffer dst, long dstBaseAddress);

    /** Writes {@code src}'s remaining bytes, advancing its position; bytes written (0 if full) or FAILED. */
    long write(int slot, ByteBuffer src, long srcBaseAddress);

    /**
     * One gathering write of {@code count} buffers, each from its position ({@code addresses[i]} is the native
     * address of that position); bytes written or FAILED. Positions are not advanced.
     */
    long writev(int slot, ByteBuffer[] srcs, long[] addresses, int count);

    void shutdownOutput(int slot);

    /** Binds a UDP socket (with SO_REUSEPORT when asked) registered for read readiness; returns its slot. */
    int bindDatagram(InetSocketAddress address, boolean reusePort) throws IOException;

    /** Receives one datagram into {@code dst} (position advanced) and remembers its sender; bytes, NO_DATAGRAM or FAILED. */
    int receive(int slot, ByteBuffer dst, long dstBaseAddress);

    /** Sends {@code src} (consumed) as one datagram to the last sender; bytes, 0 (buffer full: dropped) or FAILED. */
    long sendToLastSender(int slot, ByteBuffer src, long srcBaseAddress);

    /** The sender of the last datagram received (allocates on the epoll poller). */
    SocketAddress lastSender();

    /** Closes the socket and frees the slot. */
    void close(int slot);

    /** Why the last FAILED result happened. */
    IOException lastFailure();

    SocketAddress remoteAddress(int slot);

    SocketAddress localAddress(int slot);

    @Override
    void close();
}
