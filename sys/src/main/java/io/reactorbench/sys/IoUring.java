package io.reactorbench.sys;

import static io.reactorbench.sys.IoUringFlags.*;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.VarHandle;

/**
 * One io_uring instance driven through FFM, without liburing: the submission and completion rings mmapped from the
 * ring fd, SQEs written in place, one {@code io_uring_enter} that submits what was queued and waits. Single
 * threaded: the thread that first submits (see {@link #submitAndWait}) owns it; only {@link #close()} may come from
 * elsewhere once that thread is done.
 *
 * <p><b>Memory ordering.</b> The kernel reads the SQ tail and writes the SQ head; it writes the CQ tail and reads the
 * CQ head. Our side stores the tails it publishes with release semantics (the SQE bytes must be visible before the
 * kernel sees the new tail) and loads the kernel's indices with acquire semantics (a CQE's bytes are read only after
 * the tail that covers them), as liburing's {@code io_uring_smp_store_release}/{@code load_acquire} do.
 *
 * <p><b>Setup.</b> {@link #open} asks for SINGLE_ISSUER + DEFER_TASKRUN (completions are posted only when the owner
 * enters with GETEVENTS, so none arrive on another CPU behind its back) and NO_SQARRAY, then drops flags one step at
 * a time while the kernel answers EINVAL (older kernels). SINGLE_ISSUER makes the ring's creator its only submitter,
 * and an engine builds its pollers on another thread than the loop's: so the ring starts disabled
 * (IORING_SETUP_R_DISABLED) and the first {@link #submitAndWait} enables it, making its caller the owner.
 * {@link #openSqPoll} is the SQPOLL experiment: a kernel thread takes the SQEs, and an enter happens only to wait
 * for completions or to wake that thread once it slept.
 */
public final class IoUring implements AutoCloseable {

    public static final int SQE_BYTES = 64;
    private static final int CQE_BYTES = 16;
    private static final VarHandle INT = ValueLayout.JAVA_INT.varHandle();
    /** The overall timeout a batched wait without one gets (see {@link #submitAndWait(long, int, int)}). */
    private static final long NO_LIMIT_NS = 3_600_000_000_000L;

    private final Arena arena = Arena.ofShared();
    private final int fd;
    private final int setupFlags;
    private final int features;
    private final MemorySegment rings;
    private final MemorySegment sqes;
    private final long sqHeadOffset;
    private final long sqTailOffset;
    private final long sqFlagsOffset;
    private final long cqHeadOffset;
    private final long cqTailOffset;
    private final long cqesOffset;
    private final int sqEntries;
    private final int sqMask;
    private final int cqEntries;
    private final int cqMask;
    /** A kernel thread takes the SQEs (IORING_SETUP_SQPOLL): enter only to wait, or to wake that thread. */
    private final boolean sqPoll;
    /** struct io_uring_getevents_arg then a struct __kernel_timespec, for waits with a timeout. */
    private final MemorySegment waitArgument;
    /** struct io_uring_buf_reg, for buffer ring (un)registration. */
    private final MemorySegment registerArgument;
    /** SQEs written so far (our copy of the SQ tail, published at submit). */
    private int sqeTail;
    private int cqHead;
    private boolean enabled;
    private boolean closed;

