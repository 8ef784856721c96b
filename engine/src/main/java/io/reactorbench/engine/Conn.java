package io.reactorbench.engine;

import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.net.SocketAddress;
import java.nio.ByteBuffer;

/**
 * The connection a callback is about. One instance per loop, re-pointed at each connection in turn (a
 * flyweight): the engine keeps no object per connection, so this one and the buffers it hands out are valid
 * only during the callback. To refer to the connection later or from another thread, keep {@link #id()}.
 *
 * <p>Reading: {@link #inbound()} is a view of the unread bytes — the loop's shared read buffer, or the
 * connection's inbound buffer when earlier bytes were left unread — from its position to its limit. Consume by
 * advancing its position (or with {@link #next}/{@link #discard}); what is left when the callback returns is
 * kept for the next one. Writing: {@link #write} goes straight to the socket; only what the socket does not
 * take is copied and queued. Build replies in {@link #outBuffer()} and write them once per callback.
 */
public final class Conn {

    private static final ByteBuffer EMPTY = ByteBuffer.allocateDirect(0);

    private final EventLoop loop;
    private int slot = -1;
    private Chunk view;
    private boolean closeRequested;
    private IOException writeFailure;
    /** Bound to a datagram rather than a connection: writes answer its sender. */
    private boolean datagram;

    Conn(EventLoop loop) {
        this.loop = loop;
    }

    void bind(int newSlot, Chunk newView) {
        this.slot = newSlot;
        this.view = newView;
        loop.outChunk.buffer.clear();
    }

    void bindDatagram(int newSlot, Chunk newView) {
        bind(newSlot, newView);
        this.datagram = true;
    }

    void unbind() {
        this.slot = -1;
        this.view = null;
        this.datagram = false;
    }

    /** Whether this callback is about one UDP datagram (no connection: no id, no async calls, no flow control). */
    public boolean isDatagram() {
        return datagram;
    }

    boolean inCallback() {
        return slot >= 0;
    }

    boolean takeCloseRequest() {
        boolean requested = closeRequested;
        closeRequested = false;
        return requested;
    }

    IOException takeWriteFailure() {
        IOException failure = writeFailure;
        writeFailure = null;
        return failure;
    }

    void writeFailed(IOException failure) {
        if (writeFailure == null) {
            writeFailure = failure;
        }
    }

    // ------------------------------------------------------------------ identity

    /** Stable handle for {@link Engine#asyncWrite}, {@link Engine#asyncClose}, {@link Engine#wake}: loop, generation, slot. */
    public long id() {
        if (datagram) {
            throw new UnsupportedOperationException("a datagram has no connection id");
        }
        return loop.connectionId(checkedSlot());
    }

    /** The engine, e.g. for its offload executor. */
    public Engine engine() {
        return loop.engine;
    }

    /** Index of the loop that owns this connection. */
    public int loopIndex() {
        return loop.index;
    }

    /** The handler's per-connection state (gnet's {@code Context()}). */
    public Object context() {
        return loop.table.context(checkedSlot());
    }

    public void context(Object value) {
        loop.table.context(checkedSlot(), value);
    }

    /** An {@code InetSocketAddress}, or a Unix-domain address (possibly null: unnamed peer). Allocates. */
    public SocketAddress remoteAddress() {
        int current = checkedSlot();
        return datagram ? loop.datagrams.lastSender() : loop.poller.remoteAddress(current);
    }

    /** Allocates; not for the hot path. */
    public SocketAddress localAddress() {
        return loop.poller.localAddress(checkedSlot());
    }

    // ------------------------------------------------------------------ reading

    /** The unread bytes, position to limit. Advance the position to consume; do not change the limit. */
    public ByteBuffer inbound() {
        checkedSlot();
        return view == null ? EMPTY : view.buffer;
    }

    /** Unread bytes available now. */
    public int inboundBuffered() {
        checkedSlot();
        return view == null ? 0 : view.buffer.remaining();
    }

    /**
     * A view of the next {@code min(n, inboundBuffered())} bytes without consuming them. The same view object
     * is reused by the next peek/next.
     */
    public ByteBuffer peek(int n) {
        if (view == null) {
            checkedSlot();
            return EMPTY;
        }
        ByteBuffer buffer = view.buffer;
        int position = buffer.position();
        int count = Math.min(Math.max(n, 0), buffer.remaining());
        return view.view.limit(position + count).position(position);
    }

