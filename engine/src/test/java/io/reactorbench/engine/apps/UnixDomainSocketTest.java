package io.reactorbench.engine.apps;

import static org.assertj.core.api.Assertions.assertThat;

import io.reactorbench.engine.Engine;
import io.reactorbench.engine.EngineConfig;
import io.reactorbench.engine.PollerAssumptions;
import io.reactorbench.sys.PollerKind;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

@Timeout(30)
class UnixDomainSocketTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(value = PollerKind.class, names = {"NIO", "EPOLL", "URING"})
    void shouldEchoOverAUnixDomainSocketAndRemoveItsFileOnStop(PollerKind poller) throws Exception {
        PollerAssumptions.assumeAvailable(poller);
        UnixDomainSocketAddress address = UnixDomainSocketAddress.of(dir.resolve("engine.sock"));
        Engine engine = Engine.start(EngineConfig.defaults().withPoller(poller).withLoops(1).withAddress(address),
                new EchoHandler());
        try (SocketChannel client = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            client.connect(address);
            client.write(ByteBuffer.wrap("over a path".getBytes(StandardCharsets.US_ASCII)));
            ByteBuffer back = ByteBuffer.allocate(11);
            while (back.hasRemaining()) {
                assertThat(client.read(back)).isNotNegative();
            }
            assertThat(new String(back.array(), StandardCharsets.US_ASCII)).isEqualTo("over a path");
            assertThat(engine.boundAddress()).isEqualTo(address);
        } finally {
            engine.stop(Duration.ofSeconds(2));
        }
        assertThat(Files.exists(address.getPath())).isFalse();
    }
}
