package io.reactorbench.loadgen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.reactorbench.results.load.LoadResult;
import io.reactorbench.sys.PollerKind;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

class SlowReadTest {

    private static final int CONNECTIONS = 4;
    private static final long READ_RATE_BYTES_PER_SEC = 16 * 1024;
    private static final long DURATION_NS = TimeUnit.SECONDS.toNanos(2);

    private static LoadSpec.Builder slowReader(String target, PollerKind poller) {
        return LoadSpec.builder().poller(poller)
                .targets(Endpoints.parseTargets(List.of(target)))
                .app(AppKind.ECHO).model(LoadModel.SLOWREAD).sizeBytes(1024)
                .connections(CONNECTIONS).threads(2)
                .readRateBytesPerSec(READ_RATE_BYTES_PER_SEC)
                .durationNs(DURATION_NS);
    }

    @ParameterizedTest
    @EnumSource(value = PollerKind.class, names = {"NIO", "EPOLL"})
    void shouldReadNoFasterThanTheRateAndStallWhenTheServerPushesBack(PollerKind poller) throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(poller != PollerKind.EPOLL || PollerKind.AUTO.resolve() == PollerKind.EPOLL,
                "epoll poller unavailable here");
        try (BlockingEchoServer server = new BlockingEchoServer()) {
            LoadResult r = new LoadRun(slowReader(server.target(), poller).build(), LoadOutputs.silent()).execute();

            assertThat(r.errors().total()).as(r.firstErrors().toString()).isZero();
            LoadResult.SlowRead s = r.slowRead();
            assertThat(s).isNotNull();
            // The throttle grants rate x time since the start; one read tick and the join are the slack.
            long boundBytes = (long) (CONNECTIONS * READ_RATE_BYTES_PER_SEC * (r.windowSeconds() + 0.5));
            assertThat(s.bytesRead()).isPositive().isLessThanOrEqualTo(boundBytes);
            assertThat(r.requests()).isLessThanOrEqualTo(s.bytesRead() / 1024);
            // The blocking server stops reading while its write waits: the sender fills both socket buffers, then stalls.
            assertThat(s.bytesSent()).isGreaterThan(s.bytesRead());
            assertThat(s.stalls()).isGreaterThanOrEqualTo(CONNECTIONS);
            assertThat(s.stallSeconds()).isPositive();
            assertThat(s.connectionsAtCap()).isZero();
            assertThat(r.latencyNs().uncorrected().count()).isZero();
        }
    }

    @Test
    void shouldStopSendingAtTheCapWhenTheServerBuffersForAReaderThatNeverReads() throws Exception {
        try (TestServer server = new TestServer(TestServer.Mode.ECHO)) {
            LoadSpec spec = slowReader(server.target(), PollerKind.NIO).readRateBytesPerSec(0L)
                    .maxInFlightBytesPerConnection(1 << 20).build();
            LoadResult r = new LoadRun(spec, LoadOutputs.silent()).execute();

            assertThat(r.errors().total()).as(r.firstErrors().toString()).isZero();
            assertThat(r.slowRead().bytesRead()).isZero();
            assertThat(r.slowRead().bytesSent()).isEqualTo(CONNECTIONS * (1L << 20));
            assertThat(r.slowRead().connectionsAtCap()).isEqualTo(CONNECTIONS);
        }
    }

    @Test
    void shouldRejectReadRateOutsideTheSlowReadModel() {
        LoadSpec.Builder closed = LoadSpec.builder().targets(Endpoints.parseTargets(List.of("127.0.0.1:9")))
                .readRateBytesPerSec(1000L);
        assertThatThrownBy(closed::build).hasMessageContaining("--read-rate applies to the slowread model");
        LoadSpec.Builder http = slowReader("127.0.0.1:9", PollerKind.NIO).app(AppKind.HTTP).sizeBytes(null);
        assertThatThrownBy(http::build).hasMessageContaining("echo or rpc");
    }

    @Test
    void shouldDefaultToSixteenKibPerSecond() {
        LoadSpec spec = LoadSpec.builder().targets(Endpoints.parseTargets(List.of("127.0.0.1:9")))
                .model(LoadModel.SLOWREAD).build();
        assertThat(spec.readRateBytesPerSec()).isEqualTo(16 * 1024);
        assertThat(spec.maxInFlightBytesPerConnection()).isEqualTo(64L << 20);
    }
}
