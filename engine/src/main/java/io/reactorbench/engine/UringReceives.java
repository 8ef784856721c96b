package io.reactorbench.engine;

import static io.reactorbench.engine.UringSlots.CONNECTION;
import static io.reactorbench.engine.UringSlots.RECV_ARMED;
import static io.reactorbench.engine.UringSlots.RECV_CANCELLING;
import static io.reactorbench.engine.UringSlots.WANT_READ;

import io.reactorbench.sys.Errno;
import io.reactorbench.sys.IoUring;
import io.reactorbench.sys.IoUringFlags;
import io.reactorbench.sys.ProvidedBuffers;
import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;

/**
 * What the uring poller's multishot recvs brought in and the loop has not read yet: per connection, a queue of
 * filled provided buffers, linked through the buffer ids themselves (a buffer is in at most one queue), so queueing
 * allocates nothing. {@link #read} copies from the queue into the loop's read buffer and hands each emptied buffer
 * straight back to the kernel. How a connection's input ended (EOF or -errno) waits behind its queued bytes, as a
 * socket's FIN waits behind its data. Loop-confined.
 */
final class UringReceives {

    /** Provided buffers per loop: a completion takes one whatever its size, so this bounds recvs in flight. */
    static final int BUFFER_COUNT = 2048;
    /** The most one completion delivers; 2048 x 8 KiB = 16 MiB of native memory per loop, allocated once. */
    static final int BUFFER_BYTES = 8 * 1024;
    /**
     * Filled buffers one connection may hold before its recv is cancelled until the loop reads them: a paused or slow
     * connection must not take the buffers every other connection of the loop receives into (512 KiB here).
     */
    static final int MAX_HELD_PER_CONNECTION = 64;
    static final int BUFFER_GROUP = 0;
    /** {@link #ended}: end of stream; a failure is stored as its -errno. */
    static final int EOF = 1;
    /** The whole address space, to copy to a native address without a segment per read. */
    @SuppressWarnings("restricted")
    private static final MemorySegment EVERYWHERE = MemorySegment.NULL.reinterpret(Long.MAX_VALUE);

    private final IoUring ring;
    private final UringSlots slots;
    private final ProvidedBuffers buffers;
    private final MemorySegment memory;
    /** Per buffer id: the next buffer in its connection's queue (-1: last), its bytes, and how many were read. */
    private final int[] next = new int[BUFFER_COUNT];
    private final int[] length = new int[BUFFER_COUNT];
    private final int[] consumed = new int[BUFFER_COUNT];
    /** Per slot: the queue's first and last buffer id (-1: empty), buffers held, and how the input ended. */
    private int[] head = new int[0];
    private int[] tail = new int[0];
    private int[] held = new int[0];
    private int[] ended = new int[0];
    private int totalHeld;
    /** Connections whose recv ended for lack of buffers, armed again when reads give some back. */
    private final UringStarved starved;

    UringReceives(Arena arena, IoUring ring, UringSlots slots) throws IOException {
        this.ring = ring;
        this.slots = slots;
        this.buffers = new ProvidedBuffers(arena, BUFFER_COUNT, BUFFER_BYTES, BUFFER_GROUP);
        EpollSockets.check(buffers.register(ring), "io_uring_register(PBUF_RING)");
        this.memory = buffers.buffers();
        this.starved = new UringStarved(slots, CONNECTION, this::updateRecv);
    }

    /** A new connection in {@code slot}: an empty queue, input open. */
    void open(int slot) {
        if (slot >= head.length) {
            int size = Math.max(slot + 1, head.length * 2);
            head = grow(head, size);
            tail = grow(tail, size);
            held = java.util.Arrays.copyOf(held, size);
            ended = java.util.Arrays.copyOf(ended, size);
            starved.ensureCapacity(size); // a slot starves at most once at a time: grown here, not under load
        }
        head[slot] = -1;
        tail[slot] = -1;
        held[slot] = 0;
        ended[slot] = 0;
    }

    private static int[] grow(int[] array, int size) {
        int[] grown = java.util.Arrays.copyOf(array, size);
        java.util.Arrays.fill(grown, array.length, size, -1);
        return grown;
    }

    /**
     * The connection in {@code slot} closed: its recv is cancelled (its last completion will carry a stale generation,
     * and its buffer is recycled then) and what it held goes back to the kernel. Returns whether a cancel was queued.
     */
    boolean close(int slot) {
        boolean cancelling = (slots.flags[slot] & (RECV_ARMED | RECV_CANCELLING)) == RECV_ARMED;
        if (cancelling) {
            cancelRecv(slot);
        }
        for (int id = head[slot]; id != -1; id = next[id]) {
            buffers.recycle(id);
            totalHeld--;
        }
        head[slot] = -1;
        tail[slot] = -1;
        held[slot] = 0;
        return cancelling;
    }

