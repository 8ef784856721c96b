package io.reactorbench.sys;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * {@code struct msghdr} (56 bytes on 64-bit Linux), written into native memory the caller owns: what an
 * IORING_OP_SENDMSG or IORING_OP_RECVMSG SQE points at. The kernel reads it when it issues the request, which may be
 * after the submitting enter (a send that waits for room, an SQPOLL thread), so it must stay as written until the
 * request completes. Fields: {@code msg_name} (8), {@code msg_namelen} (4, then 4 of padding), {@code msg_iov} (8),
 * {@code msg_iovlen} (8), {@code msg_control} (8), {@code msg_controllen} (8), {@code msg_flags} (4, then padding).
 * No control data is ever passed here. Allocates nothing.
 */
public final class MsgHdr {

    public static final long BYTES = 56;
    private static final long NAME = 0;
    private static final long NAME_LENGTH = 8;
    private static final long IOV = 16;
    private static final long IOV_COUNT = 24;
    private static final long CONTROL = 32;
    private static final long CONTROL_LENGTH = 40;
    private static final long FLAGS = 48;

    private MsgHdr() {
    }

    /**
     * Writes a msghdr at {@code offset} of {@code memory}: the peer's address at {@code nameAddress} ({@code nameBytes}
     * long for a send; for a multishot recvmsg the room reserved for it in every buffer), {@code iovCount} iovecs at
     * {@code iovAddress} (none for a multishot recvmsg, which receives into provided buffers), no control data.
     */
    public static void set(MemorySegment memory, long offset, long nameAddress, int nameBytes, long iovAddress,
            long iovCount) {
        memory.set(ValueLayout.JAVA_LONG, offset + NAME, nameAddress);
        memory.set(ValueLayout.JAVA_LONG, offset + NAME_LENGTH, nameBytes & 0xFFFF_FFFFL); // the padding zeroed too
        memory.set(ValueLayout.JAVA_LONG, offset + IOV, iovAddress);
        memory.set(ValueLayout.JAVA_LONG, offset + IOV_COUNT, iovCount);
        memory.set(ValueLayout.JAVA_LONG, offset + CONTROL, 0L);
        memory.set(ValueLayout.JAVA_LONG, offset + CONTROL_LENGTH, 0L);
        memory.set(ValueLayout.JAVA_LONG, offset + FLAGS, 0L);
    }

    /** Rewrites {@code msg_namelen} alone: a reused send header, pointed at a new peer of another length. */
    public static void setNameLength(MemorySegment memory, long offset, int nameBytes) {
        memory.set(ValueLayout.JAVA_INT, offset + NAME_LENGTH, nameBytes);
    }
}