    IoUring(int fd, MemorySegment params, int setupFlags) throws IOException {
        this.fd = fd;
        this.setupFlags = setupFlags;
        this.features = params.get(ValueLayout.JAVA_INT, 20);
        this.sqEntries = params.get(ValueLayout.JAVA_INT, 0);
        this.cqEntries = params.get(ValueLayout.JAVA_INT, 4);
        if ((features & IORING_FEAT_SINGLE_MMAP) == 0 || (features & IORING_FEAT_EXT_ARG) == 0) {
            LinuxSys.close(fd);
            throw new IoUringSetupException("io_uring lacks SINGLE_MMAP or EXT_ARG (kernel before 5.11)", -Errno.EOPNOTSUPP);
        }
        int sqArray = params.get(ValueLayout.JAVA_INT, 40 + 24);
        long cqes = params.get(ValueLayout.JAVA_INT, 80 + 20);
        long ringBytes = Math.max(sqArray + 4L * sqEntries, cqes + (long) CQE_BYTES * cqEntries);
        MemorySegment mappedRings = null;
        try {
            mappedRings = IoUringSetup.map(fd, ringBytes, 0);
            this.rings = mappedRings;
            this.sqes = IoUringSetup.map(fd, (long) SQE_BYTES * sqEntries, IoUringSetup.OFF_SQES);
        } catch (IOException e) {
            if (mappedRings != null) {
                IoUringSetup.unmap(mappedRings);
            }
            LinuxSys.close(fd);
            throw e;
        }
        this.sqHeadOffset = params.get(ValueLayout.JAVA_INT, 40);
        this.sqTailOffset = params.get(ValueLayout.JAVA_INT, 44);
        this.sqMask = rings.get(ValueLayout.JAVA_INT, params.get(ValueLayout.JAVA_INT, 48));
        this.sqFlagsOffset = params.get(ValueLayout.JAVA_INT, 56);
        this.cqHeadOffset = params.get(ValueLayout.JAVA_INT, 80);
        this.cqTailOffset = params.get(ValueLayout.JAVA_INT, 84);
        this.cqMask = rings.get(ValueLayout.JAVA_INT, params.get(ValueLayout.JAVA_INT, 88));
        this.cqesOffset = cqes;
        this.sqPoll = (setupFlags & IORING_SETUP_SQPOLL) != 0;
        if ((setupFlags & IORING_SETUP_NO_SQARRAY) == 0) {
            for (int i = 0; i < sqEntries; i++) { // identity: SQE i sits in slot i, so the tail alone says what to take
                rings.set(ValueLayout.JAVA_INT, sqArray + 4L * i, i);
            }
        }
        this.enabled = (setupFlags & IORING_SETUP_R_DISABLED) == 0;
        this.sqeTail = (int) INT.getAcquire(rings, sqTailOffset);
        this.cqHead = (int) INT.getAcquire(rings, cqHeadOffset);
        this.waitArgument = arena.allocate(24 + 16, 8);
        this.registerArgument = arena.allocate(40, 8);
    }

    /**
     * A ring of {@code sqEntries} submission slots and at least {@code cqEntries} completion slots (both rounded up to
     * powers of two, clamped to the kernel's maximum), with the newest setup flags this kernel accepts.
     */
    public static IoUring open(int sqEntries, int cqEntries) throws IOException {
        return IoUringSetup.open(sqEntries, cqEntries, IoUringSetup.ATTEMPTS, 0);
    }

    /**
     * Like {@link #open}, with a kernel thread polling the submission queue (IORING_SETUP_SQPOLL), which sleeps after
     * {@code sqThreadIdleMs} without work: an experiment, costing a core's worth of spinning while busy.
     */
    public static IoUring openSqPoll(int sqEntries, int cqEntries, int sqThreadIdleMs) throws IOException {
        return IoUringSetup.open(sqEntries, cqEntries, IoUringSetup.SQPOLL_ATTEMPTS, sqThreadIdleMs);
    }

    // ------------------------------------------------------------------ submission

    /**
     * Claims the next SQE, zeroed; returns its byte offset in the SQE array. When the SQ is full, what is queued is
     * submitted first (without waiting): a loop that queues more than a ring's worth in one iteration pays one more
     * enter, not a failure.
     */
    private long claim() {
        if (sqeTail - (int) INT.getAcquire(rings, sqHeadOffset) == sqEntries) {
            int r = sqPoll ? waitForSqSpace() : submitAndWait(0);
            if (sqeTail - (int) INT.getAcquire(rings, sqHeadOffset) == sqEntries) {
                throw new IllegalStateException("io_uring submission queue stays full: " + Errno.message(r));
            }
        }
        long offset = (long) (sqeTail & sqMask) * SQE_BYTES;
        sqeTail++;
        for (long i = 0; i < SQE_BYTES; i += 8) {
            sqes.set(ValueLayout.JAVA_LONG, offset + i, 0L);
        }
        return offset;
    }

