package io.reactorbench.engine;

import java.nio.ByteBuffer;

/**
 * A loop's write side of its connections: a write goes straight to the socket when nothing is queued, and only what
 * the socket does not take is copied into the connection's {@link OutboundBuffer}, which leaves in gathering writes
 * when the socket is writable again. The water marks turn that queue into backpressure: above the high mark the
 * connection stops being read and {@link AsyncWrites} refuses off-loop writes ({@link OutboundFullException}); at the
 * low mark {@link EventHandler#onWritable} says they may go on (both are {@link ConnectionLifecycle} events).
 * Loop-confined.
 */
final class WritePath {

    /** Buffers per gathering write; more wait for the next write (IOV_MAX is 1024, 64 x 16 KiB is plenty). */
    static final int MAX_BUFFERS_PER_WRITE = 64;

    private final EventLoop loop;
    private final ConnectionTable table;
    private final Poller poller;
    private final BufferPool pool;
    private final Conn conn;
    private final long highWaterBytes;
    private final long lowWaterBytes;
    private final ByteBuffer[] gatherBuffers = new ByteBuffer[MAX_BUFFERS_PER_WRITE];
    private final long[] gatherAddresses = new long[MAX_BUFFERS_PER_WRITE];
    private final long[] writevAddresses = new long[MAX_BUFFERS_PER_WRITE];

    WritePath(EventLoop loop, long highWaterBytes, long lowWaterBytes) {
        this.loop = loop;
        this.table = loop.table;
        this.poller = loop.poller;
        this.pool = loop.pool;
        this.conn = loop.conn;
        this.highWaterBytes = highWaterBytes;
        this.lowWaterBytes = lowWaterBytes;
    }

    /** Writes straight to the socket when nothing is queued; queues (copies) only what the socket did not take. */
    void write(int slot, ByteBuffer src, long srcBaseAddress) {
        if (!src.hasRemaining()) {
            return;
        }
        if (ConnectionLifecycle.phase(table.state(slot)) == ConnectionLifecycle.LINGERING) {
            src.position(src.limit()); // output already shut down
            return;
        }
        OutboundBuffer outbound = table.outbound(slot);
        boolean wasEmpty = outbound == null || outbound.isEmpty();
        if (wasEmpty) {
            if (srcBaseAddress != 0 || !poller.needsAddresses()) {
                long n = poller.write(slot, src, srcBaseAddress);
                if (n == Poller.FAILED) {
                    src.position(src.limit());
                    onWriteFailed(slot);
                    return;
                }
                if (!src.hasRemaining()) {
                    return;
                }
            }
            if (outbound == null) {
                outbound = new OutboundBuffer();
                table.outbound(slot, outbound);
            }
        }
        outbound.append(pool, src);
        if (wasEmpty && srcBaseAddress == 0 && poller.needsAddresses()) {
            flush(slot); // a buffer without a native address: written from its copy, now
        }
        if (!conn.inCallback()) {
            checkBackpressure(slot);
            loop.connections.updateInterest(slot);
        }
    }

    /**
     * Several buffers in one gathering write when nothing is queued; what the socket does not take is queued,
     * buffer after buffer. {@code addresses[i]} is the native base address of {@code srcs[i]} (0 = none).
     */
    void writev(int slot, ByteBuffer[] srcs, long[] addresses, int count) {
        OutboundBuffer outbound = table.outbound(slot);
        boolean direct = (outbound == null || outbound.isEmpty())
                && ConnectionLifecycle.phase(table.state(slot)) != ConnectionLifecycle.LINGERING;
        for (int i = 0; i < count && direct; i++) {
            direct = addresses[i] != 0 || !poller.needsAddresses();
        }
        if (direct && count > 1) {
            for (int i = 0; i < count; i++) {
                gatherAddresses[i] = addresses[i] + srcs[i].position(); // writev wants where the bytes start
            }
            long written = poller.writev(slot, srcs, gatherAddresses, count);
            if (written == Poller.FAILED) {
                for (int i = 0; i < count; i++) {
                    srcs[i].position(srcs[i].limit());
                }
                onWriteFailed(slot);
                return;
            }
            for (int i = 0; i < count && written > 0; i++) {
                int n = (int) Math.min(written, srcs[i].remaining());
                srcs[i].position(srcs[i].position() + n);
                written -= n;
            }
        }
        for (int i = 0; i < count; i++) {
            write(slot, srcs[i], addresses[i]); // the rest: written or queued, in order
        }
    }

    private void onWriteFailed(int slot) {
        if (conn.inCallback()) {
            conn.writeFailed(poller.lastFailure());
        } else {
            loop.connections.closeNow(slot, poller.lastFailure());
        }
    }

    /** Scratch for {@link Conn#writev}: the native address of each buffer. */
    long[] writevAddresses() {
        return writevAddresses;
    }

    long outboundBytes(int slot) {
        OutboundBuffer outbound = table.outbound(slot);
        return outbound == null ? 0 : outbound.bytes();
    }

    /** Sends queued bytes with gathering writes until the socket is full or the queue is empty. */
    void flush(int slot) {
        OutboundBuffer outbound = table.outbound(slot);
        while (outbound != null && !outbound.isEmpty()) {
            int count = outbound.gather(gatherBuffers, gatherAddresses, MAX_BUFFERS_PER_WRITE);
            long gathered = 0;
            for (int i = 0; i < count; i++) {
                gathered += gatherBuffers[i].remaining();
            }
            long n = poller.writev(slot, gatherBuffers, gatherAddresses, count);
            if (n == Poller.FAILED) {
                onWriteFailed(slot);
                return;
            }
            outbound.consume(pool, n);
            if (n < gathered) {
                break; // the socket is full: wait for writability
            }
        }
        if (conn.inCallback()) {
            return;
        }
        if (outbound != null && outbound.isEmpty() && ConnectionLifecycle.isClosing(table.state(slot))) {
            loop.connections.on(slot, ConnectionLifecycle.OUTBOUND_DRAINED, null);
            return;
        }
        checkBackpressure(slot);
        loop.connections.updateInterest(slot);
    }

    /** Whether asyncWrite takes bytes for this connection: not above the high-water mark (until back at the low). */
    boolean isWritable(int slot) {
        return (table.state(slot) & ConnectionLifecycle.PAUSED_BY_BACKPRESSURE) == 0;
    }

    /** Crossing a water mark is a lifecycle event: the high one shuts the read gate, the low one opens it. */
    void checkBackpressure(int slot) {
        long pending = outboundBytes(slot);
        if (!isWritable(slot)) {
            if (pending <= lowWaterBytes) {
                loop.connections.on(slot, ConnectionLifecycle.AT_LOW_WATER, null);
            }
        } else if (pending > highWaterBytes) {
            loop.connections.on(slot, ConnectionLifecycle.ABOVE_HIGH_WATER, null);
        }
    }
}
