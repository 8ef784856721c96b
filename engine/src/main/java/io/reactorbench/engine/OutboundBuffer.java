package io.reactorbench.engine;

import java.nio.ByteBuffer;

/**
 * The bytes a connection could not write yet, as a FIFO of pooled {@link Chunk}s. It exists only while
 * such bytes exist: the loop takes one from its free list when a write comes up short and gives it back
 * when it drains. Flushing hands the pending chunks to the poller as one gathering write.
 */
final class OutboundBuffer {

    private static final int INITIAL_CHUNKS = 4;

    private Chunk[] chunks = new Chunk[INITIAL_CHUNKS];
    private int head;
    private int count;
    private long bytes;

    long bytes() {
        return bytes;
    }

    boolean isEmpty() {
        return bytes == 0;
    }

    int chunkCount() {
        return count;
    }

    /** Copies {@code src}'s remaining bytes (consuming them) to the end of the queue. */
    void append(BufferPool pool, ByteBuffer src) {
        while (src.hasRemaining()) {
            Chunk tail = count == 0 ? null : chunks[(head + count - 1) & (chunks.length - 1)];
            if (tail == null || tail.writable() == 0) {
                tail = pool.acquire();
                addLast(tail);
            }
            int n = Math.min(tail.writable(), src.remaining());
            tail.buffer.put(tail.writeIndex, src, src.position(), n);
            src.position(src.position() + n);
            tail.writeIndex += n;
            bytes += n;
        }
    }

    /**
     * Fills {@code buffers}/{@code addresses} with up to {@code max} pending chunks, each buffer positioned on
     * its unsent bytes; returns how many.
     */
    int gather(ByteBuffer[] buffers, long[] addresses, int max) {
        int n = Math.min(max, count);
        for (int i = 0; i < n; i++) {
            Chunk chunk = chunks[(head + i) & (chunks.length - 1)];
            ByteBuffer view = chunk.view;
            view.limit(chunk.writeIndex).position(chunk.readIndex);
            buffers[i] = view;
            addresses[i] = chunk.address + chunk.readIndex;
        }
        return n;
    }

    /** Drops {@code written} bytes from the front, giving emptied chunks back to the pool. */
    void consume(BufferPool pool, long written) {
        bytes -= written;
        while (written > 0) {
            Chunk chunk = chunks[head];
            int n = (int) Math.min(written, chunk.readable());
            chunk.readIndex += n;
            written -= n;
            if (chunk.readable() == 0) {
                chunks[head] = null;
                head = (head + 1) & (chunks.length - 1);
                count--;
                pool.release(chunk);
            }
        }
    }

    /** Gives every chunk back (connection closed). */
    void clear(BufferPool pool) {
        while (count > 0) {
            Chunk chunk = chunks[head];
            chunks[head] = null;
            head = (head + 1) & (chunks.length - 1);
            count--;
            pool.release(chunk);
        }
        bytes = 0;
        head = 0;
    }

    private void addLast(Chunk chunk) {
        if (count == chunks.length) {
            Chunk[] grown = new Chunk[chunks.length * 2];
            for (int i = 0; i < count; i++) {
                grown[i] = chunks[(head + i) & (chunks.length - 1)];
            }
            chunks = grown;
            head = 0;
        }
        chunks[(head + count) & (chunks.length - 1)] = chunk;
        count++;
    }
}
