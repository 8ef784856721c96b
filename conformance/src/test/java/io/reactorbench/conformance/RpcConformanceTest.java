package io.reactorbench.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import io.reactorbench.conformance.RpcReplies.Request;
import io.reactorbench.wire.rpc.RpcFrame;
import io.reactorbench.wire.spi.App;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** rpc: every request answered once, in order, with its id and the payload size it asked for. */
@ExtendWith(ConformanceReport.class)
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class RpcConformanceTest {

    private static final Servers SERVERS = new Servers();
    private static final int BLOCK_US = 2_000;
    private static final int SPIN_NS = 200_000;

    static Stream<Target> targets() {
        return Target.all(App.RPC);
    }

    @AfterAll
    static void stopServers() {
        SERVERS.stopAll();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("targets")
    void shouldAnswerPipelinedRequestsInOrderWithTheirIdsAndSizes(Target target) throws Exception {
        List<Request> requests = new ArrayList<>();
        int[] sizes = {0, 1, 100, 4096, 65_536, 1024 * 1024, 3, 70_000};
        for (int i = 0; i < 32; i++) {
            requests.add(new Request(1000L * i - 5, sizes[i % sizes.length], 0, 0, i * 37 % 3000));
        }
        try (Client client = new Client(SERVERS.addressOf(target))) {
            client.write(RpcReplies.encode(requests));
            assertThat(RpcReplies.read(client, requests.size())).isEqualTo(RpcReplies.expected(requests));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("targets")
    void shouldAnswerInOrderWhenRequestsAskForCpuAndBlockingWork(Target target) throws Exception {
        List<Request> requests = List.of(
                new Request(1, 10, SPIN_NS, 0, 0),
                new Request(2, 20, 0, BLOCK_US, 0),
                new Request(3, 0, 0, 0, 0),
                new Request(4, 65_536, SPIN_NS, BLOCK_US, 100),
                new Request(5, 5, 0, BLOCK_US, 0),
                new Request(6, 6, 0, 0, 0));
        try (Client client = new Client(SERVERS.addressOf(target))) {
            client.write(RpcReplies.encode(requests));
            assertThat(RpcReplies.read(client, requests.size())).isEqualTo(RpcReplies.expected(requests));
            client.write(RpcReplies.encode(requests));
            assertThat(RpcReplies.read(client, requests.size())).isEqualTo(RpcReplies.expected(requests));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("targets")
    void shouldAnswerRequestsWrittenOneByteAtATime(Target target) throws Exception {
        List<Request> requests = List.of(new Request(11, 50, 0, 0, 5), new Request(12, 0, 0, BLOCK_US, 0));
        try (Client client = new Client(SERVERS.addressOf(target))) {
            client.writeByteByByte(RpcReplies.encode(requests));
            assertThat(RpcReplies.read(client, requests.size())).isEqualTo(RpcReplies.expected(requests));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("targets")
    void shouldAnswerEarlierRequestsThenCloseOnAMalformedFrame(Target target) throws Exception {
        Request good = Request.of(77, 10);
        byte[] bad = ByteBuffer.allocate(RpcFrame.REQUEST_HEADER).putInt(3).array();
        try (Client client = new Client(SERVERS.addressOf(target))) {
            client.write(Client.concat(RpcReplies.encode(List.of(good)), bad));
            byte[] before = client.readUntilClosed(1024);
            assertThat(RpcReplies.decode(before)).containsExactly(new RpcReplies.Reply(77, 10));
        }
        RoundTrip.check(SERVERS.addressOf(target), App.RPC);
    }
}
