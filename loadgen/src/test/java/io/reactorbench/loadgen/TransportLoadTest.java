package io.reactorbench.loadgen;

import static org.assertj.core.api.Assertions.assertThat;

import io.reactorbench.results.load.LoadResult;
import io.reactorbench.sys.PollerKind;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The load generator over Unix-domain sockets and UDP, with both pollers, against small loopback test servers. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class TransportLoadTest {

    @TempDir
    Path dir;

    private static LoadSpec.Builder against(String target, PollerKind poller) {
        return LoadSpec.builder().poller(poller).targets(Endpoints.parseTargets(List.of(target))).app(AppKind.ECHO)
                .threads(1).durationNs(TimeUnit.SECONDS.toNanos(30));
    }

    private static LoadResult run(LoadSpec spec) throws Exception {
        return new LoadRun(spec, LoadOutputs.silent()).execute();
    }

    @ParameterizedTest
    @EnumSource(value = PollerKind.class, names = {"NIO", "EPOLL"})
    void shouldAnswerEveryEchoRequestOverAUnixDomainSocket(PollerKind poller) throws Exception {
        Path socket = dir.resolve("echo.sock");
        try (TestServer server = TestServer.onUnixSocket(TestServer.Mode.ECHO, socket)) {
            LoadResult r = run(against("unix:" + socket, poller).connections(4).depth(2).sizeBytes(100)
                    .maxRequests(400).build());
            assertThat(r.errors().total()).as(r.firstErrors().toString()).isZero();
            assertThat(r.requests()).isEqualTo(400);
            assertThat(r.params().transport()).isEqualTo("unix");
            assertThat(r.params().targets()).containsExactly("unix:" + socket.toAbsolutePath());
        }
    }

    @ParameterizedTest
    @EnumSource(value = PollerKind.class, names = {"NIO", "EPOLL"})
    void shouldMatchEveryUdpAnswerToItsRequest(PollerKind poller) throws Exception {
        try (UdpTestServer server = new UdpTestServer(UdpTestServer.Mode.ECHO)) {
            LoadResult r = run(against(server.target(), poller).connections(3).depth(4).maxRequests(600).build());
            assertThat(r.errors().total()).as(r.firstErrors().toString()).isZero();
            assertThat(r.requests()).isEqualTo(600);
            assertThat(r.params().transport()).isEqualTo("udp");
            assertThat(server.received).isEqualTo(600);
        }
    }

    @ParameterizedTest
    @EnumSource(value = PollerKind.class, names = {"NIO", "EPOLL"})
    void shouldCountEachLostDatagramAsATimeout(PollerKind poller) throws Exception {
        try (UdpTestServer server = new UdpTestServer(UdpTestServer.Mode.DROP_SOME, 40)) {
            LoadResult r = run(against(server.target(), poller).connections(2).depth(1).maxRequests(120)
                    .timeoutNs(TimeUnit.SECONDS.toNanos(1)).build());
            assertThat(server.dropped).isEqualTo(3);
            assertThat(r.errors().timeout()).as(r.firstErrors().toString()).isEqualTo(3);
            assertThat(r.errors().total()).isEqualTo(3);
            assertThat(r.requests()).isEqualTo(120 - 3);
        }
    }

    @ParameterizedTest
    @EnumSource(value = PollerKind.class, names = {"NIO", "EPOLL"})
    void shouldSeeALossAsSoonAsALaterAnswerOvertakesIt(PollerKind poller) throws Exception {
        try (UdpTestServer server = new UdpTestServer(UdpTestServer.Mode.DROP_SOME, 10)) {
            // One connection with 4 in flight, and a timeout far beyond the run: only the overtaking answer can
            // reveal the loss.
            LoadResult r = run(against(server.target(), poller).connections(1).depth(4).maxRequests(9 + 4)
                    .timeoutNs(TimeUnit.SECONDS.toNanos(25)).build());
            assertThat(r.errors().timeout()).isPositive();
            assertThat(r.firstErrors().getFirst())
                    .isEqualTo("timeout: udp: datagram 9 of connection 0 lost (the answer to 10 came first)");
        }
    }

    @ParameterizedTest
    @EnumSource(value = PollerKind.class, names = {"NIO", "EPOLL"})
    void shouldCheckEveryByteOfAUdpAnswer(PollerKind poller) throws Exception {
        try (UdpTestServer server = new UdpTestServer(UdpTestServer.Mode.CORRUPT)) {
            // Three requests, each answered wrongly: three protocol errors, none counted as answered.
            LoadResult r = run(against(server.target(), poller).connections(1).sizeBytes(64).maxRequests(3).build());
            assertThat(r.requests()).isZero();
            assertThat(r.errors().protocol()).isEqualTo(3);
            assertThat(r.errors().total()).isEqualTo(3);
            assertThat(r.firstErrors().getFirst())
                    .isEqualTo("protocol: udp echo: byte 63 of datagram 0 of connection 0 is 192, sent 63");
        }
    }
}
