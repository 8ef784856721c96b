package io.reactorbench.engine.apps;

import static org.assertj.core.api.Assertions.assertThat;

import io.reactorbench.engine.Action;
import io.reactorbench.engine.Conn;
import io.reactorbench.engine.Engine;
import io.reactorbench.engine.EngineConfig;
import io.reactorbench.engine.EventHandler;
import io.reactorbench.engine.PollerAssumptions;
import io.reactorbench.sys.PollerKind;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

@Timeout(30)
class UdpTest {

    @ParameterizedTest
    @EnumSource(value = PollerKind.class, names = {"NIO", "EPOLL", "URING", "AUTO"}) // AUTO: engine's default
    void shouldAnswerEachDatagramToItsSender(PollerKind poller) throws Exception {
        PollerAssumptions.assumeAvailable(poller);
        Set<SocketAddress> senders = ConcurrentHashMap.newKeySet();
        EventHandler handler = new EventHandler() {
            @Override
            public Action onTraffic(Conn conn) {
                assertThat(conn.isDatagram()).isTrue();
                senders.add(conn.remoteAddress());
                conn.write(conn.inbound());
                return Action.NONE;
            }
        };
        Engine engine = Engine.start(EngineConfig.defaults().withPoller(poller).withLoops(2).withUdp(true), handler);
        try (DatagramChannel a = DatagramChannel.open(); DatagramChannel b = DatagramChannel.open()) {
            InetSocketAddress server = engine.address();
            for (DatagramChannel client : new DatagramChannel[] {a, b}) {
                client.bind(new InetSocketAddress("127.0.0.1", 0));
                client.connect(server);
            }
            for (int i = 0; i < 20; i++) {
                DatagramChannel client = i % 2 == 0 ? a : b;
                String message = "datagram " + i;
                client.write(ByteBuffer.wrap(message.getBytes(StandardCharsets.US_ASCII)));
                ByteBuffer back = ByteBuffer.allocate(100);
                client.read(back); // blocking: loopback does not drop these
                assertThat(new String(back.array(), 0, back.position(), StandardCharsets.US_ASCII)).isEqualTo(message);
            }
            assertThat(senders).containsExactlyInAnyOrder(a.getLocalAddress(), b.getLocalAddress());
        } finally {
            engine.stop(Duration.ofSeconds(2));
        }
    }
}