    /** A completion brought {@code bytes} into buffer {@code id} for {@code slot}. */
    void onData(int slot, int id, int bytes) {
        next[id] = -1;
        length[id] = bytes;
        consumed[id] = 0;
        if (tail[slot] == -1) {
            head[slot] = id;
        } else {
            next[tail[slot]] = id;
        }
        tail[slot] = id;
        held[slot]++;
        totalHeld++;
    }

    /** The input ended ({@link #EOF} or -errno); the first ending counts. */
    void onEnded(int slot, int how) {
        if (ended[slot] == 0) {
            ended[slot] = how;
        }
    }

    /** A completion for a connection that is gone: its buffer goes straight back. */
    void recycle(int id) {
        buffers.recycle(id);
    }

    /** Whether a read would return something other than WOULD_BLOCK: bytes, or how the input ended. */
    boolean hasInput(int slot) {
        return head[slot] != -1 || ended[slot] != 0;
    }

    int ended(int slot) {
        return ended[slot];
    }

    /** Whether the connection may keep a recv armed: its input is open and it holds fewer than its share. */
    boolean mayReceive(int slot) {
        return ended[slot] == 0 && held[slot] < MAX_HELD_PER_CONNECTION;
    }

    /** Buffers the kernel can fill now. */
    int freeBuffers() {
        return BUFFER_COUNT - totalHeld;
    }

    /**
     * Copies queued bytes into {@code dst} from its position (advanced) to its limit; returns how many (0: none
     * queued). A buffer read to its end goes back to the kernel at once.
     */
    int read(int slot, ByteBuffer dst, long dstBaseAddress) {
        int position = dst.position();
        int room = dst.limit() - position;
        int copied = 0;
        int id = head[slot];
        while (id != -1 && copied < room) {
            int n = Math.min(length[id] - consumed[id], room - copied);
            MemorySegment.copy(memory, (long) id * BUFFER_BYTES + consumed[id], EVERYWHERE,
                    dstBaseAddress + position + copied, n);
            copied += n;
            consumed[id] += n;
            if (consumed[id] < length[id]) {
                break; // dst is full
            }
            int following = next[id];
            buffers.recycle(id);
            held[slot]--;
            totalHeld--;
            id = following;
        }
        head[slot] = id;
        if (id == -1) {
            tail[slot] = -1;
        }
        dst.position(position + copied);
        if (starved.any() && freeBuffers() > 0) {
            starved.feed();
        }
        updateRecv(slot); // it may have held its share and had its recv cancelled
        return copied;
    }

    /** A completion of a multishot recv: bytes into a buffer, the end of the input, or the end of the multishot. */
    void onRecv(long userData, int result, int cqeFlags) {
        int slot = UringUserData.slot(userData);
        boolean current = slots.current(userData, CONNECTION);
        if ((cqeFlags & IoUringFlags.IORING_CQE_F_BUFFER) != 0) {
            int id = cqeFlags >>> IoUringFlags.IORING_CQE_BUFFER_SHIFT;
            if (current && result > 0) {
                onData(slot, id, result);
            } else {
                recycle(id); // for a connection already gone
            }
        }
        if (!current) {
            return;
        }
        if (result == 0) {
            onEnded(slot, EOF);
        } else if (result < 0 && result != -Errno.ENOBUFS && result != -Errno.ECANCELED) {
            onEnded(slot, result);
        }
        if (result != -Errno.ENOBUFS && result != -Errno.ECANCELED) {
            slots.listReady(slot);
        }
        if ((cqeFlags & IoUringFlags.IORING_CQE_F_MORE) == 0) { // the multishot ended: armed again if still wanted
            slots.flags[slot] &= ~(RECV_ARMED | RECV_CANCELLING);
            if (result == -Errno.ENOBUFS) {
                starved.add(slot);
            } else {
                updateRecv(slot);
            }
        }
    }

    /** Arms or cancels the connection's multishot recv so that it runs exactly while the loop wants bytes. */
    void updateRecv(int slot) {
        int state = slots.flags[slot];
        boolean want = slots.kinds[slot] == CONNECTION && (state & WANT_READ) != 0 && mayReceive(slot);
        if (want && (state & RECV_ARMED) == 0) {
            if (freeBuffers() == 0) {
                starved.add(slot);
                return;
            }
            ring.prepRecvMultishot(slots.fds[slot], BUFFER_GROUP, slots.userData(UringUserData.RECV, slot));
            slots.flags[slot] |= RECV_ARMED;
        } else if (!want && (state & (RECV_ARMED | RECV_CANCELLING)) == RECV_ARMED) {
            cancelRecv(slot);
        }
    }

    void cancelRecv(int slot) {
        ring.prepCancel(slots.userData(UringUserData.RECV, slot), UringUserData.of(UringUserData.CANCEL, 0, slot));
        slots.flags[slot] |= RECV_CANCELLING;
    }

}
