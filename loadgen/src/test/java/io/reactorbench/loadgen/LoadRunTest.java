package io.reactorbench.loadgen;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class LoadRunTest {

    private static LoadSpec.Builder against(TestServer server) throws Exception {
        return LoadSpec.builder()
                .targets(Endpoints.parseTargets(List.of(server.target())))
                .threads(2)
                .durationNs(TimeUnit.MILLISECONDS.toNanos(1500));
    }

    private static LoadRun run(LoadSpec spec) {
        return new LoadRun(spec, LoadOutputs.silent());
    }

    @Test
    void shouldAnswerEveryEchoRequestWithoutErrorsInClosedLoop() throws Exception {
        try (TestServer server = new TestServer(TestServer.Mode.ECHO)) {
            LoadSpec spec = against(server).app(AppKind.ECHO).connections(16).depth(4).sizeBytes(100).build();
            LoadRun run = run(spec);
            LoadResult r = run.execute();
            assertThat(r.errors().total()).as(r.firstErrors().toString()).isZero();
            assertThat(r.requests()).isPositive();
            assertThat(r.latencyNs().corrected()).isNull();
            assertThat(r.latencyNs().uncorrected().count()).isEqualTo(r.requests());
            assertThat(run.uncorrectedHistogram().getTotalCount()).isEqualTo(r.requests());
        }
    }

    @Test
    void shouldStopAfterTheRequestedNumberOfRequests() throws Exception {
        try (TestServer server = new TestServer(TestServer.Mode.HTTP)) {
            LoadSpec spec = against(server).app(AppKind.HTTP).connections(8).depth(8).maxRequests(5000)
                    .durationNs(TimeUnit.SECONDS.toNanos(20)).build();
            LoadResult r = run(spec).execute();
            assertThat(r.errors().total()).as(r.firstErrors().toString()).isZero();
            assertThat(r.requests()).isEqualTo(5000);
            assertThat(r.windowSeconds()).isLessThan(20);
        }
    }

    @Test
    void shouldCountBothHistogramsInOpenLoop() throws Exception {
        try (TestServer server = new TestServer(TestServer.Mode.RPC)) {
            LoadSpec spec = against(server).app(AppKind.RPC).connections(10).ratePerSec(2000).sizeBytes(10)
                    .responseSizeBytes(300).build();
            LoadResult r = run(spec).execute();
            assertThat(r.errors().total()).as(r.firstErrors().toString()).isZero();
            assertThat(r.params().model()).isEqualTo("open");
            assertThat(r.latencyNs().corrected().count()).isEqualTo(r.requests());
            assertThat(r.latencyNs().uncorrected().count()).isEqualTo(r.requests());
            // 2,000/s for 1.5 s: the schedule, not the server, decides how many were sent.
            assertThat(r.requests()).isBetween(2500L, 3100L);
        }
    }

    @Test
    void shouldCountCorruptedEchoesAsProtocolErrorsAndDescribeThem() throws Exception {
        try (TestServer server = new TestServer(TestServer.Mode.CORRUPT_ECHO)) {
            LoadSpec spec = against(server).app(AppKind.ECHO).connections(2).threads(1)
                    .durationNs(TimeUnit.MILLISECONDS.toNanos(300)).build();
            LoadResult r = run(spec).execute();
            assertThat(r.errors().protocol()).isPositive();
            assertThat(r.firstErrors()).isNotEmpty();
            assertThat(r.firstErrors().getFirst()).startsWith("protocol: echo: byte at stream offset 0");
        }
    }

    @Test
    void shouldCountRefusedConnectionsAsConnectErrors() throws Exception {
        int port;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            port = s.getLocalPort();
        }
        LoadSpec spec = LoadSpec.builder().targets(Endpoints.parseTargets(List.of("127.0.0.1:" + port)))
                .connections(3).threads(1).durationNs(TimeUnit.MILLISECONDS.toNanos(300)).build();
        LoadResult r = run(spec).execute();
        assertThat(r.requests()).isZero();
        assertThat(r.errors().connect()).isPositive();
        assertThat(r.firstErrors().getFirst()).contains("Connection refused");
    }
}
