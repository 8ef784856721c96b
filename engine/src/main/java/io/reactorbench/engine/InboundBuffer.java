package io.reactorbench.engine;

import java.nio.ByteBuffer;

/**
 * The bytes a connection's handler left unread, kept between reads. It exists only while such bytes exist
 * (the loop returns its chunk to the pool when it empties). It is a compacting buffer rather than a wrapping
 * ring on purpose: the handler reads a contiguous view ({@code in.position()..in.limit()}), and a ring that
 * wraps would need a copy for every view across the wrap point; compaction copies only the leftover bytes,
 * once, when the space at the end runs out.
 *
 * <p>Stateless helpers over a {@link Chunk} whose {@code buffer} is kept in read mode: position = first
 * unread byte, limit = end of data.
 */
final class InboundBuffer {

    private InboundBuffer() {
    }

    /** A new inbound chunk holding {@code src}'s remaining bytes (src is consumed). */
    static Chunk of(BufferPool pool, ByteBuffer src) {
        Chunk chunk = pool.acquire(src.remaining());
        ByteBuffer buffer = chunk.buffer;
        buffer.clear();
        buffer.put(src);
        buffer.flip();
        return chunk;
    }

    /**
     * Appends {@code src} (consumed) after the unread bytes of {@code chunk}, compacting or moving to a bigger
     * chunk when needed; returns the chunk that now holds the data (possibly a new one).
     */
    static Chunk append(BufferPool pool, Chunk chunk, ByteBuffer src) {
        ByteBuffer buffer = chunk.buffer;
        int unread = buffer.remaining();
        int needed = unread + src.remaining();
        if (needed > buffer.capacity()) {
            Chunk bigger = pool.acquire(needed);
            ByteBuffer target = bigger.buffer;
            target.clear();
            target.put(buffer);
            target.put(src);
            target.flip();
            pool.release(chunk);
            return bigger;
        }
        if (buffer.capacity() - buffer.limit() < src.remaining()) {
            buffer.compact(); // moves only the unread bytes to the front
            buffer.flip();
        }
        int end = buffer.limit();
        buffer.limit(end + src.remaining());
        buffer.put(end, src, src.position(), src.remaining());
        src.position(src.limit());
        return chunk;
    }

    static int readable(Chunk chunk) {
        return chunk.buffer.remaining();
    }
}
