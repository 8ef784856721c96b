package io.reactorbench.engine;

import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;

/**
 * A direct buffer with its native address, the unit of the per-loop {@link BufferPool}: the epoll poller
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
        this.buffer = ByteBuffer.allocateDirect(capacityBytes);
        this.view = buffer.duplicate();
        this.address = MemorySegment.ofBuffer(buffer).address();
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
