package io.reactorbench.engine;

import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The writes other threads hand one loop ({@link Engine#asyncWrite}), and the two limits that keep an off-loop
 * writer from growing memory without bound when its peer reads nothing:
 * <ul>
 *   <li>per connection: a write that finds the connection unwritable — its unsent bytes went above the
 *       high-water mark and have not yet fallen to the low-water mark — is refused with an
 *       {@link OutboundFullException}, nothing copied; {@link EventHandler#onWritable} says when to go on;</li>
 *   <li>per loop: once the loop holds more than {@link #MAX_QUEUED_BYTES} of such writes it has not run yet,
 *       new ones are refused at once, on the calling thread.</li>
 * </ul>
 * So a connection's queued bytes stay under the high-water mark plus one write, and a loop's not-yet-run writes
 * under {@link #MAX_QUEUED_BYTES} plus one write per writer thread.
 */
final class AsyncWrites {

    /**
     * Bytes of off-loop writes one loop may hold before running them. Past this the loop is not keeping up with
     * its writers; as with {@link ReadPath#MAX_UNREAD_BYTES}, no producer may pin the heap's worth of buffers.
     */
    static final long MAX_QUEUED_BYTES = 64L * 1024 * 1024;

    private final EventLoop loop;
    /** Bytes in writes submitted and not yet run (or abandoned); one add when queued, one when taken. */
    private final AtomicLong queuedBytes = new AtomicLong();

    AsyncWrites(EventLoop loop) {
        this.loop = loop;
    }

    /** From any thread. */
    void submit(long connId, ByteBuffer data, AsyncWriteCallback callback) {
        if (queuedBytes.get() > MAX_QUEUED_BYTES) {
            complete(callback, connId, new OutboundFullException("engine loop " + loop.index + " holds over "
                    + MAX_QUEUED_BYTES + " bytes of asyncWrites it has not run yet"));
            return;
        }
        int bytes = data.remaining();
        queuedBytes.getAndAdd(bytes);
        loop.execute(new Write(connId, data, callback, bytes));
    }

    /** Bytes in writes submitted and not yet taken by the loop; from any thread. */
    long queuedBytes() {
        return queuedBytes.get();
    }

    private static void complete(AsyncWriteCallback callback, long connId, Throwable error) {
        if (callback != null) {
            callback.onComplete(connId, error);
        }
    }

    /** One asyncWrite on its way to the loop. */
    private final class Write implements AbandonableTask {

        private final long connId;
        private final ByteBuffer data;
        private final AsyncWriteCallback callback;
        private final int bytes;

        Write(long connId, ByteBuffer data, AsyncWriteCallback callback, int bytes) {
            this.connId = connId;
            this.data = data;
            this.callback = callback;
            this.bytes = bytes;
        }

        @Override
        public void run() {
            queuedBytes.getAndAdd(-bytes);
            int slot = loop.slotOf(connId);
            if (slot < 0) {
                complete(callback, connId, new ClosedChannelException());
                return;
            }
            if (!loop.writes.isWritable(slot)) {
                complete(callback, connId, new OutboundFullException("connection has over "
                        + loop.engine.config().outboundHighWaterBytes() + " bytes unsent"));
                return;
            }
            long base = loop.poller.needsAddresses() && data.isDirect()
                    ? MemorySegment.ofBuffer(data).address() - data.position() : 0;
            try {
                loop.writes.write(slot, data, base);
            } catch (Throwable t) { // e.g. out of direct memory for the copy: this connection ends, not the loop
                loop.connections.fail(slot, "asyncWrite", t);
                complete(callback, connId, t);
                return;
            }
            complete(callback, connId, null);
        }

        @Override
        public void abandon() {
            queuedBytes.getAndAdd(-bytes);
            complete(callback, connId, new ClosedChannelException());
        }
    }
}
