package io.reactorbench.sys;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * {@code struct io_uring_recvmsg_out} (four u32: namelen, controllen, payloadlen, flags), which a multishot
 * IORING_OP_RECVMSG writes at the start of every provided buffer it fills (kernel 6.0+). After it the buffer holds
 * the sender's address in the room the request's msghdr reserved ({@code msg_namelen} bytes, whatever the address's
 * own length), then {@code msg_controllen} bytes of control data, then the payload, cut to what is left of the
 * buffer. The completion's result is {@link #BYTES} + that name and control room + the payload bytes copied, so the
 * copied length is the result minus the room, whatever the payload field says; a cut payload sets MSG_TRUNC in
 * {@link #flags}. As liburing's {@code io_uring_recvmsg_validate}/{@code io_uring_recvmsg_name}/
 * {@code io_uring_recvmsg_payload} read it.
 */
public final class RecvMsgOut {

    public static final int BYTES = 16;

    private RecvMsgOut() {
    }

    /** The sender address's real length ({@code namelen}): only as much of it as the reserved room was copied. */
    public static int nameLength(MemorySegment buffer, long offset) {
        return buffer.get(ValueLayout.JAVA_INT, offset);
    }

    /** {@code payloadlen}: the datagram's length as the socket's recvmsg reported it. */
    public static int payloadLength(MemorySegment buffer, long offset) {
        return buffer.get(ValueLayout.JAVA_INT, offset + 8);
    }

    /** {@code flags}: the received message's MSG_* flags, MSG_TRUNC when its payload did not fit. */
    public static int flags(MemorySegment buffer, long offset) {
        return buffer.get(ValueLayout.JAVA_INT, offset + 12);
    }
}
