package io.reactorbench.sys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The ring against real sockets: submission, completion, multishot accept and recv, multishot recvmsg and sendmsg on
 * UDP, provided buffers, wake-ups.
 */
class IoUringTest {

    /** Only guards against a hang: every wait here ends as soon as its completion arrives. */
    private static final long WAIT_NS = 10_000_000_000L;
    private static final int GROUP = 7;
    /** Room for the sender's address in each recvmsg buffer: a sockaddr_in6 (28 bytes) fits. */
    private static final int NAME_ROOM = 32;

    /** One completion, copied out of the ring. */
    record Completion(long userData, int result, int flags) {
        boolean more() {
            return (flags & IoUringFlags.IORING_CQE_F_MORE) != 0;
        }

        int bufferId() {
            assertThat(flags & IoUringFlags.IORING_CQE_F_BUFFER).isNotZero();
            return flags >>> IoUringFlags.IORING_CQE_BUFFER_SHIFT;
        }
    }

    private final Arena arena = Arena.ofConfined();
    private IoUring ring;
    private int listenFd = -1;
    private int serverFd = -1;
    private SocketChannel client;
    private int udpFd = -1;
    private DatagramChannel udpClient;

    @BeforeEach
    void openRing() throws IOException {
        assumeTrue(IoUringSupport.isAvailable(), "io_uring unavailable: " + IoUringSupport.unavailabilityCause());
        ring = IoUring.open(64, 256);
    }

    @AfterEach
    void closeAll() throws IOException {
        if (client != null) {
            client.close();
        }
        if (udpClient != null) {
            udpClient.close();
        }
        for (int fd : new int[] {serverFd, listenFd, udpFd}) {
            if (fd >= 0) {
                LinuxSys.close(fd);
            }
        }
        if (ring != null) {
            ring.close();
        }
        arena.close();
    }

    @Test
    void shouldSetUpWithTheNewestFlagsThisKernelAccepts() {
        assumeTrue(IoUringSupport.atLeast(System.getProperty("os.version"), 6, 6), "NO_SQARRAY needs kernel 6.6");
        int wanted = IoUringFlags.IORING_SETUP_SINGLE_ISSUER | IoUringFlags.IORING_SETUP_DEFER_TASKRUN
                | IoUringFlags.IORING_SETUP_NO_SQARRAY;
        assertThat(ring.setupFlags() & wanted).isEqualTo(wanted);
        assertThat(ring.sqEntries()).isEqualTo(64);
        assertThat(ring.cqEntries()).isEqualTo(256);
    }

    @Test
    void shouldCompleteNopsThroughTheSqPollThreadWithoutWaitingForAnEnter() throws IOException {
        try (IoUring polled = IoUring.openSqPoll(64, 256, 100)) {
            assertThat(polled.setupFlags() & IoUringFlags.IORING_SETUP_SQPOLL).isNotZero();
            int count = polled.sqEntries() * 2 + 3; // more than the ring holds: claiming waits for the SQ thread
            for (int i = 0; i < count; i++) {
                polled.prepNop(i);
            }
            List<Long> seen = new ArrayList<>();
            while (seen.size() < count) {
                polled.submitAndWait(WAIT_NS);
                int n = polled.completionsReady();
                for (int i = 0; i < n; i++) {
                    seen.add(polled.userData(i));
                }
                polled.consume(n);
            }
            assertThat(seen).doesNotHaveDuplicates().hasSize(count);
        }
    }

    @Test
    void shouldEndABatchedWaitWithTheCompletionsItHasOnceTheBatchWaitHasPassed() {
        assumeTrue(ring.supportsBatchedWait(), "min_wait_usec needs kernel 6.12");
        ring.prepNop(41);
        // asks for the NOP's completion and 8 more; only the NOP's comes, so the wait ends when the 1 ms passes
        int taken = ring.submitAndWait(WAIT_NS, 8, 1_000);
        assertThat(taken).isEqualTo(1);
        assertThat(ring.completionsReady()).isEqualTo(1);
        assertThat(ring.userData(0)).isEqualTo(41L);
        ring.consume(1);
    }

    @Test
    void shouldKeepABatchedWaitWithNoCompletionGoingUntilItsTimeout() {
        assumeTrue(ring.supportsBatchedWait(), "min_wait_usec needs kernel 6.12");
        // nothing completes: after the batch wait the kernel sleeps on until the overall timeout, not a spin
        assertThat(ring.submitAndWait(20_000_000L, 8, 1_000)).isEqualTo(-Errno.ETIME);
        assertThat(ring.completionsReady()).isZero();
    }

