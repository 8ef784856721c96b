package io.reactorbench.loadgen;

import static org.assertj.core.api.Assertions.assertThat;

import io.reactorbench.results.load.CeilingStep;
import io.reactorbench.results.load.CeilingStop;
import io.reactorbench.results.load.LoadResult;
import io.reactorbench.sys.MemInfo;
import io.reactorbench.sys.PollerKind;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.HdrHistogram.EncodableHistogram;
import org.HdrHistogram.HistogramLogReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class CeilingRunTest {

    private static final long GIB = 1L << 30;

    private static LoadSpec.Builder ceiling(TestServer server, PollerKind poller, List<Integer> steps)
            throws Exception {
        return LoadSpec.builder().poller(poller)
                .targets(Endpoints.parseTargets(List.of(server.target())))
                .sources(Endpoints.parseSources("127.0.0.2-127.0.0.3"))
                .threads(2)
                .ratePerSec(400)
                .connectRatePerSec(5_000)
                .ceiling(new CeilingPlan(steps, TimeUnit.SECONDS.toNanos(1), 5_000, CeilingPlan.DEFAULT_MEMORY_FLOOR));
    }

    @ParameterizedTest
    @EnumSource(value = PollerKind.class, names = {"NIO", "EPOLL"})
    void shouldHoldVerifyAndMeasureEveryStepOverTwoSourceAddresses(PollerKind poller, @TempDir Path dir)
            throws Exception {
        try (TestServer server = new TestServer(TestServer.Mode.ECHO)) {
            LoadSpec spec = ceiling(server, poller, List.of(50, 100, 200)).build();
            ByteArrayOutputStream printed = new ByteArrayOutputStream();
            Path hlog = dir.resolve("ceiling.hlog");

            LoadResult r = new LoadRun(spec, new LoadOutputs(null, hlog, new PrintStream(printed, true),
                    System.err, LoadOutputs.Progress.NONE, false, false)).execute();

            assertThat(r.steps()).extracting(CeilingStep::stoppedBy).as(r.firstErrors().toString())
                    .containsExactly(null, null, null);
            assertThat(r.steps()).extracting(CeilingStep::targetConnections).containsExactly(50, 100, 200);
            assertThat(r.steps()).extracting(CeilingStep::heldConnections).containsExactly(50, 100, 200);
            assertThat(r.steps()).extracting(CeilingStep::verified).containsExactly(50, 100, 200);
            for (CeilingStep step : r.steps()) {
                assertThat(step.requests()).isPositive();
                assertThat(step.latencyNs().count()).isEqualTo(step.requests());
                assertThat(step.sendLatenessNs().count()).as("each hold request's send").isEqualTo(step.requests());
                assertThat(step.latencyNs().p99()).isPositive();
                assertThat(step.holdEndEpochMs()).isGreaterThan(step.holdStartEpochMs());
                assertThat(step.errors().total()).isZero();
            }
            assertThat(r.requests()).isEqualTo(r.steps().stream().mapToLong(CeilingStep::requests).sum());
            assertThat(printed.toString(StandardCharsets.UTF_8).lines()).containsExactly(
                    "STEP 0 HOLD 50 connections", "STEP 0 DONE 50 connections",
                    "STEP 1 HOLD 100 connections", "STEP 1 DONE 100 connections",
                    "STEP 2 HOLD 200 connections", "STEP 2 DONE 200 connections");
            assertThat(tags(hlog)).containsExactly("step-0", "step-0-uncorrected", "step-0-send-lateness", "step-1",
                    "step-1-uncorrected", "step-1-send-lateness", "step-2", "step-2-uncorrected",
                    "step-2-send-lateness");
            assertThat(r.sendLatenessNs().count()).as("every hold request was scheduled").isEqualTo(r.requests());
        }
    }

    @Test
    void shouldEndCleanlyWithTheStepsReachedWhenTheMemoryGuardTrips() throws Exception {
        try (TestServer server = new TestServer(TestServer.Mode.ECHO)) {
            LoadSpec spec = ceiling(server, PollerKind.EPOLL, List.of(40, 80, 120)).build();
            long socketsBefore = openSockets();
            // MemAvailable "falls" below the 2 GiB floor once the first step is done.
            AtomicBoolean firstStepDone = new AtomicBoolean();
            PrintStream out = new PrintStream(new ByteArrayOutputStream(), true) {
                @Override
                public void println(String line) {
                    firstStepDone.compareAndSet(false, line.equals(StepLine.end(doneStep0())));
                }
            };

            LoadResult r = new LoadRun(spec, new LoadOutputs(null, null, out, System.err, LoadOutputs.Progress.NONE,
                    false, false))
                    .memInfo(() -> new MemInfo(24 * GIB, firstStepDone.get() ? GIB : 20 * GIB))
                    .execute();

            assertThat(r.steps()).hasSize(2);
            assertThat(r.steps().getFirst().completed()).isTrue();
            CeilingStep stopped = r.steps().get(1);
            assertThat(stopped.stoppedBy()).isEqualTo(CeilingStop.MEMORY_GUARD);
            assertThat(stopped.stopDetail()).contains("memory guard: MemAvailable 1.0 GiB below the 2.4 GiB floor");
            assertThat(stopped.heldConnections()).isEqualTo(40);
            assertThat(r.stoppedEarly()).isFalse();
            assertThat(liveWorkerThreads()).isEmpty();
            assertThat(eventually(CeilingRunTest::openSockets, socketsBefore)).isEqualTo(socketsBefore);
        }
    }

    private static CeilingStep doneStep0() {
        return new CeilingStep(0, 40, 40, 0, 0, 40, 0, 0, 0, null, null, null, null, null, null, null);
    }

    private static List<String> tags(Path hlog) throws IOException {
        List<String> tags = new ArrayList<>();
        HistogramLogReader reader = new HistogramLogReader(hlog.toFile());
        EncodableHistogram h;
        while ((h = reader.nextIntervalHistogram()) != null) {
            tags.add(h.getTag());
        }
        reader.close();
        return tags;
    }

    static List<Thread> liveWorkerThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().startsWith("load-worker-") && t.isAlive()).toList();
    }

    /** Sockets this JVM holds (client and in-test server side alike). */
    static long openSockets() {
        try (var fds = Files.list(Path.of("/proc/self/fd"))) {
            return fds.filter(fd -> {
                try {
                    return Files.readSymbolicLink(fd).toString().startsWith("socket:");
                } catch (IOException e) {
                    return false;
                }
            }).count();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The value once it equals {@code expected}, or the last one read after 5 s (the server closes its side late). */
    static long eventually(java.util.function.LongSupplier value, long expected) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        long v = value.getAsLong();
        while (v != expected && System.nanoTime() < deadline) {
            Thread.sleep(20);
            v = value.getAsLong();
        }
        return v;
    }
}
