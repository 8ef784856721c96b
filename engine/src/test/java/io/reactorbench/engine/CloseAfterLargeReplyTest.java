package io.reactorbench.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.reactorbench.sys.PollerKind;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A handler that writes a reply far larger than a socket (or the uring poller's staging block) takes and closes in
 * the same callback: the peer still gets every byte, then the FIN. On the uring poller this is the path where the
 * connection is closed with bytes staged and its fd stays open until they are sent.
 */
@Timeout(60)
class CloseAfterLargeReplyTest {

    private static final int REPLY_BYTES = 4 << 20;

    @ParameterizedTest
    @EnumSource(value = PollerKind.class, names = {"NIO", "EPOLL", "URING"})
    void shouldDeliverEveryByteOfALargeReplyBeforeTheFinWhenTheHandlerClosesRightAfterWritingIt(PollerKind poller)
            throws Exception {
        PollerAssumptions.assumeAvailable(poller);
        byte[] reply = new byte[REPLY_BYTES];
        new Random(7).nextBytes(reply);
        ByteBuffer source = ByteBuffer.allocateDirect(REPLY_BYTES).put(reply).flip();
        Engine engine = Engine.start(EngineConfig.defaults().withPoller(poller).withLoops(1), conn -> {
            conn.discard(conn.inboundBuffered());
            conn.write(source.duplicate());
            return Action.CLOSE;
        });
        try (SocketChannel client = SocketChannel.open(engine.address())) {
            client.write(ByteBuffer.wrap(new byte[] {1}));
            ByteArrayOutputStream received = new ByteArrayOutputStream();
            ByteBuffer in = ByteBuffer.allocate(64 * 1024);
            while (client.read(in.clear()) >= 0) {
                received.write(in.array(), 0, in.position());
            }
            assertThat(received.size()).isEqualTo(REPLY_BYTES);
            assertThat(received.toByteArray()).isEqualTo(reply);
        } finally {
            engine.stop(Duration.ofSeconds(5));
        }
    }
}