    private long sqe(byte opcode, byte flags, short ioprio, int fd, long userData) {
        long o = claim();
        sqes.set(ValueLayout.JAVA_BYTE, o, opcode);
        sqes.set(ValueLayout.JAVA_BYTE, o + 1, flags);
        sqes.set(ValueLayout.JAVA_SHORT, o + 2, ioprio);
        sqes.set(ValueLayout.JAVA_INT, o + 4, fd);
        sqes.set(ValueLayout.JAVA_LONG, o + 32, userData);
        return o;
    }

    public void prepNop(long userData) {
        sqe(IORING_OP_NOP, (byte) 0, (short) 0, -1, userData);
    }

    /** {@code send(fd, address, length, msgFlags)}. */
    public void prepSend(int fd, long address, int length, int msgFlags, long userData) {
        long o = sqe(IORING_OP_SEND, (byte) 0, (short) 0, fd, userData);
        sqes.set(ValueLayout.JAVA_LONG, o + 16, address);
        sqes.set(ValueLayout.JAVA_INT, o + 24, length);
        sqes.set(ValueLayout.JAVA_INT, o + 28, msgFlags);
    }

    /** {@code recv(fd, address, length, 0)}, one completion. */
    public void prepRecv(int fd, long address, int length, long userData) {
        long o = sqe(IORING_OP_RECV, (byte) 0, (short) 0, fd, userData);
        sqes.set(ValueLayout.JAVA_LONG, o + 16, address);
        sqes.set(ValueLayout.JAVA_INT, o + 24, length);
    }

    /**
     * A multishot recv: each arrival completes with the bytes in a buffer taken from group {@code bufferGroup} (its id
     * in the CQE flags) and IORING_CQE_F_MORE while the request stays armed. It ends (no F_MORE) at end of stream,
     * on an error, or with -ENOBUFS when the group ran out of buffers.
     */
    public void prepRecvMultishot(int fd, int bufferGroup, long userData) {
        long o = sqe(IORING_OP_RECV, IOSQE_BUFFER_SELECT, IORING_RECV_MULTISHOT, fd, userData);
        sqes.set(ValueLayout.JAVA_SHORT, o + 40, (short) bufferGroup);
    }

    /**
     * A multishot recvmsg on a datagram socket: each datagram completes in a buffer taken from group
     * {@code bufferGroup} (its id in the CQE flags), laid out as {@link RecvMsgOut} says, with IORING_CQE_F_MORE while
     * the request stays armed. The msghdr at {@code msgHdrAddress} ({@link MsgHdr}: no iovecs, {@code msg_namelen} the
     * room reserved for the sender's address) must stay as written while the request is armed. It ends (no F_MORE)
     * on an error, after an empty datagram, when the CQ overflows, or with -ENOBUFS when the group ran out of buffers
     * (the datagram then waits in the socket). Kernel 6.0+.
     */
    public void prepRecvMsgMultishot(int fd, long msgHdrAddress, int bufferGroup, long userData) {
        long o = sqe(IORING_OP_RECVMSG, IOSQE_BUFFER_SELECT, IORING_RECV_MULTISHOT, fd, userData);
        sqes.set(ValueLayout.JAVA_LONG, o + 16, msgHdrAddress);
        sqes.set(ValueLayout.JAVA_INT, o + 24, 1); // one msghdr, as liburing's io_uring_prep_recvmsg sets it
        sqes.set(ValueLayout.JAVA_SHORT, o + 40, (short) bufferGroup);
    }

