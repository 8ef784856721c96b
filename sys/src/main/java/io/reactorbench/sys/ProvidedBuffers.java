package io.reactorbench.sys;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.VarHandle;

/**
 * A provided-buffer ring (IORING_REGISTER_PBUF_RING, kernel 5.19+): {@code count} equal native buffers the kernel
 * picks from for a multishot recv, and the ring of {@code struct io_uring_buf} entries through which we hand them
 * back. The kernel consumes entries from the head; we append at the tail, a 16-bit index that overlays the first
 * entry's {@code resv} field and is stored with release semantics so the entry is complete before the kernel sees
 * it. Single threaded, like its {@link IoUring}.
 */
public final class ProvidedBuffers {

    private static final int ENTRY_BYTES = 16;
    private static final long TAIL_OFFSET = 14;
    private static final VarHandle SHORT = ValueLayout.JAVA_SHORT.varHandle();
    /** The kernel pins the ring's pages: it must start on a page. */
    private static final long PAGE_BYTES = 4096;

    private final int count;
    private final int mask;
    private final int bufferBytes;
    private final int groupId;
    private final MemorySegment entries;
    private final MemorySegment buffers;
    private final long buffersAddress;
    private int tail;

    /**
     * @param count       buffers, a power of two up to 32768
     * @param bufferBytes bytes per buffer: the most one completion delivers
     * @param groupId     the buffer group id SQEs name ({@code buf_group})
     */
    public ProvidedBuffers(Arena arena, int count, int bufferBytes, int groupId) {
        if (count <= 0 || count > 32768 || Integer.bitCount(count) != 1) {
            throw new IllegalArgumentException("buffer count must be a power of two up to 32768: " + count);
        }
        this.count = count;
        this.mask = count - 1;
        this.bufferBytes = bufferBytes;
        this.groupId = groupId;
        this.entries = arena.allocate((long) ENTRY_BYTES * count, PAGE_BYTES);
        this.buffers = arena.allocate((long) bufferBytes * count, 64);
        this.buffersAddress = buffers.address();
    }

    /** Registers the ring with {@code ring} and provides every buffer: 0 or -errno (-EINVAL before 5.19). */
    public int register(IoUring ring) {
        int r = ring.registerBufferRing(entries.address(), count, groupId);
        if (r < 0) {
            return r;
        }
        for (int id = 0; id < count; id++) {
            recycle(id);
        }
        return 0;
    }

    /** Hands buffer {@code id} back to the kernel, to be filled again. */
    public void recycle(int id) {
        long entry = (long) (tail & mask) * ENTRY_BYTES;
        entries.set(ValueLayout.JAVA_LONG, entry, buffersAddress + (long) id * bufferBytes);
        entries.set(ValueLayout.JAVA_INT, entry + 8, bufferBytes);
        entries.set(ValueLayout.JAVA_SHORT, entry + 12, (short) id); // not entry + 14: that is the tail, for entry 0
        tail++;
        SHORT.setRelease(entries, TAIL_OFFSET, (short) tail);
    }

    /** Native address of buffer {@code id}. */
    public long address(int id) {
        return buffersAddress + (long) id * bufferBytes;
    }

    /** All buffers, buffer {@code id} at {@code id * bufferBytes()}: for copying out without a new segment. */
    public MemorySegment buffers() {
        return buffers;
    }

    public int bufferBytes() {
        return bufferBytes;
    }

    public int count() {
        return count;
    }

    public int groupId() {
        return groupId;
    }
}
