package io.reactorbench.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.reactorbench.sys.IoUring;
import io.reactorbench.sys.LinuxSys;
import io.reactorbench.sys.PollerKind;
import io.reactorbench.sys.RecvMsgOut;
import io.reactorbench.sys.SockAddr;
import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The uring poller's UDP sockets against a real ring with a deliberately small buffer group, completions handed to
 * them as {@link UringPoller} hands them: more datagrams than buffers (the recvmsg ends with ENOBUFS and is armed again
 * once a receive returns a buffer), a datagram longer than the loop's room, replies to each sender, and a close that
 * frees the port at once.
 */
@Timeout(30)
class UringDatagramsTest {

    /** Only guards against a hang: each wait ends as soon as a completion arrives. */
    private static final long WAIT_NS = 10_000_000_000L;
    private static final int BUFFERS = 2;
    private static final int PAYLOAD_ROOM = 64;

    private final Arena arena = Arena.ofShared();
    private IoUring ring;
    private UringSlots slots;
    private UringDatagrams datagrams;
    private DatagramChannel client;

    @BeforeEach
    void open() throws IOException {
        PollerAssumptions.assumeAvailable(PollerKind.URING);
        ring = IoUring.open(64, 256);
        slots = new UringSlots();
        datagrams = new UringDatagrams(arena, ring, slots, BUFFERS,
                RecvMsgOut.BYTES + UringDatagrams.NAME_BYTES + PAYLOAD_ROOM);
        client = DatagramChannel.open().bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
    }

    @AfterEach
    void close() throws IOException {
        if (client != null) {
            client.close();
        }
        if (ring != null) {
            ring.close();
        }
        arena.close();
    }

    @Test
    void shouldReceiveMoreDatagramsThanBuffersInOrderAndAnswerEachToItsSender() throws IOException {
        int slot = datagrams.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), false);
        client.connect(localAddress(slot));
        InetSocketAddress clientAddress = (InetSocketAddress) client.getLocalAddress();
        int count = BUFFERS * 3 + 1;
        for (int i = 0; i < count; i++) {
            client.write(ascii("d" + i));
        }

        List<String> received = new ArrayList<>();
        ByteBuffer dst = ByteBuffer.allocateDirect(PAYLOAD_ROOM);
        long dstAddress = MemorySegment.ofBuffer(dst).address();
        while (received.size() < count) {
            step();
            reportReady((readySlot, ops) -> {
                dst.clear();
                int n;
                while ((n = datagrams.receive(readySlot, dst, dstAddress)) >= 0) {
                    dst.flip();
                    received.add(StandardCharsets.US_ASCII.decode(dst.duplicate()).toString());
                    assertThat(datagrams.lastSender().toInetSocketAddress()).isEqualTo(clientAddress);
                    assertThat(datagrams.send(readySlot, dstAddress, n)).isEqualTo(n);
                    dst.clear();
                }
            });
        }
        assertThat(received).containsExactly("d0", "d1", "d2", "d3", "d4", "d5", "d6");
        step(); // submits the last replies
        ByteBuffer reply = ByteBuffer.allocate(PAYLOAD_ROOM);
        for (int i = 0; i < count; i++) {
            reply.clear();
            client.read(reply); // blocking: loopback does not drop these
            assertThat(new String(reply.array(), 0, reply.position(), StandardCharsets.US_ASCII)).isEqualTo("d" + i);
        }
    }

    @Test
    void shouldCutADatagramToTheRoomTheLoopGivesAsRecvfromDoes() throws IOException {
        int slot = datagrams.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), false);
        client.connect(localAddress(slot));
        client.write(ascii("0123456789"));
        ByteBuffer dst = ByteBuffer.allocateDirect(16).limit(4);
        long dstAddress = MemorySegment.ofBuffer(dst).address();
        List<Integer> sizes = new ArrayList<>();
        while (sizes.isEmpty()) {
            step();
            reportReady((readySlot, ops) -> sizes.add(datagrams.receive(readySlot, dst, dstAddress)));
        }
        assertThat(sizes).containsExactly(4);
        dst.flip();
        assertThat(StandardCharsets.US_ASCII.decode(dst).toString()).isEqualTo("0123");
        assertThat(datagrams.receive(slot, dst.clear(), dstAddress)).isEqualTo(Poller.NO_DATAGRAM);
    }

    @Test
    void shouldFreeThePortAtOnceWhenClosedWithItsRecvmsgArmed() throws IOException {
        int slot = datagrams.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), false);
        InetSocketAddress bound = localAddress(slot);
        ring.submitAndWait(0); // the recvmsg is armed in the kernel and holds the socket
        assertThat(datagrams.close(slot)).as("a cancel was queued").isTrue();
        ring.submitAndWait(0);
        try (DatagramChannel rebound = DatagramChannel.open()) {
            rebound.bind(bound); // without SO_REUSEPORT: fails while the armed request keeps the old socket open
        }
        step(); // the cancelled recvmsg's completion is stale: dropped, nothing reported
        reportReady((readySlot, ops) -> {
            throw new AssertionError("reported slot " + readySlot + " after its close");
        });
    }

    /** One enter (waiting only when nothing is ready), then the completions dispatched as the poller does. */
    private void step() {
        ring.submitAndWait(slots.anyReady() ? 0 : WAIT_NS);
        int count = ring.completionsReady();
        for (int i = 0; i < count; i++) {
            long userData = ring.userData(i);
            switch (UringUserData.op(userData)) {
                case UringUserData.RECVMSG -> datagrams.onRecvMsg(userData, ring.result(i), ring.flags(i));
                case UringUserData.SENDMSG -> datagrams.onSent(userData);
                default -> { }
            }
        }
        ring.consume(count);
    }

    private void reportReady(Poller.ReadySink sink) {
        int[] ready = slots.takeReady();
        for (int i = 0; i < slots.takenCount(); i++) {
            datagrams.report(ready[i], sink);
        }
    }

    private InetSocketAddress localAddress(int slot) {
        SockAddr address = new SockAddr();
        assertThat(LinuxSys.localAddress(slots.fds[slot], address)).isZero();
        return address.toInetSocketAddress();
    }

    private static ByteBuffer ascii(String text) {
        return ByteBuffer.wrap(text.getBytes(StandardCharsets.US_ASCII));
    }
}
