package io.reactorbench.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The slow reader's memory bound sees every kind of memory a design queues in: heap, the JDK's direct buffers (the
 * engine's chunks, the blocking designs' buffers), and Netty's pooled direct buffers; and forgets what was freed.
 */
class ServerMemoryTest {

    private static final int HELD_BYTES = 32 * 1024 * 1024;
    /**
     * The footprint is heap in use plus direct memory, sampled after a GC: the JVM's own threads (JIT, the test
     * engine) change heap in use by some KiB between two samples, either way. A footprint that did not count the
     * held buffer would be ~32 MiB short, so a 1 MiB allowance still tells counted from not counted.
     */
    private static final int SAMPLE_NOISE_BYTES = 1024 * 1024;
    /** The size of buffer Netty's pool hands the servers (from its arenas' chunks), not a huge unpooled one. */
    private static final int NETTY_BUFFER_BYTES = 64 * 1024;

    @Test
    void shouldCountDirectBuffersWhileHeldAndNotOnceDropped() throws Exception {
        long beforeBytes = ServerMemory.footprintBytes();
        ByteBuffer held = ByteBuffer.allocateDirect(HELD_BYTES);

        assertThat(ServerMemory.footprintBytes() - beforeBytes).isGreaterThanOrEqualTo(HELD_BYTES - SAMPLE_NOISE_BYTES);
        assertThat(held.capacity()).isEqualTo(HELD_BYTES); // held until here
        held = null;
        assertThat(ServerMemory.footprintBytes() - beforeBytes).isLessThan(HELD_BYTES / 2);
    }

    @Test
    void shouldCountHeapBuffers() throws Exception {
        long beforeBytes = ServerMemory.footprintBytes();
        byte[] held = new byte[HELD_BYTES];

        assertThat(ServerMemory.footprintBytes() - beforeBytes).isGreaterThanOrEqualTo(HELD_BYTES - SAMPLE_NOISE_BYTES);
        assertThat(held).hasSize(HELD_BYTES);
    }

    @Test
    void shouldCountNettyPooledDirectBuffers() throws Exception {
        long beforeBytes = ServerMemory.footprintBytes();
        List<ByteBuf> held = new ArrayList<>();
        try {
            for (int i = 0; i < HELD_BYTES / NETTY_BUFFER_BYTES; i++) {
                held.add(PooledByteBufAllocator.DEFAULT.directBuffer(NETTY_BUFFER_BYTES));
            }
            assertThat(ServerMemory.footprintBytes() - beforeBytes).isGreaterThanOrEqualTo(HELD_BYTES - SAMPLE_NOISE_BYTES);
        } finally {
            held.forEach(ByteBuf::release);
        }
    }
}
