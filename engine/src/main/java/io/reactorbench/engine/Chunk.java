package io.reactorbench.engine;

import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;

/**
 * A direct buffer with its native address, the unit of the per-loop {@link BufferPool} (or, for the read-copy
 * ablation only, a heap copy of one read, address 0): the epoll poller
 * passes {@code address + index} to read/write/writev, the nio poller passes {@link #buffer} to the channel.
 * {@link #view} is a second, reusable window onto the same memory, so {@code peek(n)} returns a view without
 * allocating one. Owned by one loop thread.
 */
final class Chunk {

    final ByteBuffer buffer;
    final ByteBuffer view;
    final long address;
    /** Data lies in [readIndex, writeIndex) while the chunk sits in an outbound queue. */
    int readIndex;
    int writeIndex;

    Chunk(int capacityBytes) {
        this(ByteBuffer.allocateDirect(capacityBytes));
    }

    private Chunk(ByteBuffer buffer) {
        this.buffer = buffer;
        this.view = buffer.duplicate();
        this.address = buffer.isDirect() ? MemorySegment.ofBuffer(buffer).address() : 0; // 0: writes copy it
    }

    /**
     * A chunk over a fresh heap copy of {@code src}'s remaining bytes (consumed), in read mode: what the
     * {@link ReadDelivery#COPY} ablation hands a handler. Never pooled; garbage once the handler is done with it.
     */
    static Chunk copyOf(ByteBuffer src) {
        byte[] copy = new byte[src.remaining()];
        src.get(copy);
        return new Chunk(ByteBuffer.wrap(copy));
    }

    /** Whether this is a {@link #copyOf} copy rather than direct memory of the loop's. */
    boolean isReadCopy() {
        return !buffer.isDirect();
    }

    int capacity() {
        return buffer.capacity();
    }

    int readable() {
        return writeIndex - readIndex;
    }

    int writable() {
        return buffer.capacity() - writeIndex;
    }

    void reset() {
        readIndex = 0;
        writeIndex = 0;
        buffer.clear();
    }
}
