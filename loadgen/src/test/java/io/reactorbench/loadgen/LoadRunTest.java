package io.reactorbench.loadgen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.reactorbench.results.GeneratorSchedule;
import io.reactorbench.results.load.LoadJson;
import io.reactorbench.results.load.LoadResult;
import io.reactorbench.sys.PollerKind;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.HdrHistogram.EncodableHistogram;
import org.HdrHistogram.HistogramLogReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LoadRunTest {

    private static LoadSpec.Builder against(TestServer server) throws Exception {
        return LoadSpec.builder().poller(PollerKind.NIO)
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
    void shouldBeginItsWindowNoEarlierThanTheInstantItsStartGateGave(@TempDir Path dir) throws Exception {
        try (TestServer server = new TestServer(TestServer.Mode.ECHO)) {
            LoadSpec spec = against(server).app(AppKind.ECHO).connections(4).threads(1)
                    .warmupNs(0).durationNs(TimeUnit.MILLISECONDS.toNanos(1000)).build();
            Path hlog = dir.resolve("gated.hlog");
            long[] startEpochMs = new long[1];
            StartGate gate = () -> startEpochMs[0] = System.currentTimeMillis() + 300;

            LoadResult r = new LoadRun(spec, new LoadOutputs(null, hlog, System.out, System.err,
                    LoadOutputs.Progress.NONE, false, false), gate).execute();

            assertThat(r.requests()).isPositive();
            HistogramLogReader reader = new HistogramLogReader(hlog.toFile());
            EncodableHistogram first = reader.nextIntervalHistogram();
            reader.close();
            assertThat(first.getStartTimeStamp()).isGreaterThanOrEqualTo(startEpochMs[0]);
        }
    }

    /**
     * A generator starved on purpose: one worker asked for a billion sends a second cannot even walk its schedule
     * (a nanosecond per event), so its sends go out ever later. The lateness is recorded for the window and logged
     * per interval, and the cell's verdict says the generator fell behind. Behaviour, not speed: no machine runs a
     * schedule event per nanosecond.
     */
    @Test
    void shouldRecordSendLatenessAndFlagAGeneratorThatCannotKeepItsSchedule(@TempDir Path dir) throws Exception {
        try (TestServer server = new TestServer(TestServer.Mode.ECHO)) {
            LoadSpec spec = against(server).app(AppKind.ECHO).connections(1).threads(1).depth(1).ratePerSec(1e9)
                    .warmupNs(0).durationNs(TimeUnit.MILLISECONDS.toNanos(1000)).build();
            Path hlog = dir.resolve("starved.hlog");

            LoadResult r = new LoadRun(spec, new LoadOutputs(null, hlog, System.out, System.err,
                    LoadOutputs.Progress.NONE, false, false)).execute();

            assertThat(r.sendLatenessNs()).isNotNull();
            assertThat(r.sendLatenessNs().count()).isPositive();
            assertThat(r.sendLatenessNs().p99()).isGreaterThan(GeneratorSchedule.FLOOR_NS);
            GeneratorSchedule schedule = GeneratorSchedule.of(r.sendLatenessNs(), r.latencyNs().corrected());
            assertThat(schedule.behind()).isTrue();
            assertThat(schedule.reason()).contains("late against its schedule");
            long logged = 0;
            HistogramLogReader reader = new HistogramLogReader(hlog.toFile());
            EncodableHistogram next;
            while ((next = reader.nextIntervalHistogram()) != null) {
                if (IntervalLogTags.SEND_LATENESS.equals(next.getTag())) {
                    logged += ((org.HdrHistogram.Histogram) next).getTotalCount();
                }
            }
            reader.close();
            assertThat(logged).as("the window's lateness, logged per interval").isEqualTo(r.sendLatenessNs().count());
        }
    }

    @Test
    void shouldNotRunWhenItsStartGateBroke() throws Exception {
        try (TestServer server = new TestServer(TestServer.Mode.ECHO)) {
            LoadSpec spec = against(server).app(AppKind.ECHO).connections(2).threads(1).build();
            StartGate broken = () -> {
                throw new IOException("the parent closed the start barrier");
            };

            assertThatThrownBy(() -> new LoadRun(spec, LoadOutputs.silent(), broken).execute())
                    .isInstanceOf(IOException.class).hasMessageContaining("start barrier");
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
            assertThat(r.requests()).isPositive();
        }
    }

    /** Wall-clock: the schedule, not the server, decides how many requests an open loop sends (-Pbench). */
    @Test
    @Tag("bench")
    void shouldSendWhatTheScheduleSaysInOpenLoop() throws Exception {
        try (TestServer server = new TestServer(TestServer.Mode.RPC)) {
            LoadSpec spec = against(server).app(AppKind.RPC).connections(10).ratePerSec(2000).sizeBytes(10)
                    .responseSizeBytes(300).build();
            LoadResult r = run(spec).execute();
            assertThat(r.errors().total()).as(r.firstErrors().toString()).isZero();
            // 2,000/s over the window. The window is measured (a busy machine wakes the coordinator late and the
            // window runs past 1.5 s), so the bound is too.
            long scheduled = Math.round(2000 * r.windowSeconds());
            assertThat(r.requests()).isBetween(scheduled * 5 / 6, scheduled + 100);
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
        assertThat(r.firstErrors().getFirst()).containsIgnoringCase("connection refused");
    }

    @Test
    void shouldSendHeartbeatsOnIdleConnectionsAndCountThemAll() throws Exception {
        try (TestServer server = new TestServer(TestServer.Mode.ECHO)) {
            LoadSpec spec = against(server).app(AppKind.ECHO).sizeBytes(8).model(LoadModel.IDLE).connections(50)
                    .heartbeatNs(TimeUnit.MILLISECONDS.toNanos(500)).maxRequests(100)
                    .durationNs(TimeUnit.SECONDS.toNanos(20)).build();
            LoadResult r = run(spec).execute();
            assertThat(r.errors().total()).as(r.firstErrors().toString()).isZero();
            assertThat(r.requests()).isEqualTo(100);
            assertThat(r.latencyNs().corrected().count()).isEqualTo(r.requests());
        }
    }

    /** Wall-clock: one heartbeat per connection per interval (-Pbench). */
    @Test
    @Tag("bench")
    void shouldSendOneHeartbeatPerConnectionPerInterval() throws Exception {
        try (TestServer server = new TestServer(TestServer.Mode.ECHO)) {
            LoadSpec spec = against(server).app(AppKind.ECHO).sizeBytes(8).model(LoadModel.IDLE).connections(50)
                    .heartbeatNs(TimeUnit.MILLISECONDS.toNanos(500)).build();
            LoadResult r = run(spec).execute();
            assertThat(r.errors().total()).as(r.firstErrors().toString()).isZero();
            // 50 connections, one heartbeat each per 0.5 s, for 1.5 s.
            assertThat(r.requests()).isBetween(120L, 160L);
            assertThat(r.latencyNs().corrected().count()).isEqualTo(r.requests());
        }
    }

    @Test
    void shouldReconnectForEveryRequestInChurnAndReportConnectionsPerSecond() throws Exception {
        try (TestServer server = new TestServer(TestServer.Mode.HTTP)) {
            LoadSpec spec = against(server).app(AppKind.HTTP).model(LoadModel.CHURN).connections(4).threads(1)
                    .connectRatePerSec(1e9).durationNs(TimeUnit.MILLISECONDS.toNanos(800)).build();
            LoadResult r = run(spec).execute();
            assertThat(r.errors().total()).as(r.firstErrors().toString()).isZero();
            assertThat(r.requests()).isPositive();
            assertThat(r.connectionsPerSecond()).isNotNull().isPositive();
            assertThat(r.latencyNs().corrected()).isNull();
        }
    }

    @Test
    void shouldStopEarlyOnRequestAndStillReturnAndWriteWhatWasMeasured() throws Exception {
        java.nio.file.Path json = java.nio.file.Files.createTempFile("stopped", ".json");
        try (TestServer server = new TestServer(TestServer.Mode.ECHO)) {
            LoadSpec spec = against(server).connections(4).ratePerSec(500)
                    .durationNs(TimeUnit.SECONDS.toNanos(30)).build();
            LoadRun run = new LoadRun(spec, new LoadOutputs(json, null, System.out, System.err, LoadOutputs.Progress.NONE, false,
                    false));
            Thread stopper = new Thread(() -> {
                try {
                    Thread.sleep(1200);
                } catch (InterruptedException e) {
                    return;
                }
                run.requestStop();
            });
            stopper.start();
            LoadResult r = run.execute();
            stopper.join();
            assertThat(r.stoppedEarly()).isTrue();
            assertThat(r.windowSeconds()).isLessThan(10);
            assertThat(r.requests()).isPositive();
            assertThat(LoadJson.read(json).stoppedEarly()).isTrue();
        } finally {
            java.nio.file.Files.deleteIfExists(json);
        }
    }
}
