package io.reactorbench.engine;

import static io.reactorbench.engine.EpollSockets.check;
import static io.reactorbench.engine.UringSlots.CLOSING;
import static io.reactorbench.engine.UringSlots.CONNECTION;
import static io.reactorbench.engine.UringSlots.DATAGRAM;
import static io.reactorbench.engine.UringSlots.LISTENER;
import static io.reactorbench.engine.UringSlots.WANT_READ;
import static io.reactorbench.engine.UringSlots.WANT_WRITE;
import static io.reactorbench.engine.UringSlots.WRITE_READY;

import io.reactorbench.sys.Errno;
import io.reactorbench.sys.EventFdFlags;
import io.reactorbench.sys.IoUring;
import io.reactorbench.sys.IoUringFlags;
import io.reactorbench.sys.LinuxSys;
import io.reactorbench.sys.PollerKind;
import io.reactorbench.sys.SockAddr;
import io.reactorbench.sys.SocketFlags;
import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.SocketException;
import java.nio.ByteBuffer;

/**
 * The io_uring poller: completions, fitted to the engine's readiness-shaped {@link Poller}. Each connection has a
 * multishot recv armed into the loop's provided buffers ({@link UringReceives}); a completion queues the bytes and
 * {@link #poll} reports the connection READABLE, so the loop's {@link #read} is a copy, not a system call. A
 * {@link #write} copies into a staging block ({@link UringSends}) and the next poll sends it, every connection's
 * SEND going into the kernel with the same {@code io_uring_enter} that waits: one system call per loop iteration.
 * Listeners keep a multishot accept armed ({@link UringAccepts}); cross-thread wake-ups are an eventfd read kept
 * armed in the ring. Level-triggered in effect: a connection with bytes still queued is reported again by the next
 * poll. UDP sockets keep a multishot recvmsg armed and send replies with SENDMSG, submitted the same way
 * ({@link UringDatagrams}).
 */
final class UringPoller implements Poller {

    /** SQ slots: sends of one iteration beyond this cost one more enter, not a failure. */
    private static final int SQ_ENTRIES = 4096;
    /** CQ slots: multishot recvs post many completions per submission; more wait in the kernel (FEAT_NODROP). */
    private static final int CQ_ENTRIES = 16384;
    /** SQPOLL only: how long the kernel's SQ thread spins without work before it sleeps (and needs a wake-up). */
    private static final int SQ_THREAD_IDLE_MS = 100;
    /** Enters per poll to move completions the CQ had no room for; the rest wait for the next poll. */
    private static final int MAX_OVERFLOW_ROUNDS = 4;

    private final Arena arena = Arena.ofShared();
    private final IoUring ring;
    private final SocketSetup setup;
    private final int wakeupFd;
    private final MemorySegment wakeupCounter;
    private final SockAddr sockAddr;
    private final UringSlots slots = new UringSlots();
    private final UringAccepts accepts;
    private final UringSends sends;
    /** Made on the first connection: a main loop that only accepts needs no buffers. */
    private UringReceives receives;
    /** Made with the first UDP socket. */
    private UringDatagrams datagrams;
    private IOException lastFailure;
    private final UringBatchedWait batchedWait;

    /** @param tuning SQPOLL (an experiment) and the batched wait */
    UringPoller(SocketSetup setup, UringTuning tuning) throws IOException {
        String cause = PollerKind.URING.unavailabilityCause();
        if (cause != null) {
            throw new IOException("uring poller unavailable: " + cause);
        }
        this.setup = setup;
        this.batchedWait = new UringBatchedWait(tuning.batchWaitUs());
        boolean sqPoll = tuning.sqPoll();
        this.ring = sqPoll ? IoUring.openSqPoll(SQ_ENTRIES, CQ_ENTRIES, SQ_THREAD_IDLE_MS)
                : IoUring.open(SQ_ENTRIES, CQ_ENTRIES);
        this.sends = new UringSends(arena, ring, slots);
        this.sockAddr = new SockAddr(arena);
        this.accepts = new UringAccepts(ring, slots, sockAddr);
        this.wakeupCounter = arena.allocate(ValueLayout.JAVA_LONG);
        // blocking on purpose: the ring polls it and completes the read when a wake-up arrives
        this.wakeupFd = LinuxSys.eventfd(0, EventFdFlags.EFD_CLOEXEC);
        if (wakeupFd < 0) {
            ring.close();
            arena.close();
            check(wakeupFd, "eventfd");
        }
        armWakeup();
    }

