package io.reactorbench.engine;

import io.reactorbench.sys.Errno;
import io.reactorbench.sys.IoUring;
import io.reactorbench.sys.IoVec;
import io.reactorbench.sys.MsgHdr;
import io.reactorbench.sys.SockAddr;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * The uring poller's datagram replies. A SENDMSG reads its msghdr, iovec, destination address and bytes when the
 * kernel issues it, which is after the reply was written (at the loop's next enter, or later if the socket's buffer is
 * full), so each reply is copied into a send record that stays untouched until the SENDMSG completes: the msghdr, the
 * iovec, the address and the payload, laid out once and reused. Records come from a free list, grown in groups as
 * replies in flight need them (native memory kept for the loop's life) up to {@link #MAX_RECORDS}; a reply finding
 * none is dropped, as a full socket buffer drops one on the epoll poller. Completions free the record and nothing
 * else: a datagram goes whole or is lost, and the engine does not report a reply's fate. Loop-confined.
 */
final class UringDatagramSends {

    /** Replies in flight at most (16 MiB of records); the loop sends at most one per datagram it handles. */
    static final int MAX_RECORDS = 256;
    /** The largest payload: any UDP datagram (65,507 bytes over IPv4, 65,527 over IPv6) fits. */
    static final int PAYLOAD_BYTES = 64 * 1024;
    private static final int RECORDS_PER_GROWTH = 16;
    private static final long IOV = MsgHdr.BYTES;
    private static final long NAME = IOV + IoVec.ENTRY_SIZE;
    private static final long PAYLOAD = 256; // after NAME's SockAddr.STORAGE_SIZE bytes, rounded up
    private static final long RECORD_BYTES = PAYLOAD + PAYLOAD_BYTES;
    @SuppressWarnings("restricted")
    private static final MemorySegment EVERYWHERE = MemorySegment.NULL.reinterpret(Long.MAX_VALUE);

    private final Arena arena;
    private final IoUring ring;
    /** Each record's memory, by record index. */
    private final MemorySegment[] records = new MemorySegment[MAX_RECORDS];
    private final int[] free = new int[MAX_RECORDS];
    private int freeCount;
    private int recordCount;

    UringDatagramSends(Arena arena, IoUring ring) {
        this.arena = arena;
        this.ring = ring;
    }

    /**
     * Queues one SENDMSG of {@code length} bytes from native {@code address} to {@code to} on {@code fd}, submitted
     * by the loop's next enter. Returns {@code length}, 0 when {@link #MAX_RECORDS} replies are in flight (dropped),
     * or -EMSGSIZE for more than a datagram holds.
     */
    int send(int fd, long address, int length, SockAddr to) {
        if (length > PAYLOAD_BYTES) {
            return -Errno.EMSGSIZE;
        }
        if (freeCount == 0 && !grow()) {
            return 0;
        }
        int record = free[--freeCount];
        MemorySegment memory = records[record];
        MemorySegment.copy(EVERYWHERE, address, memory, PAYLOAD, length);
        int nameBytes = Math.min(to.length(), SockAddr.STORAGE_SIZE);
        MemorySegment.copy(to.segment(), 0, memory, NAME, nameBytes);
        MsgHdr.setNameLength(memory, 0, nameBytes);
        memory.set(ValueLayout.JAVA_LONG, IOV + 8, length);
        ring.prepSendMsg(fd, memory.address(), 0, UringUserData.of(UringUserData.SENDMSG, 0, record));
        return length;
    }

    /** A SENDMSG completed (its result, bytes or -errno, is not reported): its record is free again. */
    void onSent(long userData) {
        free[freeCount++] = UringUserData.slot(userData);
    }

    /** Adds a group of records, each laid out once: the msghdr points at its iovec and address, the iovec at its payload. */
    private boolean grow() {
        if (recordCount == MAX_RECORDS) {
            return false;
        }
        MemorySegment group = arena.allocate(RECORD_BYTES * RECORDS_PER_GROWTH, 64);
        for (int i = 0; i < RECORDS_PER_GROWTH; i++) {
            MemorySegment memory = group.asSlice(i * RECORD_BYTES, RECORD_BYTES);
            long base = memory.address();
            MsgHdr.set(memory, 0, base + NAME, 0, base + IOV, 1);
            memory.set(ValueLayout.JAVA_LONG, IOV, base + PAYLOAD);
            records[recordCount] = memory;
            free[freeCount++] = recordCount++;
        }
        return true;
    }
}
