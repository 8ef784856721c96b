package io.reactorbench.engine;

import static io.reactorbench.engine.UringSlots.DATAGRAM;
import static io.reactorbench.engine.UringSlots.RECV_ARMED;
import static io.reactorbench.engine.UringSlots.RECV_CANCELLING;

import io.reactorbench.sys.Errno;
import io.reactorbench.sys.IoUring;
import io.reactorbench.sys.IoUringFlags;
import io.reactorbench.sys.LinuxSys;
import io.reactorbench.sys.MsgHdr;
import io.reactorbench.sys.ProvidedBuffers;
import io.reactorbench.sys.RecvMsgOut;
import io.reactorbench.sys.SockAddr;
import io.reactorbench.sys.SocketFlags;
import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * The uring poller's UDP sockets. Each keeps one multishot IORING_OP_RECVMSG armed that takes its buffers from the
 * loop's datagram buffer group: a datagram lands whole in one buffer, after the kernel's
 * {@code struct io_uring_recvmsg_out} and the sender's address ({@link RecvMsgOut}). Completions queue the buffers
 * per socket, linked through the buffer ids (a buffer is in at most one queue), so queueing allocates nothing, and
 * the socket is reported READABLE. {@link #receive} hands the loop the oldest datagram: the payload copied into the
 * loop's read buffer, the sender kept for the reply, and the buffer straight back to the kernel. Replies go out
 * through {@link UringDatagramSends}, to the sender of the datagram received last, as on the epoll poller.
 *
 * <p>When the group runs dry the recvmsg ends with -ENOBUFS (the datagram waits in the socket); the socket waits on a
 * starved list and is armed again as soon as a receive returns a buffer. Loop-confined.
 */
final class UringDatagrams {

    /** Group 0 is the streams' ({@link UringReceives}): a loop may serve both. */
    static final int BUFFER_GROUP = 1;
    /**
     * Datagrams the kernel may have received and the loop not yet taken, per loop (a completion takes a whole buffer
     * whatever the datagram's size); 256 x 64 KiB = 16 MiB of native memory, as much as the stream buffers.
     */
    static final int BUFFER_COUNT = 256;
    /** Room for the sender's address in every buffer: a sockaddr_in6 (28 bytes) fits. */
    static final int NAME_BYTES = 32;
    /** The payload at most: any UDP datagram fits, so none is cut that recvfrom into the loop's buffer would keep. */
    static final int PAYLOAD_BYTES = UringDatagramSends.PAYLOAD_BYTES;
    private static final int PAYLOAD_OFFSET = RecvMsgOut.BYTES + NAME_BYTES;
    @SuppressWarnings("restricted")
    private static final MemorySegment EVERYWHERE = MemorySegment.NULL.reinterpret(Long.MAX_VALUE);

    private final IoUring ring;
    private final UringSlots slots;
    private final int bufferCount;
    private final int bufferBytes;
    private final ProvidedBuffers buffers;
    private final MemorySegment memory;
    /** The one msghdr every socket's recvmsg points at: the name's room, no iovecs, no control. Never changed. */
    private final MemorySegment recvHeader;
    private final UringDatagramSends sends;
    /** The sender of the datagram received last: the reply's destination. */
    private final SockAddr sender;
    /** Per buffer id: the next buffer in its socket's queue (-1: last) and the payload bytes it holds. */
    private final int[] next;
    private final int[] length;
    /** Per slot: the queue's first and last buffer id (-1: empty), and a failed recvmsg's -errno not yet reported. */
    private int[] head = new int[0];
    private int[] tail = new int[0];
    private int[] failure = new int[0];
    private int held;
    private final UringStarved starved;
    /** Datagrams taken since the socket being reported was reported: 0 means the loop is not taking any now. */
    private int taken;

    UringDatagrams(Arena arena, IoUring ring, UringSlots slots) throws IOException {
        this(arena, ring, slots, BUFFER_COUNT, RecvMsgOut.BYTES + NAME_BYTES + PAYLOAD_BYTES);
    }

    /** With {@code bufferCount} buffers of {@code bufferBytes} (tests run the group dry or cut datagrams with few). */
    UringDatagrams(Arena arena, IoUring ring, UringSlots slots, int bufferCount, int bufferBytes) throws IOException {
        this.ring = ring;
        this.slots = slots;
        this.bufferCount = bufferCount;
        this.bufferBytes = bufferBytes;
        this.buffers = new ProvidedBuffers(arena, bufferCount, bufferBytes, BUFFER_GROUP);
        EpollSockets.check(buffers.register(ring), "io_uring_register(PBUF_RING) for datagrams");
        this.memory = buffers.buffers();
        this.recvHeader = arena.allocate(MsgHdr.BYTES, 8);
        MsgHdr.set(recvHeader, 0, 0L, NAME_BYTES, 0L, 0);
        this.sends = new UringDatagramSends(arena, ring);
        this.sender = new SockAddr(arena);
        this.next = new int[bufferCount];
        this.length = new int[bufferCount];
        this.starved = new UringStarved(slots, DATAGRAM, this::arm);
    }

    /** Binds a UDP socket (non-blocking, SO_REUSEPORT when asked); returns its slot, its recvmsg armed. */
    int bind(InetSocketAddress address, boolean reusePort) throws IOException {
        int fd = EpollSockets.boundSocket(address, SocketFlags.SOCK_DGRAM, reusePort);
        int slot;
        try {
            slot = slots.add(fd, DATAGRAM);
        } catch (IOException | RuntimeException e) {
            LinuxSys.close(fd);
            throw e;
        }
        if (slot >= head.length) {
            int size = Math.max(slot + 1, head.length * 2);
            head = Arrays.copyOf(head, size);
            tail = Arrays.copyOf(tail, size);
            failure = Arrays.copyOf(failure, size);
        }
        head[slot] = -1;
        tail[slot] = -1;
        failure[slot] = 0;
        arm(slot);
        return slot;
    }

    /** Arms the socket's multishot recvmsg unless it is armed, or waits for a buffer when the group is dry. */
    private void arm(int slot) {
        if ((slots.flags[slot] & (RECV_ARMED | RECV_CANCELLING)) != 0) {
            return;
        }
        if (held == bufferCount) {
            starved.add(slot);
            return;
        }
        ring.prepRecvMsgMultishot(slots.fds[slot], recvHeader.address(), BUFFER_GROUP,
                slots.userData(UringUserData.RECVMSG, slot));
        slots.flags[slot] |= RECV_ARMED;
    }

    /** A completion of a multishot recvmsg: a datagram in a buffer, or the end of the multishot. */
    void onRecvMsg(long userData, int result, int cqeFlags) {
        int slot = UringUserData.slot(userData);
        boolean current = slots.current(userData, DATAGRAM);
        if ((cqeFlags & IoUringFlags.IORING_CQE_F_BUFFER) != 0) {
            int id = cqeFlags >>> IoUringFlags.IORING_CQE_BUFFER_SHIFT;
            if (current && result >= PAYLOAD_OFFSET) {
                queue(slot, id, result - PAYLOAD_OFFSET);
            } else {
                buffers.recycle(id); // for a socket already closed
            }
        }
        if (!current) {
            return;
        }
        if (result < 0 && result != -Errno.ENOBUFS && result != -Errno.ECANCELED) {
            failure[slot] = result;
        }
        if (result >= 0 || failure[slot] != 0) {
            slots.listReady(slot);
        }
        if ((cqeFlags & IoUringFlags.IORING_CQE_F_MORE) == 0) {
            // ended: by ENOBUFS, an empty datagram, a full CQ or an error. Armed again unless cancelled (a closed
            // socket's completions are stale and never get here) or failed in a way another recvmsg would too
            slots.flags[slot] &= ~(RECV_ARMED | RECV_CANCELLING);
            if (result != -Errno.ECANCELED && !persists(result)) {
                arm(slot);
            }
        }
    }

    /** Errors of the request itself rather than of one datagram: arming again would only fail again at once. */
    private static boolean persists(int result) {
        return result == -Errno.EBADF || result == -Errno.ENOTSOCK || result == -Errno.EINVAL
                || result == -Errno.EFAULT || result == -Errno.EOPNOTSUPP;
    }

    private void queue(int slot, int id, int payloadBytes) {
        next[id] = -1;
        length[id] = payloadBytes;
        if (tail[slot] == -1) {
            head[slot] = id;
        } else {
            next[tail[slot]] = id;
        }
        tail[slot] = id;
        held++;
    }

    /**
     * Reports the socket READABLE when it has datagrams queued (or a failure); one the loop took some from and that
     * still has more is listed for the next poll, as a level-triggered poller would report it again.
     */
    void report(int slot, Poller.ReadySink sink) {
        if (head[slot] == -1 && failure[slot] == 0) {
            return;
        }
        taken = 0;
        sink.onReady(slot, Poller.READABLE);
        if (taken > 0 && slots.kinds[slot] == DATAGRAM && head[slot] != -1) {
            slots.listReady(slot);
        }
    }

    /**
     * The oldest datagram's payload into {@code dst} from its position (advanced; a longer payload is cut to the room,
     * as recvfrom cuts it), its sender kept for the reply; returns the bytes, or {@link Poller#NO_DATAGRAM} when none
     * is queued.
     */
    int receive(int slot, ByteBuffer dst, long dstBaseAddress) {
        int id = head[slot];
        if (id == -1) {
            return Poller.NO_DATAGRAM;
        }
        long buffer = (long) id * bufferBytes;
        sender.copyFrom(memory, buffer + RecvMsgOut.BYTES, Math.min(RecvMsgOut.nameLength(memory, buffer), NAME_BYTES));
        int position = dst.position();
        int n = Math.min(length[id], dst.limit() - position);
        MemorySegment.copy(memory, buffer + PAYLOAD_OFFSET, EVERYWHERE, dstBaseAddress + position, n);
        dst.position(position + n);
        head[slot] = next[id];
        if (head[slot] == -1) {
            tail[slot] = -1;
        }
        held--;
        buffers.recycle(id);
        taken++;
        if (starved.any()) {
            starved.feed();
        }
        return n;
    }

    /** A failed recvmsg's -errno not reported yet (then cleared), or 0. */
    int takeFailure(int slot) {
        int failed = failure[slot];
        failure[slot] = 0;
        return failed;
    }

    /** A reply to the last datagram's sender; see {@link UringDatagramSends#send}. */
    int send(int slot, long address, int length) {
        return sends.send(slots.fds[slot], address, length, sender);
    }

    void onSent(long userData) {
        sends.onSent(userData);
    }

    SockAddr lastSender() {
        return sender;
    }

    /**
     * Closes the socket: its recvmsg cancelled (the request holds the socket, so the port stays bound until the
     * cancel is submitted), its queued buffers back to the kernel, the fd closed and the slot freed. Returns whether a
     * cancel was queued, for the poller to submit now.
     */
    boolean close(int slot) {
        boolean cancelling = (slots.flags[slot] & (RECV_ARMED | RECV_CANCELLING)) == RECV_ARMED;
        if (cancelling) {
            ring.prepCancel(slots.userData(UringUserData.RECVMSG, slot),
                    UringUserData.of(UringUserData.CANCEL, 0, slot));
        }
        for (int id = head[slot]; id != -1; id = next[id]) {
            buffers.recycle(id);
            held--;
        }
        head[slot] = -1;
        tail[slot] = -1;
        failure[slot] = 0;
        LinuxSys.close(slots.fds[slot]);
        slots.release(slot); // its generation moves on: the cancelled recvmsg's last completion is recognised as stale
        if (starved.any()) {
            starved.feed();
        }
        return cancelling;
    }
}
