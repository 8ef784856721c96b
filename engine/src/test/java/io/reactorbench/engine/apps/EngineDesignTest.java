package io.reactorbench.engine.apps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.reactorbench.engine.ConnectionTableKind;
import io.reactorbench.engine.EngineConfig;
import io.reactorbench.engine.LoadBalancing;
import io.reactorbench.engine.ReadDelivery;
import io.reactorbench.engine.UringTuning;
import io.reactorbench.sys.PollerKind;
import io.reactorbench.wire.spi.App;
import io.reactorbench.wire.spi.ServerConfig;
import io.reactorbench.wire.spi.ServerDesigns;
import io.reactorbench.wire.spi.Transport;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EngineDesignTest {

    @Test
    void shouldRegisterTheThreeDesignsAsAvailableHere() {
        assertThat(ServerDesigns.ids()).contains("engine", "engine-nio", "engine-epoll");
        assertThat(new EngineEpollDesign().availability().available()).isTrue();
        assertThat(PollerKind.AUTO.resolve()).isEqualTo(PollerKind.EPOLL); // a client's auto
    }

    @Test
    void shouldRegisterEngineUringForEveryTransportAndSayWhyWhenUnavailable() {
        EngineUringDesign uring = new EngineUringDesign();
        assertThat(ServerDesigns.ids()).contains("engine-uring");
        assertThat(uring.transports()).containsExactlyInAnyOrder(Transport.TCP, Transport.UDP, Transport.UNIX);
        assertThat(uring.supportedOptions()).doesNotContain("edge-triggered").contains("sqpoll", "batch-wait-us");
        assertThat(new EngineEpollDesign().supportedOptions()).doesNotContain("sqpoll", "batch-wait-us");
        assertThat(uring.engineConfig(new ServerConfig("127.0.0.1", 0, 1, App.ECHO, Map.of("sqpoll", "true")))
                .uring()).isEqualTo(new UringTuning(true, UringTuning.DEFAULTS.batchWaitUs()));
        assertThat(uring.engineConfig(new ServerConfig("127.0.0.1", 0, 1, App.ECHO, Map.of("batch-wait-us", "0")))
                .uring()).isEqualTo(new UringTuning(false, 0));
        assertThatThrownBy(() -> uring.engineConfig(
                new ServerConfig("127.0.0.1", 0, 1, App.ECHO, Map.of("batch-wait-us", "5000"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("batch wait must be 0..1000");
        String cause = PollerKind.URING.unavailabilityCause();
        assertThat(uring.availability().available()).isEqualTo(cause == null);
        if (cause != null) {
            assertThat(uring.availability().cause()).contains(cause);
        }
    }

    @Test
    void shouldServeStreamsOnUringFromAutoWhereItWorksAndUdpOnEpoll() {
        assumeTrue(PollerKind.EPOLL.unavailabilityCause() == null, "epoll unavailable here");
        String uringCause = PollerKind.URING.unavailabilityCause();
        EngineAutoDesign auto = new EngineAutoDesign();
        EngineConfig tcp = auto.engineConfig(new ServerConfig("127.0.0.1", 0, 1, App.ECHO, Map.of()));
        assertThat(tcp.serverPoller().poller()).isEqualTo(uringCause == null ? PollerKind.URING : PollerKind.EPOLL);
        assertThat(auto.description()).contains(uringCause == null ? "(here: uring)"
                : "(here: epoll (io_uring unavailable: " + uringCause + "))");
        EngineConfig udp = auto.engineConfig(new ServerConfig("127.0.0.1", 0, 1, App.ECHO, Map.of()).withUdp());
        assertThat(udp.serverPoller().poller()).isEqualTo(PollerKind.EPOLL);
        assertThat(udp.serverPoller().fallback()).isEqualTo("UDP on the uring poller is not measured yet");
        EngineConfig edge = auto.engineConfig(new ServerConfig("127.0.0.1", 0, 1, App.ECHO,
                Map.of("edge-triggered", "true")));
        assertThat(edge.serverPoller().poller()).isEqualTo(PollerKind.EPOLL);
        assertThat(auto.transports()).containsExactlyInAnyOrder(Transport.TCP, Transport.UDP, Transport.UNIX);
    }

    @Test
    void shouldKeepAutoOffUringWhenToldAndRejectAnythingButTrueOrFalse() {
        EngineAutoDesign auto = new EngineAutoDesign();
        assertThat(auto.supportedOptions()).contains("uring", "edge-triggered");
        assertThat(new EngineEpollDesign().supportedOptions()).doesNotContain("uring");
        assertThat(new EngineUringDesign().supportedOptions()).doesNotContain("uring");
        EngineConfig old = auto.engineConfig(new ServerConfig("127.0.0.1", 0, 1, App.ECHO, Map.of("uring", "false")));
        assertThat(old.poller()).isEqualTo(PollerKind.AUTO.resolve()); // named: epoll where it works, else nio
        assertThat(old.serverPoller().poller()).isNotEqualTo(PollerKind.URING);
        assertThatThrownBy(() -> auto.engineConfig(new ServerConfig("127.0.0.1", 0, 1, App.ECHO, Map.of("uring", "no"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("option uring needs true or false, got 'no'");
    }

    @Test
    void shouldTurnOptionsIntoAnEngineConfig() {
        ServerConfig server = new ServerConfig("127.0.0.1", 0, 3, App.ECHO, Map.of("lb", "source-hash",
                "edge-triggered", "true", "idle-timeout-ms", "1500", "tcp-no-delay", "false", "send-buffer-bytes", "65536"));
        EngineConfig config = new EngineEpollDesign().engineConfig(server);
        assertThat(config.loops()).isEqualTo(3);
        assertThat(config.loadBalancing()).isEqualTo(LoadBalancing.SOURCE_HASH);
        assertThat(config.edgeTriggered()).isTrue();
        assertThat(config.idleTimeoutNs()).isEqualTo(1_500_000_000L);
        assertThat(config.tcpNoDelay()).isFalse();
        assertThat(config.sendBufferBytes()).isEqualTo(65536);
    }

    @Test
    void shouldTurnTheAblationOptionsIntoAnEngineConfigAndDefaultToTheEnginesOwnDesign() {
        EngineConfig ablated = new EngineEpollDesign().engineConfig(new ServerConfig("127.0.0.1", 0, 1, App.ECHO,
                Map.of("table", "map", "read", "copy")));
        assertThat(ablated.connectionTable()).isEqualTo(ConnectionTableKind.MAP);
        assertThat(ablated.readDelivery()).isEqualTo(ReadDelivery.COPY);
        EngineConfig plain = new EngineEpollDesign().engineConfig(new ServerConfig("127.0.0.1", 0, 1, App.ECHO, Map.of()));
        assertThat(plain.connectionTable()).isEqualTo(ConnectionTableKind.SLOTS);
        assertThat(plain.readDelivery()).isEqualTo(ReadDelivery.VIEW);
        assertThat(new EngineNioDesign().supportedOptions()).contains("table", "read");
    }

    @Test
    void shouldRejectAnUnknownAblationValueWithOneLine() {
        ServerConfig badTable = new ServerConfig("127.0.0.1", 0, 1, App.ECHO, Map.of("table", "tree"));
        assertThatThrownBy(() -> new EngineEpollDesign().start(badTable))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("unknown connection table 'tree' (known: slots, map)");
        ServerConfig badRead = new ServerConfig("127.0.0.1", 0, 1, App.ECHO, Map.of("read", "mmap"));
        assertThatThrownBy(() -> new EngineEpollDesign().start(badRead))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("unknown read delivery 'mmap' (known: view, copy)");
    }

    @Test
    void shouldRejectBadOptionsWithOneLine() {
        ServerConfig edgeOnNio = new ServerConfig("127.0.0.1", 0, 1, App.ECHO, Map.of("edge-triggered", "true"));
        assertThatThrownBy(() -> new EngineNioDesign().start(edgeOnNio))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("edge-triggered");
        ServerConfig badLb = new ServerConfig("127.0.0.1", 0, 1, App.ECHO, Map.of("lb", "random"));
        assertThatThrownBy(() -> new EngineNioDesign().start(badLb))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("round-robin");
        ServerConfig badTimeout = new ServerConfig("127.0.0.1", 0, 1, App.ECHO, Map.of("idle-timeout-ms", "-1"));
        assertThatThrownBy(() -> new EngineNioDesign().start(badTimeout))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("idle-timeout-ms");
    }
}
