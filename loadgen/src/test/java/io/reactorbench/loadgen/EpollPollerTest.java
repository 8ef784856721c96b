package io.reactorbench.loadgen;

import static org.assertj.core.api.Assertions.assertThat;

import io.reactorbench.results.load.LoadResult;
import io.reactorbench.sys.LinuxSys;
import io.reactorbench.sys.PollerKind;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The same behaviour through the FFM epoll poller as through NIO: answers counted, checked, errors by kind. */
class EpollPollerTest {

    @BeforeAll
    static void requireEpoll() {
        Assumptions.assumeTrue(LinuxSys.isAvailable(), () -> "epoll poller unavailable: " + LinuxSys.unavailabilityCause());
    }

    private static LoadSpec.Builder against(TestServer server) throws Exception {
        return LoadSpec.builder().poller(PollerKind.EPOLL)
                .targets(Endpoints.parseTargets(List.of(server.target())))
                .threads(2)
                .durationNs(TimeUnit.MILLISECONDS.toNanos(1200));
    }

    @Test
    void shouldAnswerEveryPipelinedEchoRequestWithoutErrors() throws Exception {
        try (TestServer server = new TestServer(TestServer.Mode.ECHO)) {
            LoadRun run = new LoadRun(against(server).connections(16).depth(8).sizeBytes(100).build(),
                    LoadOutputs.silent());
            LoadResult r = run.execute();
            assertThat(r.errors().total()).as(r.firstErrors().toString()).isZero();
            assertThat(r.requests()).isPositive();
            assertThat(run.uncorrectedHistogram().getTotalCount()).isEqualTo(r.requests());
            assertThat(r.params().poller()).isEqualTo("epoll");
        }
    }

    @Test
    void shouldCountEveryOpenLoopHttpAnswerInBothHistograms() throws Exception {
        try (TestServer server = new TestServer(TestServer.Mode.HTTP)) {
            LoadResult r = new LoadRun(against(server).app(AppKind.HTTP).connections(10).ratePerSec(2000)
                    .maxRequests(1000).durationNs(TimeUnit.SECONDS.toNanos(20)).build(), LoadOutputs.silent())
                    .execute();
            assertThat(r.errors().total()).as(r.firstErrors().toString()).isZero();
            assertThat(r.requests()).isEqualTo(1000);
            assertThat(r.latencyNs().corrected().count()).isEqualTo(r.requests());
            assertThat(r.latencyNs().uncorrected().count()).isEqualTo(r.requests());
        }
    }

    /** Wall-clock: 2,000 requests/s for 1.5 s must send about 3,000; judges the machine as well (-Pbench). */
    @Test
    @Tag("bench")
    void shouldKeepTheOpenLoopRateOverHttp() throws Exception {
        try (TestServer server = new TestServer(TestServer.Mode.HTTP)) {
            LoadResult r = new LoadRun(against(server).app(AppKind.HTTP).connections(10).ratePerSec(2000)
                    .durationNs(TimeUnit.MILLISECONDS.toNanos(1500)).build(), LoadOutputs.silent()).execute();
            assertThat(r.errors().total()).as(r.firstErrors().toString()).isZero();
            assertThat(r.latencyNs().corrected().count()).isEqualTo(r.requests());
            assertThat(r.requests()).isBetween(2500L, 3100L);
        }
    }

    @Test
    void shouldCheckRpcAnswersAndLargeEchoesThatNeedSeveralWrites() throws Exception {
        try (TestServer server = new TestServer(TestServer.Mode.RPC)) {
            LoadResult r = new LoadRun(against(server).app(AppKind.RPC).connections(4).depth(4).sizeBytes(100)
                    .responseSizeBytes(5000).build(), LoadOutputs.silent()).execute();
            assertThat(r.errors().total()).as(r.firstErrors().toString()).isZero();
            assertThat(r.requests()).isPositive();
        }
        try (TestServer server = new TestServer(TestServer.Mode.ECHO)) {
            LoadResult r = new LoadRun(against(server).connections(2).depth(2).sizeBytes(300_000).build(),
                    LoadOutputs.silent()).execute();
            assertThat(r.errors().total()).as(r.firstErrors().toString()).isZero();
            assertThat(r.requests()).isPositive();
        }
    }

    @Test
    void shouldCountCorruptionAsProtocolAndRefusalAsConnectErrors() throws Exception {
        try (TestServer server = new TestServer(TestServer.Mode.CORRUPT_ECHO)) {
            LoadResult r = new LoadRun(against(server).connections(2).threads(1)
                    .durationNs(TimeUnit.MILLISECONDS.toNanos(300)).build(), LoadOutputs.silent()).execute();
            assertThat(r.errors().protocol()).isPositive();
        }
        int port;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            port = s.getLocalPort();
        }
        LoadResult refused = new LoadRun(LoadSpec.builder().poller(PollerKind.EPOLL)
                .targets(Endpoints.parseTargets(List.of("127.0.0.1:" + port))).connections(3).threads(1)
                .durationNs(TimeUnit.MILLISECONDS.toNanos(300)).build(), LoadOutputs.silent()).execute();
        assertThat(refused.errors().connect()).isPositive();
        assertThat(refused.firstErrors().getFirst()).containsIgnoringCase("refused");
    }
}
