package io.reactorbench.loadgen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

class LoadSpecTest {

    private static LoadSpec.Builder local() {
        return LoadSpec.builder().targets(Endpoints.parseTargets(List.of("127.0.0.1:8080")));
    }

    @Test
    void shouldParseTargetListsAndSourceRanges() {
        assertThat(Endpoints.parseTargets(List.of("127.0.0.1:1,127.0.0.2:2", "[::1]:3"))).hasSize(3);
        assertThat(Endpoints.parseSources("127.0.0.2-127.0.0.40")).hasSize(39);
        assertThatThrownBy(() -> Endpoints.parseTarget("127.0.0.1")).hasMessageContaining("host:port");
        assertThatThrownBy(() -> Endpoints.parseSources("127.0.0.9-127.0.0.2")).hasMessageContaining("bad source range");
    }

    @Test
    void shouldRefuseTargetsOutsideLoopbackUnlessAllowed() {
        var remote = LoadSpec.builder().targets(Endpoints.parseTargets(List.of("10.1.2.3:80")));
        assertThatThrownBy(remote::build).hasMessageContaining("not a loopback address")
                .hasMessageContaining("--allow-remote");
        assertThat(remote.allowRemote(true).build().allowRemote()).isTrue();
    }

    @Test
    void shouldRefuseTheUringPollerWhichOnlyServersHave() {
        assertThatThrownBy(() -> local().poller(io.reactorbench.sys.PollerKind.URING).build())
                .hasMessageContaining("--poller uring");
    }

    @Test
    void shouldPickOpenLoopWhenARateIsGivenAndClosedOtherwise() {
        assertThat(local().ratePerSec(100).build().model()).isEqualTo(LoadModel.OPEN);
        assertThat(local().build().model()).isEqualTo(LoadModel.CLOSED);
        assertThatThrownBy(() -> local().model(LoadModel.OPEN).build()).hasMessageContaining("--rate");
    }

    @Test
    void shouldPaceTheOpeningOfConnectionsExceptForChurnUnlessARateIsGiven() {
        assertThat(local().build().connectRatePerSec()).isEqualTo(LoadSpec.DEFAULT_CONNECT_RATE_PER_SEC);
        assertThat(local().model(LoadModel.CHURN).build().connectRatePerSec())
                .isEqualTo(LoadSpec.UNPACED_CONNECT_RATE_PER_SEC);
        assertThat(local().model(LoadModel.CHURN).connectRatePerSec(500).build().connectRatePerSec()).isEqualTo(500.0);
    }

    @Test
    void shouldDeriveTheIdleRateFromTheHeartbeat() {
        LoadSpec idle = local().model(LoadModel.IDLE).connections(1000).heartbeatNs(TimeUnit.SECONDS.toNanos(5)).build();
        assertThat(idle.ratePerSec()).isEqualTo(200.0);
    }

    @Test
    void shouldSplitConnectionsRateAndRequestsBetweenShards() {
        LoadSpec whole = local().connections(10).ratePerSec(1000).maxRequests(100).build();
        LoadSpec first = whole.forShard(0, 3);
        LoadSpec last = whole.forShard(2, 3);
        assertThat(first.connections()).isEqualTo(4);
        assertThat(last.connections()).isEqualTo(3);
        assertThat(first.ratePerSec() + whole.forShard(1, 3).ratePerSec() + last.ratePerSec()).isEqualTo(1000.0);
        assertThat(first.firstConnectionIndex()).isZero();
        assertThat(last.firstConnectionIndex()).isEqualTo(7);
        assertThat(first.maxRequests()).isEqualTo(40);
    }

    @Test
    void shouldSayPlainlyWhenTheFileLimitOrPortsCannotHoldTheConnections() {
        LoadSpec big = local().connections(30_000).build();
        Preflight fd = Preflight.check(big, 1, 20_000, 28_232);
        assertThat(fd.fatal()).isTrue();
        assertThat(fd.problems()).anyMatch(p -> p.contains("limit is 20000") && p.contains("--agents 2"));
        assertThat(fd.problems()).anyMatch(p -> p.contains("ephemeral ports") && p.contains("ip_local_port_range"));

        Preflight split = Preflight.check(local().connections(30_000)
                .targets(Endpoints.parseTargets(List.of("127.0.0.1:8080,127.0.0.2:8080"))).build(), 2, 20_000, 28_232);
        assertThat(split.fatal()).isFalse();
        assertThat(split.problems()).isEmpty();

        assertThat(Preflight.check(local().connections(100).build(), 1, -1, -1).problems()).isEmpty();
    }

    @Test
    void shouldReadThisMachinesLimitsFromProc() {
        Assumptions.assumeTrue(java.nio.file.Files.exists(java.nio.file.Path.of("/proc/sys/net/ipv4/ip_local_port_range")));
        assertThat(Preflight.readEphemeralPorts()).isGreaterThan(1000);
        assertThat(Preflight.readOpenFileLimit()).isGreaterThan(100);
    }
}