    private void armWakeup() {
        ring.prepRead(wakeupFd, wakeupCounter.address(), 8, UringUserData.of(UringUserData.WAKEUP, 0, 0));
    }

    // ------------------------------------------------------------------ the loop's poll

    @Override
    public int poll(long timeoutMs, ReadySink sink) throws IOException {
        sends.prepareSends();
        long timeoutNs = slots.anyReady() ? 0
                : timeoutMs < 0 ? -1 : Math.min(timeoutMs, Long.MAX_VALUE / 1_000_000) * 1_000_000;
        int entered = batchedWait.submitAndWait(ring, timeoutNs);
        if (entered < 0 && entered != -Errno.ETIME && entered != -Errno.EINTR && entered != -Errno.EBUSY
                && entered != -Errno.EAGAIN) {
            throw new PollerFailedException("io_uring_enter: " + Errno.message(entered), null);
        }
        reap();
        for (int round = 0; round < MAX_OVERFLOW_ROUNDS && ring.cqOverflowed(); round++) {
            ring.submitAndWait(0); // GETEVENTS moves the kernel's overflowed completions into the ring
            reap();
        }
        return dispatch(sink);
    }

    @Override
    public void submitQueued() {
        sends.prepareSends();
        int entered = submitNow();
        if (entered < 0 && entered != -Errno.EINTR && entered != -Errno.EBUSY && entered != -Errno.EAGAIN) {
            throw new IllegalStateException("io_uring_enter: " + Errno.message(entered));
        }
    }

    /**
     * Submits what is queued without waiting: the SQEs taken, or -errno. A close calls it for its cancel and ignores
     * a failure: what was not taken stays queued for the next poll.
     */
    private int submitNow() {
        return ring.submitAndWait(0);
    }

    private void reap() {
        int count = ring.completionsReady();
        for (int i = 0; i < count; i++) {
            long userData = ring.userData(i);
            int result = ring.result(i);
            int cqeFlags = ring.flags(i);
            switch (UringUserData.op(userData)) {
                case UringUserData.RECV -> {
                    receives.onRecv(userData, result, cqeFlags);
                    if (result > 0) {
                        batchedWait.onReceived();
                    }
                }
                case UringUserData.SEND -> sends.onSent(userData, result);
                case UringUserData.ACCEPT -> accepts.onAccept(userData, result, cqeFlags);
                case UringUserData.WAKEUP -> armWakeup();
                case UringUserData.RECVMSG -> datagrams.onRecvMsg(userData, result, cqeFlags);
                case UringUserData.SENDMSG -> datagrams.onSent(userData);
                default -> { } // a cancel request's own completion: the cancelled request reports itself
            }
        }
        ring.consume(count);
    }

    private int dispatch(ReadySink sink) {
        int[] batch = slots.takeReady();
        int count = slots.takenCount();
        for (int i = 0; i < count; i++) {
            int slot = batch[i];
            byte kind = slots.kinds[slot];
            if (kind == LISTENER) {
                sink.onReady(slot, READABLE);
                continue;
            }
            if (kind == DATAGRAM) {
                datagrams.report(slot, sink);
                continue;
            }
            if (kind != CONNECTION) {
                continue;
            }
            int state = slots.flags[slot];
            slots.flags[slot] = state & ~WRITE_READY;
            boolean failed = receives.ended(slot) < 0 || sends.failure(slot) != 0;
            int ops = ((state & WANT_READ) != 0 && receives.hasInput(slot) ? READABLE : 0)
                    | ((state & (WRITE_READY | WANT_WRITE)) == (WRITE_READY | WANT_WRITE) ? WRITABLE : 0)
                    | (failed ? HANGUP | READABLE : 0);
            if (ops != 0) {
                sink.onReady(slot, ops);
            }
            if (slots.kinds[slot] == CONNECTION && (slots.flags[slot] & WANT_READ) != 0 && receives.hasInput(slot)) {
                slots.listReady(slot); // bytes left after this event's read: reported again, as level-triggered
            }
        }
        return count;
    }