    /** Like {@link #peek} and consumes those bytes. */
    public ByteBuffer next(int n) {
        ByteBuffer peeked = peek(n);
        if (view != null) {
            view.buffer.position(view.buffer.position() + peeked.remaining());
        }
        return peeked;
    }

    /** Consumes up to {@code n} bytes; returns how many. */
    public int discard(int n) {
        if (view == null) {
            checkedSlot();
            return 0;
        }
        ByteBuffer buffer = view.buffer;
        int count = Math.min(Math.max(n, 0), buffer.remaining());
        buffer.position(buffer.position() + count);
        return count;
    }

    // ------------------------------------------------------------------ writing

    /** A loop-owned buffer to build replies in, empty at the start of each callback. */
    public ByteBuffer outBuffer() {
        checkedSlot();
        return loop.outChunk.buffer;
    }

    /** Writes {@code src}'s remaining bytes (consuming them): to the socket now, the rest queued. */
    public void write(ByteBuffer src) {
        int current = checkedSlot();
        if (datagram) {
            loop.datagrams.send(current, src, addressOf(src));
            return;
        }
        loop.writes.write(current, src, addressOf(src));
    }

    /**
     * Writes the buffers' remaining bytes (consuming them) in one gathering write when nothing is queued; the rest
     * is queued in order. At most {@link WritePath#MAX_BUFFERS_PER_WRITE} buffers.
     */
    public void writev(ByteBuffer... srcs) {
        int current = checkedSlot();
        if (srcs.length > WritePath.MAX_BUFFERS_PER_WRITE) {
            throw new IllegalArgumentException("at most " + WritePath.MAX_BUFFERS_PER_WRITE + " buffers per writev");
        }
        if (datagram) {
            for (ByteBuffer src : srcs) {
                write(src);
            }
            return;
        }
        long[] addresses = loop.writes.writevAddresses();
        for (int i = 0; i < srcs.length; i++) {
            addresses[i] = addressOf(srcs[i]);
        }
        loop.writes.writev(current, srcs, addresses, srcs.length);
    }

    /** Bytes queued and not yet sent. */
    public long outboundBuffered() {
        int current = checkedSlot();
        return datagram ? 0 : loop.writes.outboundBytes(current);
    }

    /**
     * False from the moment the unsent bytes exceed the outbound high-water mark until they fall to the low-water
     * mark ({@link EventHandler#onWritable} then): meanwhile reading is paused and asyncWrites are refused.
     */
    public boolean isWritable() {
        int current = checkedSlot();
        return datagram || loop.writes.isWritable(current);
    }

    /** Queues {@code src} on this connection's loop; see {@link Engine#asyncWrite}. */
    public void asyncWrite(ByteBuffer src, AsyncWriteCallback callback) {
        loop.engine.asyncWrite(id(), src, callback);
    }

    // ------------------------------------------------------------------ flow and closing

    /** Stops delivering input (e.g. while blocking work for this connection runs elsewhere). */
    public void pauseReading() {
        int current = checkedSlot();
        if (datagram) {
            throw new UnsupportedOperationException("a UDP socket is not paused per datagram");
        }
        loop.reads.pauseReading(current);
    }

    /** Delivers input again; called outside a callback it also hands over what is buffered. */
    public void resumeReading() {
        loop.reads.resumeReading(checkedSlot());
    }

    /** Closes once the callback returns and queued bytes are sent. */
    public void close() {
        checkedSlot();
        closeRequested = true;
    }

    private long addressOf(ByteBuffer src) {
        if (!loop.poller.needsAddresses()) {
            return 0;
        }
        if (view != null && src == view.buffer) {
            return view.address;
        }
        if (view != null && src == view.view) {
            return view.address;
        }
        if (src == loop.outChunk.buffer) {
            return loop.outChunk.address;
        }
        if (src.isDirect()) {
            return MemorySegment.ofBuffer(src).address() - src.position(); // allocates: a user buffer, not ours
        }
        return 0; // a heap buffer: the loop copies it
    }

    private int checkedSlot() {
        if (slot < 0) {
            throw new IllegalStateException("Conn used outside a callback; keep conn.id() and use Engine instead");
        }
        return slot;
    }
}