    /**
     * {@code sendmsg(fd, msghdr, msgFlags)}: for a datagram, its destination is the msghdr's name. The msghdr, its
     * iovecs, the name and the bytes must stay unchanged until the completion.
     */
    public void prepSendMsg(int fd, long msgHdrAddress, int msgFlags, long userData) {
        long o = sqe(IORING_OP_SENDMSG, (byte) 0, (short) 0, fd, userData);
        sqes.set(ValueLayout.JAVA_LONG, o + 16, msgHdrAddress);
        sqes.set(ValueLayout.JAVA_INT, o + 24, 1);
        sqes.set(ValueLayout.JAVA_INT, o + 28, msgFlags);
    }

    /** A multishot accept: each connection completes with its new fd (made with {@code acceptFlags}), F_MORE while armed. */
    public void prepAcceptMultishot(int fd, int acceptFlags, long userData) {
        long o = sqe(IORING_OP_ACCEPT, (byte) 0, IORING_ACCEPT_MULTISHOT, fd, userData);
        sqes.set(ValueLayout.JAVA_INT, o + 28, acceptFlags);
    }

    /** {@code read(fd, address, length)} at the file's own position (an eventfd has none). */
    public void prepRead(int fd, long address, int length, long userData) {
        long o = sqe(IORING_OP_READ, (byte) 0, (short) 0, fd, userData);
        sqes.set(ValueLayout.JAVA_LONG, o + 8, -1L);
        sqes.set(ValueLayout.JAVA_LONG, o + 16, address);
        sqes.set(ValueLayout.JAVA_INT, o + 24, length);
    }

    /** Cancels the request submitted with {@code targetUserData} (it completes with -ECANCELED). */
    public void prepCancel(long targetUserData, long userData) {
        long o = sqe(IORING_OP_ASYNC_CANCEL, (byte) 0, (short) 0, -1, userData);
        sqes.set(ValueLayout.JAVA_LONG, o + 16, targetUserData);
    }

    /**
     * The one system call per loop iteration: publishes the queued SQEs and enters with GETEVENTS (which also runs
     * DEFER_TASKRUN's deferred completions), waiting for one completion when none is ready and {@code timeoutNs} is
     * not 0 (negative: no limit). Returns how many SQEs the kernel took, or -errno: -ETIME (the wait timed out),
     * -EINTR (a signal), -EBUSY/-EAGAIN (the kernel holds overflowed completions: reap, then enter again) are all
     * expected.
     */
    public int submitAndWait(long timeoutNs) {
        return submitAndWait(timeoutNs, 1, 0);
    }

    /**
     * {@link #submitAndWait(long)} with a batched wait: when it waits, it asks for {@code batch} completions beyond
     * one for each SQE it submits (a send usually completes during the submit), but once {@code batchWaitUs} have
     * passed it returns with any completion at all (io_uring_getevents_arg.min_wait_usec). With DEFER_TASKRUN the
     * kernel does not even wake the thread before that many completions are due, so a busy loop sleeps and wakes less
     * often per request, and waits at most {@code batchWaitUs} longer than it would have. {@code batch} below 2, a
     * {@code batchWaitUs} of 0, SQPOLL or a kernel without IORING_FEAT_MIN_TIMEOUT: the plain wait for one.
     */
    public int submitAndWait(long timeoutNs, int batch, int batchWaitUs) {
        int enabling = enable();
        if (enabling < 0) {
            return enabling;
        }
        INT.setRelease(rings, sqTailOffset, sqeTail);
        boolean wait = timeoutNs != 0 && completionsReady() == 0;
        if (sqPoll) {
            int wakeup = wakeupFlag();
            if (wakeup == 0 && !wait && !cqOverflowed()) {
                return 0; // the SQ thread takes what was published: no system call
            }
            return wait ? enterAndWait(0, 1, 0, wakeup, timeoutNs) : enter(0, 0, IORING_ENTER_GETEVENTS | wakeup, false);
        }
        int toSubmit = sqeTail - (int) INT.getAcquire(rings, sqHeadOffset);
        if (!wait) {
            return enter(toSubmit, 0, IORING_ENTER_GETEVENTS, false);
        }
        if (batch < 2 || batchWaitUs <= 0 || !supportsBatchedWait()) {
            return enterAndWait(toSubmit, 1, 0, 0, timeoutNs);
        }
        int waitFor = (int) Math.min((long) toSubmit + batch, cqEntries / 2);
        // without an overall timeout the kernel ends the wait when min_wait passes, events or not: an idle loop would
        // wake every batchWaitUs. An hour stands for "no limit" and lets it sleep until a completion comes.
        return enterAndWait(toSubmit, waitFor, batchWaitUs, 0, timeoutNs < 0 ? NO_LIMIT_NS : timeoutNs);
    }