    // ------------------------------------------------------------------ receiving

    @Override
    public int read(int slot, ByteBuffer dst, long dstBaseAddress) {
        int n = receives.read(slot, dst, dstBaseAddress);
        if (n > 0) {
            return n;
        }
        int ended = receives.ended(slot);
        if (ended == UringReceives.EOF) {
            return EOF;
        }
        if (ended < 0) {
            return fail("recv", ended);
        }
        return sends.failure(slot) != 0 ? fail("send", sends.failure(slot)) : WOULD_BLOCK;
    }

    // ------------------------------------------------------------------ sending

    @Override
    public long write(int slot, ByteBuffer src, long srcBaseAddress) {
        if (sends.failure(slot) != 0) {
            return fail("send", sends.failure(slot));
        }
        int position = src.position();
        int n = sends.stage(slot, srcBaseAddress + position, src.limit() - position);
        src.position(position + n);
        return n;
    }

    @Override
    public long writev(int slot, ByteBuffer[] srcs, long[] addresses, int count) {
        if (sends.failure(slot) != 0) {
            return fail("send", sends.failure(slot));
        }
        long total = 0;
        for (int i = 0; i < count; i++) {
            int remaining = srcs[i].remaining();
            int n = sends.stage(slot, addresses[i], remaining);
            total += n;
            if (n < remaining) {
                break; // the staging block is full
            }
        }
        return total;
    }

    @Override
    public void shutdownOutput(int slot) {
        if (!sends.shutdownWhenSent(slot)) {
            LinuxSys.shutdown(slots.fds[slot], SocketFlags.SHUT_WR); // nothing staged: our FIN goes now
        }
    }

    // ------------------------------------------------------------------ listeners and connections

    @Override
    public int listen(SocketAddress address, boolean reusePort, int backlog) throws IOException {
        return accepts.listen(address, reusePort, backlog);
    }

    @Override
    public SocketAddress listenerAddress(int listenerSlot) throws IOException {
        return accepts.address(listenerSlot);
    }

    @Override
    public void acceptInterest(int listenerSlot, boolean on) {
        accepts.interest(listenerSlot, on);
    }

    @Override
    public Object accept(int listenerSlot) throws IOException {
        return accepts.accept(listenerSlot);
    }

    @Override
    public InetSocketAddress remoteAddressOf(Object accepted) {
        return EpollSockets.inetOrNull((Integer) accepted);
    }

    @Override
    public void discard(Object accepted) {
        LinuxSys.close((Integer) accepted);
    }

    @Override
    public int register(Object accepted) throws IOException {
        int fd = (Integer) accepted;
        int slot;
        try {
            EpollSockets.applyOptions(fd, setup);
            if (receives == null) {
                receives = new UringReceives(arena, ring, slots);
            }
            slot = slots.add(fd, CONNECTION);
        } catch (IOException | RuntimeException e) {
            LinuxSys.close(fd);
            throw e;
        }
        receives.open(slot);
        sends.open(slot);
        slots.flags[slot] = WANT_READ;
        receives.updateRecv(slot);
        return slot;
    }