    @Test
    void shouldCompleteANopWithItsUserData() {
        ring.prepNop(42);
        assertThat(ring.submitAndWait(WAIT_NS)).isEqualTo(1);
        assertThat(drain()).containsExactly(new Completion(42, 0, 0));
    }

    @Test
    void shouldAcceptThenReceiveIntoProvidedBuffersThenSend() throws IOException {
        ProvidedBuffers buffers = connectWithBuffers(4, 64);
        ring.prepRecvMultishot(serverFd, GROUP, 2);
        ring.submitAndWait(0);
        client.write(ByteBuffer.wrap("hello".getBytes(StandardCharsets.US_ASCII)));

        Completion received = awaitCompletion(2);
        assertThat(received.result()).isEqualTo(5);
        assertThat(received.more()).isTrue(); // still armed
        assertThat(text(buffers, received.bufferId(), 5)).isEqualTo("hello");

        MemorySegment reply = arena.allocateFrom("pong", StandardCharsets.US_ASCII);
        ring.prepSend(serverFd, reply.address(), 4, SocketFlags.MSG_NOSIGNAL, 3);
        assertThat(awaitCompletion(3).result()).isEqualTo(4);
        ByteBuffer in = ByteBuffer.allocate(4);
        while (in.hasRemaining()) {
            client.read(in);
        }
        assertThat(new String(in.array(), StandardCharsets.US_ASCII)).isEqualTo("pong");
    }

    @Test
    void shouldEndTheMultishotRecvWithEnobufsWhenBuffersRunOutAndResumeAfterRecycling() throws IOException {
        ProvidedBuffers buffers = connectWithBuffers(1, 8);
        ring.prepRecvMultishot(serverFd, GROUP, 2);
        ring.submitAndWait(0);
        client.write(ByteBuffer.wrap("abcdefgh12345678".getBytes(StandardCharsets.US_ASCII)));

        List<Completion> first = awaitUntilEnded(2);
        assertThat(first.getFirst().result()).isEqualTo(8);
        assertThat(text(buffers, first.getFirst().bufferId(), 8)).isEqualTo("abcdefgh");
        assertThat(first.getLast().result()).isEqualTo(-Errno.ENOBUFS);
        assertThat(first.getLast().more()).isFalse(); // the multishot ended: re-arming is ours to do
        assertThat(first).hasSize(2);

        buffers.recycle(first.getFirst().bufferId());
        ring.prepRecvMultishot(serverFd, GROUP, 4);
        Completion rest = awaitCompletion(4);
        assertThat(rest.result()).isEqualTo(8);
        assertThat(text(buffers, rest.bufferId(), 8)).isEqualTo("12345678");
    }

    @Test
    void shouldReceiveDatagramsWithTheirSendersThroughAMultishotRecvmsgAndAnswerWithSendmsg() throws IOException {
        ProvidedBuffers buffers = udpWithBuffers(4, RecvMsgOut.BYTES + NAME_ROOM + 64);
        armRecvMsg(20);
        udpClient.write(ByteBuffer.wrap("ping".getBytes(StandardCharsets.US_ASCII)));

        Completion received = awaitCompletion(20);
        assertThat(received.result()).isEqualTo(RecvMsgOut.BYTES + NAME_ROOM + 4); // header, the name's room, payload
        assertThat(received.more()).isTrue();
        long buffer = (long) received.bufferId() * buffers.bufferBytes();
        MemorySegment memory = buffers.buffers();
        assertThat(RecvMsgOut.nameLength(memory, buffer)).isEqualTo(16); // a sockaddr_in
        assertThat(RecvMsgOut.payloadLength(memory, buffer)).isEqualTo(4);
        assertThat(RecvMsgOut.flags(memory, buffer) & SocketFlags.MSG_TRUNC).isZero();
        assertThat(text(buffers, received.bufferId(), RecvMsgOut.BYTES + NAME_ROOM, 4)).isEqualTo("ping");
        SockAddr sender = new SockAddr(arena).copyFrom(memory, buffer + RecvMsgOut.BYTES, 16);
        assertThat(sender.toInetSocketAddress()).isEqualTo(udpClient.getLocalAddress());

        // the reply: a msghdr naming the sender, one iovec, the bytes, all alive until the completion
        MemorySegment send = arena.allocate(MsgHdr.BYTES + IoVec.ENTRY_SIZE + SockAddr.STORAGE_SIZE + 4, 8);
        long iov = MsgHdr.BYTES;
        long name = iov + IoVec.ENTRY_SIZE;
        long payload = name + SockAddr.STORAGE_SIZE;
        MemorySegment.copy(sender.segment(), 0, send, name, sender.length());
        MemorySegment.copy("pong".getBytes(StandardCharsets.US_ASCII), 0, send, ValueLayout.JAVA_BYTE, payload, 4);
        send.set(ValueLayout.JAVA_LONG, iov, send.address() + payload);
        send.set(ValueLayout.JAVA_LONG, iov + 8, 4L);
        MsgHdr.set(send, 0, send.address() + name, sender.length(), send.address() + iov, 1);
        ring.prepSendMsg(udpFd, send.address(), 0, 21);
        assertThat(awaitCompletion(21).result()).isEqualTo(4);
        ByteBuffer in = ByteBuffer.allocate(16);
        udpClient.read(in); // blocking: loopback does not drop it
        assertThat(new String(in.array(), 0, in.position(), StandardCharsets.US_ASCII)).isEqualTo("pong");
    }