    /** Whether {@link #submitAndWait(long, int, int)} can batch here (Linux 6.12+, not SQPOLL). */
    public boolean supportsBatchedWait() {
        return (features & IORING_FEAT_MIN_TIMEOUT) != 0 && !sqPoll;
    }

    /** SQPOLL: publishes the tail and waits until the SQ thread has taken some SQEs. */
    private int waitForSqSpace() {
        int enabling = enable();
        if (enabling < 0) {
            return enabling;
        }
        INT.setRelease(rings, sqTailOffset, sqeTail);
        return enter(0, 0, IORING_ENTER_SQ_WAIT | wakeupFlag(), true);
    }

    /** Enables a ring set up disabled, which makes the calling thread its single issuer: 0 or -errno. */
    private int enable() {
        if (enabled) {
            return 0;
        }
        int r = register(IORING_REGISTER_ENABLE_RINGS, 0L, 0);
        enabled = r >= 0;
        return Math.min(r, 0);
    }

    /** SQPOLL: IORING_ENTER_SQ_WAKEUP when the SQ thread went to sleep, else 0. */
    private int wakeupFlag() {
        if (!sqPoll) {
            return 0;
        }
        VarHandle.fullFence(); // our tail store before the flags load, as liburing's io_uring_smp_mb()
        return ((int) INT.getAcquire(rings, sqFlagsOffset) & IORING_SQ_NEED_WAKEUP) != 0 ? IORING_ENTER_SQ_WAKEUP : 0;
    }

    private int enterAndWait(int toSubmit, int waitFor, int minWaitUs, int extraFlags, long timeoutNs) {
        if (timeoutNs < 0) {
            return enter(toSubmit, waitFor, IORING_ENTER_GETEVENTS | extraFlags, true);
        }
        // struct io_uring_getevents_arg {u64 sigmask; u32 sigmask_sz; u32 min_wait_usec; u64 ts}, then the timespec
        waitArgument.set(ValueLayout.JAVA_LONG, 0, 0L); // no signal mask
        waitArgument.set(ValueLayout.JAVA_INT, 8, 0);
        waitArgument.set(ValueLayout.JAVA_INT, 12, minWaitUs);
        waitArgument.set(ValueLayout.JAVA_LONG, 16, waitArgument.address() + 24);
        waitArgument.set(ValueLayout.JAVA_LONG, 24, timeoutNs / 1_000_000_000L);
        waitArgument.set(ValueLayout.JAVA_LONG, 32, timeoutNs % 1_000_000_000L);
        return enter(toSubmit, waitFor, IORING_ENTER_GETEVENTS | IORING_ENTER_EXT_ARG | extraFlags, true);
    }

