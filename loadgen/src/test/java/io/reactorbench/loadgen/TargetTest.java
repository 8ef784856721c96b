package io.reactorbench.loadgen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.reactorbench.wire.spi.Transport;
import java.net.InetSocketAddress;
import java.net.UnixDomainSocketAddress;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class TargetTest {

    @Test
    void shouldParseEachTransportAndWriteItBackAsServePrintsIt() {
        Target tcp = Endpoints.parseTarget("127.0.0.1:8080");
        Target udp = Endpoints.parseTarget("udp:127.0.0.1:9000");
        Target unix = Endpoints.parseTarget("unix:rb.sock");

        assertThat(tcp.transport()).isEqualTo(Transport.TCP);
        assertThat(tcp.text()).isEqualTo("127.0.0.1:8080");
        assertThat(Endpoints.parseTarget("tcp:127.0.0.1:8080")).isEqualTo(tcp);
        assertThat(udp.transport()).isEqualTo(Transport.UDP);
        assertThat(udp.inet()).isEqualTo(new InetSocketAddress("127.0.0.1", 9000));
        assertThat(udp.text()).isEqualTo("udp:127.0.0.1:9000");
        assertThat(unix.address()).isEqualTo(UnixDomainSocketAddress.of(Path.of("rb.sock").toAbsolutePath()));
        assertThat(unix.text()).isEqualTo("unix:" + Path.of("rb.sock").toAbsolutePath());
        assertThat(unix.isLocal()).isTrue();
    }

    @Test
    void shouldRefuseTargetsThatMixTransportsOrLackAnAddress() {
        assertThatThrownBy(() -> Endpoints.parseTargets(List.of("127.0.0.1:1,udp:127.0.0.1:2")))
                .hasMessage("targets mix transports (127.0.0.1:1, udp:127.0.0.1:2): one run drives one transport");
        assertThatThrownBy(() -> Endpoints.parseTarget("unix:")).hasMessage("bad target 'unix:' (expected unix:PATH)");
        assertThatThrownBy(() -> Endpoints.parseTarget("udp:127.0.0.1"))
                .hasMessage("bad target 'udp:127.0.0.1' (expected HOST:PORT; targets are host:port, udp:host:port or unix:path)");
    }

    @Test
    void shouldRefuseWhatUdpCannotCarry() {
        LoadSpec.Builder udp = LoadSpec.builder().targets(Endpoints.parseTargets(List.of("udp:127.0.0.1:9")));
        assertThatThrownBy(() -> udp.app(AppKind.RPC).build())
                .hasMessage("udp targets take the echo app only (one datagram per request), not rpc");
        assertThatThrownBy(() -> udp.app(AppKind.ECHO).sizeBytes(8).build())
                .hasMessage("--size must be 12..65507 for udp (a datagram starts with its connection and sequence number)");
        assertThatThrownBy(() -> udp.app(AppKind.ECHO).sizeBytes(64).model(LoadModel.CHURN).build())
                .hasMessage("the churn model needs connections; udp has none");
        assertThatThrownBy(() -> LoadSpec.builder().targets(Endpoints.parseTargets(List.of("unix:/tmp/x.sock")))
                .sources(Endpoints.parseSources("127.0.0.2")).build())
                .hasMessage("--source does not apply to unix targets");
    }
}