    @Test
    void shouldEndTheMultishotRecvmsgWithEnobufsAndCutADatagramLongerThanItsBuffer() throws IOException {
        ProvidedBuffers buffers = udpWithBuffers(1, RecvMsgOut.BYTES + NAME_ROOM + 4);
        MemorySegment recvHeader = armRecvMsg(20);
        udpClient.write(ByteBuffer.wrap("abcdefgh".getBytes(StandardCharsets.US_ASCII)));
        udpClient.write(ByteBuffer.wrap("xyz".getBytes(StandardCharsets.US_ASCII)));

        List<Completion> first = awaitUntilEnded(20);
        Completion cut = first.getFirst();
        assertThat(cut.result()).isEqualTo(RecvMsgOut.BYTES + NAME_ROOM + 4); // what fitted of 8 bytes
        long buffer = (long) cut.bufferId() * buffers.bufferBytes();
        assertThat(RecvMsgOut.flags(buffers.buffers(), buffer) & SocketFlags.MSG_TRUNC).isNotZero();
        assertThat(text(buffers, cut.bufferId(), RecvMsgOut.BYTES + NAME_ROOM, 4)).isEqualTo("abcd");
        assertThat(first.getLast().result()).isEqualTo(-Errno.ENOBUFS);
        assertThat(first.getLast().more()).isFalse(); // ended: the second datagram waits in the socket
        assertThat(first).hasSize(2);

        buffers.recycle(cut.bufferId());
        ring.prepRecvMsgMultishot(udpFd, recvHeader.address(), GROUP, 22);
        Completion rest = awaitCompletion(22);
        assertThat(rest.result()).isEqualTo(RecvMsgOut.BYTES + NAME_ROOM + 3);
        assertThat(text(buffers, rest.bufferId(), RecvMsgOut.BYTES + NAME_ROOM, 3)).isEqualTo("xyz");
    }

    @Test
    void shouldCancelAMultishotRecvByItsUserData() throws IOException {
        connectWithBuffers(4, 64);
        ring.prepRecvMultishot(serverFd, GROUP, 2);
        ring.submitAndWait(0);
        ring.prepCancel(2, 5);
        List<Completion> seen = new ArrayList<>();
        while (seen.stream().filter(c -> c.userData() == 2 || c.userData() == 5).count() < 2) {
            ring.submitAndWait(WAIT_NS);
            seen.addAll(drain());
        }
        assertThat(seen).contains(new Completion(5, 0, 0));
        assertThat(seen).anySatisfy(c -> {
            assertThat(c.userData()).isEqualTo(2);
            assertThat(c.result()).isEqualTo(-Errno.ECANCELED);
            assertThat(c.more()).isFalse();
        });
    }

    @Test
    void shouldWakeAWaitingRingWhenAnotherThreadWritesItsEventfd() throws InterruptedException {
        int efd = LinuxSys.eventfd(0, EventFdFlags.EFD_CLOEXEC);
        try {
            MemorySegment counter = arena.allocate(ValueLayout.JAVA_LONG);
            ring.prepRead(efd, counter.address(), 8, 9);
            ring.submitAndWait(0);
            Thread waker = Thread.ofPlatform().start(() -> LinuxSys.eventfdSignal(efd));
            Completion woken = awaitCompletion(9);
            waker.join();
            assertThat(woken.result()).isEqualTo(8);
            assertThat(counter.get(ValueLayout.JAVA_LONG, 0)).isEqualTo(1L);
        } finally {
            LinuxSys.close(efd);
        }
    }