    /** {@code io_uring_enter}: the SQEs taken, or -errno. With EXT_ARG the wait argument carries the timeout. */
    private int enter(int toSubmit, int minComplete, int flags, boolean mayBlock) {
        boolean extArg = (flags & IORING_ENTER_EXT_ARG) != 0;
        long argument = extArg ? waitArgument.address() : 0L;
        long argumentBytes = extArg ? 24L : 0L;
        ThreadScratch scratch = ThreadScratch.current();
        try {
            long r = mayBlock
                    ? (long) LibcCalls.SYSCALL6.invokeExact(SYS_IO_URING_ENTER, (long) fd, (long) toSubmit,
                            (long) minComplete, (long) flags, argument, argumentBytes)
                    : (long) LibcCalls.SYSCALL6_NOW.invokeExact(SYS_IO_URING_ENTER, (long) fd, (long) toSubmit,
                            (long) minComplete, (long) flags, argument, argumentBytes);
            return r >= 0 ? (int) r : -scratch.errno();
        } catch (Throwable t) {
            throw LibcCalls.unexpected(t);
        }
    }

    // ------------------------------------------------------------------ completion

    /** Completions ready to read, {@code cqe(0)} first; reads the kernel's CQ tail (acquire). */
    public int completionsReady() {
        return (int) INT.getAcquire(rings, cqTailOffset) - cqHead;
    }

    public long userData(int i) {
        return rings.get(ValueLayout.JAVA_LONG, cqeOffset(i));
    }

    public int result(int i) {
        return rings.get(ValueLayout.JAVA_INT, cqeOffset(i) + 8);
    }

    public int flags(int i) {
        return rings.get(ValueLayout.JAVA_INT, cqeOffset(i) + 12);
    }

    private long cqeOffset(int i) {
        return cqesOffset + (long) ((cqHead + i) & cqMask) * CQE_BYTES;
    }

    /** Gives {@code count} read completions back to the kernel (release: we are done reading them). */
    public void consume(int count) {
        cqHead += count;
        INT.setRelease(rings, cqHeadOffset, cqHead);
    }

    /** Completions that did not fit wait in the kernel; the next enter with GETEVENTS moves them into the ring. */
    public boolean cqOverflowed() {
        return ((int) INT.getAcquire(rings, sqFlagsOffset) & IORING_SQ_CQ_OVERFLOW) != 0;
    }

    // ------------------------------------------------------------------ registration and facts

    /** Registers a provided-buffer ring (IORING_REGISTER_PBUF_RING): 0 or -errno. */
    public int registerBufferRing(long ringAddress, int entries, int groupId) {
        registerArgument.fill((byte) 0);
        registerArgument.set(ValueLayout.JAVA_LONG, 0, ringAddress);
        registerArgument.set(ValueLayout.JAVA_INT, 8, entries);
        registerArgument.set(ValueLayout.JAVA_SHORT, 12, (short) groupId);
        return register(IORING_REGISTER_PBUF_RING, registerArgument.address(), 1);
    }

    public int unregisterBufferRing(int groupId) {
        registerArgument.fill((byte) 0);
        registerArgument.set(ValueLayout.JAVA_SHORT, 12, (short) groupId);
        return register(IORING_UNREGISTER_PBUF_RING, registerArgument.address(), 1);
    }

    private int register(int opcode, long argument, int count) {
        MemorySegment capture = ThreadScratch.current().capture;
        try {
            long r = (long) LibcCalls.SYSCALL4.invokeExact(capture, SYS_IO_URING_REGISTER, (long) fd, (long) opcode,
                    argument, (long) count);
            return r >= 0 ? (int) r : -ThreadScratch.capturedErrno(capture);
        } catch (Throwable t) {
            throw LibcCalls.unexpected(t);
        }
    }

    /** The IORING_SETUP_* flags the kernel accepted. */
    public int setupFlags() {
        return setupFlags;
    }

    public int sqEntries() {
        return sqEntries;
    }

    public int cqEntries() {
        return cqEntries;
    }

    public int fd() {
        return fd;
    }

    /** Unmaps the rings and closes the ring fd, which cancels whatever is still in flight. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        IoUringSetup.unmap(sqes);
        IoUringSetup.unmap(rings);
        LinuxSys.close(fd);
        arena.close();
    }
}