    @Override
    public boolean interest(int slot, boolean read, boolean write) {
        int state = slots.flags[slot] & ~(WANT_READ | WANT_WRITE);
        slots.flags[slot] = state | (read ? WANT_READ : 0) | (write ? WANT_WRITE : 0);
        receives.updateRecv(slot);
        if (write && sends.hasRoom(slot)) { // writable now, as level-triggered EPOLLOUT would say at once
            slots.flags[slot] |= WRITE_READY;
            slots.listReady(slot);
        }
        if (read && receives.hasInput(slot)) {
            slots.listReady(slot); // bytes that arrived while reading was paused
        }
        return true;
    }

    /**
     * Closes a listener or connection. An armed accept or recv holds a reference to the socket, so closing the fd
     * alone would leave the port bound or the peer without its FIN until the next poll submits the cancel: the
     * cancel is submitted here, one enter per such close (never per request).
     */
    @Override
    public void close(int slot) {
        byte kind = slots.kinds[slot];
        if (kind == LISTENER) {
            accepts.close(slot);
            submitNow();
            return;
        }
        if (kind == DATAGRAM) {
            if (datagrams.close(slot)) {
                submitNow();
            }
            return;
        }
        if (kind != CONNECTION) {
            return;
        }
        boolean cancelled = receives.close(slot);
        if (sends.pending(slot)) {
            slots.kinds[slot] = CLOSING; // the fd stays open until the staged bytes are out, as a closed socket
            return;                      // still sends what its buffer holds
        }
        sends.release(slot);
        if (cancelled) {
            submitNow();
        }
    }

    // ------------------------------------------------------------------ the rest of Poller

    @Override
    public void wakeup() {
        // any thread, often an offload task's own virtual thread: eventfdSignal builds no per-thread native scratch
        LinuxSys.eventfdSignal(wakeupFd);
    }

    @Override
    public boolean edgeTriggered() {
        return false;
    }

    @Override
    public boolean needsAddresses() {
        return true;
    }

    @Override
    public int bindDatagram(InetSocketAddress address, boolean reusePort) throws IOException {
        if (datagrams == null) {
            datagrams = new UringDatagrams(arena, ring, slots);
        }
        return datagrams.bind(address, reusePort);
    }

    @Override
    public int receive(int slot, ByteBuffer dst, long dstBaseAddress) {
        int n = datagrams.receive(slot, dst, dstBaseAddress);
        if (n != NO_DATAGRAM) {
            return n;
        }
        int failure = datagrams.takeFailure(slot);
        return failure != 0 ? fail("recvmsg", failure) : NO_DATAGRAM;
    }

    /** Queued as a SENDMSG for the next enter, so the bytes count as sent; 0 when too many replies are in flight. */
    @Override
    public long sendToLastSender(int slot, ByteBuffer src, long srcBaseAddress) {
        int position = src.position();
        int n = datagrams.send(slot, srcBaseAddress + position, src.limit() - position);
        src.position(src.limit()); // a datagram goes whole or not at all
        return n >= 0 ? n : fail("sendmsg", n);
    }

    @Override
    public SocketAddress lastSender() {
        return datagrams.lastSender().toInetSocketAddress();
    }

    @Override
    public IOException lastFailure() {
        return lastFailure;
    }

    @Override
    public SocketAddress remoteAddress(int slot) {
        return EpollSockets.inetOrNull(slots.fds[slot]);
    }

    @Override
    public SocketAddress localAddress(int slot) {
        return LinuxSys.localAddress(slots.fds[slot], sockAddr) < 0 ? null : sockAddr.toInetSocketAddress();
    }

    /** Closes what is still open (connections waiting for their last sends), then the ring, then the memory. */
    @Override
    public void close() {
        for (int slot = 0; slot < slots.kinds.length; slot++) {
            if (slots.kinds[slot] != UringSlots.FREE && slots.fds[slot] >= 0) {
                LinuxSys.close(slots.fds[slot]);
            }
        }
        LinuxSys.close(wakeupFd);
        ring.close(); // cancels what is in flight before the buffers it points into are freed
        arena.close();
    }

    private int fail(String call, int negativeErrno) {
        lastFailure = new SocketException(call + ": " + Errno.message(negativeErrno));
        return FAILED;
    }
}
