package io.reactorbench.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

class OutboundBufferTest {

    private final BufferPool pool = new BufferPool(256, 64);
    private final OutboundBuffer outbound = new OutboundBuffer();
    private final ByteBuffer[] buffers = new ByteBuffer[64];
    private final long[] addresses = new long[64];

    private static ByteBuffer pattern(int count) {
        ByteBuffer buffer = ByteBuffer.allocate(count);
        for (int i = 0; i < count; i++) {
            buffer.put((byte) i);
        }
        return buffer.flip();
    }

    @Test
    void shouldSpreadAppendedBytesOverChunksAndGatherThemInOrder() {
        outbound.append(pool, pattern(1000));
        assertThat(outbound.bytes()).isEqualTo(1000);
        assertThat(outbound.chunkCount()).isEqualTo(4);
        int count = outbound.gather(buffers, addresses, 64);
        assertThat(count).isEqualTo(4);
        int k = 0;
        for (int i = 0; i < count; i++) {
            assertThat(addresses[i]).isNotZero();
            while (buffers[i].hasRemaining()) {
                assertThat(buffers[i].get()).isEqualTo((byte) k++);
            }
        }
        assertThat(k).isEqualTo(1000);
    }

    @Test
    void shouldDropWrittenBytesAndReturnEmptyChunksToThePool() {
        outbound.append(pool, pattern(1000));
        outbound.consume(pool, 300);
        assertThat(outbound.bytes()).isEqualTo(700);
        assertThat(pool.pooled()).isEqualTo(1);
        int count = outbound.gather(buffers, addresses, 64);
        assertThat(buffers[0].get(buffers[0].position())).isEqualTo((byte) 300);
        assertThat(count).isEqualTo(3);
        outbound.consume(pool, 700);
        assertThat(outbound.isEmpty()).isTrue();
        assertThat(pool.pooled()).isEqualTo(4);
    }

    @Test
    void shouldGatherAtMostTheGivenNumberOfBuffers() {
        outbound.append(pool, pattern(256 * 10));
        assertThat(outbound.gather(buffers, addresses, 3)).isEqualTo(3);
    }

    @Test
    void shouldGrowPastItsInitialChunkSlotsAfterWrapping() {
        outbound.append(pool, pattern(256 * 3));
        outbound.consume(pool, 256 * 2);
        outbound.append(pool, pattern(256 * 6));
        assertThat(outbound.bytes()).isEqualTo(256 * 7);
        assertThat(outbound.chunkCount()).isEqualTo(7);
        outbound.clear(pool);
        assertThat(outbound.bytes()).isZero();
    }
}