    @Test
    void shouldSubmitMoreThanARingsWorthByEnteringWhenTheQueueIsFull() {
        int count = ring.sqEntries() * 2 + 3;
        for (int i = 0; i < count; i++) {
            ring.prepNop(i);
        }
        List<Completion> seen = new ArrayList<>();
        while (seen.size() < count) {
            ring.submitAndWait(WAIT_NS);
            seen.addAll(drain());
        }
        assertThat(seen).extracting(Completion::userData).doesNotHaveDuplicates().hasSize(count);
    }

    // ------------------------------------------------------------------ helpers

    /** A loopback connection accepted through a multishot accept, and a registered buffer ring. */
    private ProvidedBuffers connectWithBuffers(int count, int bytes) throws IOException {
        listenFd = LinuxSys.socket(SocketFlags.AF_INET, SocketFlags.SOCK_STREAM | SocketFlags.SOCK_CLOEXEC, 0);
        assertThat(LinuxSys.bind(listenFd, new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))).isZero();
        assertThat(LinuxSys.listen(listenFd, 16)).isZero();
        ring.prepAcceptMultishot(listenFd, SocketFlags.SOCK_NONBLOCK | SocketFlags.SOCK_CLOEXEC, 1);
        ring.submitAndWait(0);
        client = SocketChannel.open(new InetSocketAddress(InetAddress.getLoopbackAddress(),
                LinuxSys.localPort(listenFd)));
        Completion accepted = awaitCompletion(1);
        assertThat(accepted.result()).isPositive();
        assertThat(accepted.more()).isTrue();
        serverFd = accepted.result();
        ProvidedBuffers buffers = new ProvidedBuffers(arena, count, bytes, GROUP);
        assertThat(buffers.register(ring)).isZero();
        return buffers;
    }

    /** A msghdr reserving NAME_ROOM for each sender, and a multishot recvmsg armed on the UDP socket with it. */
    private MemorySegment armRecvMsg(long userData) {
        MemorySegment header = arena.allocate(MsgHdr.BYTES, 8);
        MsgHdr.set(header, 0, 0L, NAME_ROOM, 0L, 0);
        ring.prepRecvMsgMultishot(udpFd, header.address(), GROUP, userData);
        ring.submitAndWait(0);
        return header;
    }

    /** A UDP socket bound to loopback, a client connected to it, and a registered buffer ring. */
    private ProvidedBuffers udpWithBuffers(int count, int bytes) throws IOException {
        udpFd = LinuxSys.socket(SocketFlags.AF_INET, SocketFlags.SOCK_DGRAM | SocketFlags.SOCK_NONBLOCK
                | SocketFlags.SOCK_CLOEXEC, 0);
        assertThat(LinuxSys.bind(udpFd, new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))).isZero();
        udpClient = DatagramChannel.open();
        udpClient.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        udpClient.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), LinuxSys.localPort(udpFd)));
        ProvidedBuffers buffers = new ProvidedBuffers(arena, count, bytes, GROUP);
        assertThat(buffers.register(ring)).isZero();
        return buffers;
    }

    private List<Completion> drain() {
        int n = ring.completionsReady();
        List<Completion> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(new Completion(ring.userData(i), ring.result(i), ring.flags(i)));
        }
        ring.consume(n);
        return out;
    }

    private Completion awaitCompletion(long userData) {
        while (true) {
            ring.submitAndWait(WAIT_NS);
            for (Completion c : drain()) {
                if (c.userData() == userData) {
                    return c;
                }
            }
        }
    }

    /** Completions of {@code userData} up to and including the one without F_MORE. */
    private List<Completion> awaitUntilEnded(long userData) {
        List<Completion> out = new ArrayList<>();
        while (out.isEmpty() || out.getLast().more()) {
            ring.submitAndWait(WAIT_NS);
            drain().stream().filter(c -> c.userData() == userData).forEach(out::add);
        }
        return out;
    }

    private static String text(ProvidedBuffers buffers, int id, int length) {
        return text(buffers, id, 0, length);
    }

    private static String text(ProvidedBuffers buffers, int id, int offset, int length) {
        byte[] bytes = new byte[length];
        MemorySegment.copy(buffers.buffers(), ValueLayout.JAVA_BYTE, (long) id * buffers.bufferBytes() + offset, bytes,
                0, length);
        return new String(bytes, StandardCharsets.US_ASCII);
    }
}
