package io.reactorbench.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

class InboundBufferTest {

    private final BufferPool pool = new BufferPool(1024, 4);

    private static ByteBuffer bytes(int from, int count) {
        ByteBuffer buffer = ByteBuffer.allocate(count);
        for (int i = 0; i < count; i++) {
            buffer.put((byte) (from + i));
        }
        return buffer.flip();
    }

    @Test
    void shouldKeepOnlyTheUnreadBytes() {
        ByteBuffer read = bytes(0, 100);
        read.position(60);
        Chunk chunk = InboundBuffer.of(pool, read);
        assertThat(InboundBuffer.readable(chunk)).isEqualTo(40);
        assertThat(chunk.buffer.get(chunk.buffer.position())).isEqualTo((byte) 60);
        assertThat(read.hasRemaining()).isFalse();
    }

    @Test
    void shouldAppendAfterUnreadBytesAndCompactWhenTheEndIsReached() {
        Chunk chunk = InboundBuffer.of(pool, bytes(0, 1000));
        chunk.buffer.position(990); // the handler consumed most of it
        Chunk same = InboundBuffer.append(pool, chunk, bytes(1000 % 256, 500));
        assertThat(same).isSameAs(chunk);
        assertThat(InboundBuffer.readable(same)).isEqualTo(510);
        for (int i = 0; i < 510; i++) {
            assertThat(same.buffer.get(same.buffer.position() + i)).isEqualTo((byte) (990 + i));
        }
    }

    @Test
    void shouldMoveToABiggerChunkWhenAMessageOutgrowsOne() {
        Chunk chunk = InboundBuffer.of(pool, bytes(0, 800));
        Chunk bigger = InboundBuffer.append(pool, chunk, bytes(800 % 256, 800));
        assertThat(bigger).isNotSameAs(chunk);
        assertThat(bigger.capacity()).isEqualTo(2048);
        assertThat(InboundBuffer.readable(bigger)).isEqualTo(1600);
        for (int i = 0; i < 1600; i++) {
            assertThat(bigger.buffer.get(i)).isEqualTo((byte) i);
        }
        assertThat(pool.pooled()).as("the small chunk went back to the pool").isEqualTo(1);
    }

    @Test
    void shouldPoolOnlyStandardChunksAndBoundThePool() {
        BufferPool small = new BufferPool(256, 1);
        Chunk a = small.acquire();
        Chunk b = small.acquire();
        Chunk huge = small.acquire(1000);
        small.release(a);
        small.release(b);
        small.release(huge);
        assertThat(small.pooled()).isEqualTo(1);
        assertThat(small.acquire()).isSameAs(a);
    }
}
