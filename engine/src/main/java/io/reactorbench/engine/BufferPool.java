package io.reactorbench.engine;

/**
 * The per-loop pool of fixed-size {@link Chunk}s that back inbound and outbound buffers while a connection
 * needs them. Loop-confined, so no locks. Chunks larger than {@link #chunkBytes} (a message that does not fit)
 * are made on demand and dropped on release, so one huge message cannot pin memory in the pool.
 */
final class BufferPool {

    private final int chunkBytes;
    private final Chunk[] free;
    private int freeCount;

    BufferPool(int chunkBytes, int maxPooledChunks) {
        if (chunkBytes <= 0 || maxPooledChunks < 0) {
            throw new IllegalArgumentException("chunkBytes must be > 0 and maxPooledChunks >= 0");
        }
        this.chunkBytes = chunkBytes;
        this.free = new Chunk[maxPooledChunks];
    }

    int chunkBytes() {
        return chunkBytes;
    }

    int pooled() {
        return freeCount;
    }

    Chunk acquire() {
        if (freeCount > 0) {
            Chunk chunk = free[--freeCount];
            free[freeCount] = null;
            return chunk;
        }
        return new Chunk(chunkBytes);
    }

    /** A chunk of at least {@code minBytes}: a pooled one when it fits. */
    Chunk acquire(int minBytes) {
        if (minBytes <= chunkBytes) {
            return acquire();
        }
        return new Chunk(Integer.highestOneBit(minBytes - 1) << 1);
    }

    void release(Chunk chunk) {
        chunk.reset();
        if (chunk.capacity() == chunkBytes && freeCount < free.length) {
            free[freeCount++] = chunk;
        }
    }
}
