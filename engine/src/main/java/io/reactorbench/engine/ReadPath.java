package io.reactorbench.engine;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;

/**
 * A loop's read side of its connections: reads a ready socket into the loop's shared read buffer and hands the bytes
 * to onTraffic, keeps what the handler left unread, pauses and resumes reading, discards what a lingering connection
 * still receives, and (edge-triggered) keeps the list of connections to read again next iteration. Loop-confined.
 */
final class ReadPath {

    /**
     * Edge-triggered only: reads per connection per readiness event. A connection with more is put back on
     * the read-again list for the next iteration, so one fast sender cannot starve the loop's other connections.
     */
    static final int READS_PER_EVENT_BUDGET = 16;
    /**
     * Unread bytes a connection may accumulate: a handler that never consumes (waiting for a message that never
     * completes) must not let one peer take the heap's worth of direct memory. Above the largest rpc frame (16 MiB).
     */
    static final int MAX_UNREAD_BYTES = 64 * 1024 * 1024;

    private final EventLoop loop;
    private final ConnectionTable table;
    private final Poller poller;
    private final BufferPool pool;
    private final Chunk readChunk;
    private final Conn conn;
    private final boolean edgeTriggered;
    /** The read-copy ablation ({@link ReadDelivery#COPY}): a final field, one predictable branch per read. */
    private final boolean copyReads;
    private int[] readAgain = new int[16];
    private int readAgainCount;
    private int[] readAgainBatch = new int[16];

    ReadPath(EventLoop loop, ReadDelivery delivery) {
        this.loop = loop;
        this.table = loop.table;
        this.poller = loop.poller;
        this.pool = loop.pool;
        this.readChunk = loop.readChunk;
        this.conn = loop.conn;
        this.edgeTriggered = poller.edgeTriggered();
        this.copyReads = delivery == ReadDelivery.COPY;
    }

    void onReadable(int slot, boolean hangup) {
        int state = table.state(slot);
        if (ConnectionLifecycle.phase(state) == ConnectionLifecycle.LINGERING) {
            discardInput(slot);
            return;
        }
        Connections connections = loop.connections;
        if (!ConnectionLifecycle.mayRead(state)) {
            if (hangup && !edgeTriggered) {
                connections.closeNow(slot, new ClosedChannelException()); // level-triggered HUP repeats until we close
            }
            return;
        }
        int budget = edgeTriggered ? READS_PER_EVENT_BUDGET : 1;
        ByteBuffer buffer = readChunk.buffer;
        while (budget-- > 0) {
            buffer.clear();
            int n = poller.read(slot, buffer, readChunk.address);
            if (n == Poller.WOULD_BLOCK) {
                return;
            }
            if (n == Poller.EOF) { // every byte received was already handed to onTraffic: flush the answers, close
                connections.on(slot, ConnectionLifecycle.INPUT_ENDED, null);
                return;
            }
            if (n == Poller.FAILED) {
                connections.closeNow(slot, poller.lastFailure());
                return;
            }
            table.touch(slot, loop.nowNs());
            buffer.flip();
            Chunk inbound = table.inbound(slot);
            if (inbound == null) {
                connections.dispatchTraffic(slot, copyReads ? Chunk.copyOf(buffer) : readChunk);
            } else {
                if (InboundBuffer.readable(inbound) > MAX_UNREAD_BYTES) {
                    connections.closeNow(slot,
                            new IOException("peer sent over " + MAX_UNREAD_BYTES + " bytes the handler left unread"));
                    return;
                }
                inbound = InboundBuffer.append(pool, inbound, buffer);
                table.inbound(slot, inbound);
                connections.dispatchTraffic(slot, inbound);
            }
            if (!readable(slot)) {
                return;
            }
            if (n < buffer.capacity() && !(hangup && edgeTriggered)) {
                return; // a short read drained the socket; new bytes bring a new event (but a FIN seen with this edge won't)
            }
        }
        if (edgeTriggered) {
            scheduleReadAgain(slot);
        }
    }

    private boolean readable(int slot) {
        return table.kind(slot) == ConnectionTable.KIND_CONNECTION && ConnectionLifecycle.mayRead(table.state(slot));
    }

    /** Lingering: reads and drops until the peer's FIN, a failure or the byte cap ends the linger. */
    private void discardInput(int slot) {
        ByteBuffer buffer = readChunk.buffer;
        for (int i = 0; i < READS_PER_EVENT_BUDGET; i++) {
            buffer.clear();
            int n = poller.read(slot, buffer, readChunk.address);
            if (n == Poller.WOULD_BLOCK) {
                return;
            }
            if (n < 0 || EventLoop.LINGER.byteCapReached(table.addLingeredBytes(slot, n))) {
                loop.connections.on(slot, ConnectionLifecycle.LINGER_ENDED, null);
                return;
            }
        }
    }

    // ------------------------------------------------------------------ pausing and resuming

    void pauseReading(int slot) {
        loop.connections.on(slot, ConnectionLifecycle.HANDLER_PAUSED, null);
    }

    /** Inside a callback only opens the gate; outside one it also delivers what is buffered. */
    void resumeReading(int slot) {
        if ((table.state(slot) & ConnectionLifecycle.PAUSED_BY_HANDLER) != 0) {
            loop.connections.on(slot, ConnectionLifecycle.HANDLER_RESUMED, null);
        }
    }

    /** The RESUME_READING effect: a read gate just opened. */
    void resume(int slot) {
        if (conn.inCallback()) {
            if (edgeTriggered) {
                scheduleReadAgain(slot); // bytes that arrived while paused brought no new edge
            }
            return; // afterCallback updates the interest
        }
        loop.connections.updateInterest(slot);
        if (!readable(slot)) {
            return; // still paused for another reason, or closed because the poller refused the change
        }
        loop.connections.wake(slot);
        if (edgeTriggered && readable(slot)) {
            scheduleReadAgain(slot); // bytes that arrived while paused brought no new edge
        }
    }

    // ------------------------------------------------------------------ edge-triggered read-again list

    private void scheduleReadAgain(int slot) {
        if (readAgainCount == readAgain.length) {
            readAgain = java.util.Arrays.copyOf(readAgain, readAgainCount * 2);
        }
        readAgain[readAgainCount++] = slot;
    }

    boolean hasReadAgain() {
        return readAgainCount != 0;
    }

    /** Reads the connections left over from the last iteration; returns how many there were. */
    int runReadAgain() {
        int count = readAgainCount;
        if (count == 0) {
            return 0;
        }
        // swap the two lists: slots scheduled while running these go to the next iteration
        int[] batch = readAgain;
        readAgain = readAgainBatch.length >= batch.length ? readAgainBatch : new int[batch.length];
        readAgainBatch = batch;
        readAgainCount = 0;
        for (int i = 0; i < count; i++) {
            int slot = batch[i];
            try {
                if (readable(slot)) {
                    onReadable(slot, false);
                }
            } catch (Throwable t) {
                loop.connections.fail(slot, "a connection", t);
            }
        }
        return count;
    }
}
