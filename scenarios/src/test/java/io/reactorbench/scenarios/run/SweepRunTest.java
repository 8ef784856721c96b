package io.reactorbench.scenarios.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.reactorbench.loadgen.Endpoints;
import io.reactorbench.loadgen.LoadOutputs;
import io.reactorbench.loadgen.LoadRun;
import io.reactorbench.loadgen.LoadSpec;
import io.reactorbench.loadgen.SweepPlan;
import io.reactorbench.results.Results;
import io.reactorbench.results.load.LoadResult;
import io.reactorbench.results.sweep.SweepObjective;
import io.reactorbench.results.sweep.SweepResult;
import io.reactorbench.results.sweep.SweepStep;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sweep model in one process against a server of known capacity (one thread, 2 ms per request: 500/s):
 * a rate well below it meets the objective, a rate twice above it breaks it by not being answered, and each step is
 * a measured window of its own in load.json and the interval log.
 */
class SweepRunTest {

    @Test
    void shouldMeetTheObjectiveBelowCapacityAndBreakItAbove(@TempDir Path dir) throws Exception {
        try (SerialEchoServer server = new SerialEchoServer(0, Duration.ofMillis(2), 64)) {
            SweepPlan plan = new SweepPlan(List.of(100.0, 1_000.0), SweepObjective.parse("p99=100ms,errors=1%"), 0, 0,
                    0, 2, TimeUnit.SECONDS.toNanos(30));
            LoadSpec spec = LoadSpec.builder().targets(Endpoints.parseTargets(List.of(server.target())))
                    .connections(4).threads(1).warmupNs(TimeUnit.MILLISECONDS.toNanos(500))
                    .durationNs(TimeUnit.MILLISECONDS.toNanos(1_500)).timeoutNs(TimeUnit.SECONDS.toNanos(2))
                    .sweep(plan).build();
            ByteArrayOutputStream printed = new ByteArrayOutputStream();
            Path hlog = dir.resolve("sweep.hlog");

            LoadResult r = new LoadRun(spec, new LoadOutputs(null, hlog, new PrintStream(printed, true), System.err,
                    LoadOutputs.Progress.NONE, false, false)).execute();

            SweepResult sweep = r.sweep();
            assertThat(sweep.steps()).extracting(SweepStep::offeredRatePerSec).containsExactly(100.0, 1_000.0);
            assertThat(sweep.steps()).extracting(SweepStep::metObjective).containsExactly(true, false);
            assertThat(sweep.steps().get(1).breach()).contains("answered").contains("of 1000/s offered");
            assertThat(sweep.sustainedRatePerSec()).isEqualTo(100.0);
            assertThat(sweep.brokenByStep()).isEqualTo(1);
            assertThat(sweep.kneeFound()).isTrue();
            assertThat(sweep.find()).isNull();
            for (SweepStep step : sweep.steps()) {
                // every request the step issued is in its latency, the failed ones (in failedRequests) too
                assertThat(step.requests()).isPositive();
                assertThat(step.latencyNs().count()).isEqualTo(step.requests() + step.failedRequests().total());
                assertThat(step.windowEndEpochMs()).isGreaterThan(step.windowStartEpochMs());
                // the corrected latency of a served request is at least its service time
                assertThat(step.latencyNs().p50()).isGreaterThanOrEqualTo(TimeUnit.MILLISECONDS.toNanos(2));
            }
            assertThat(r.requests()).isEqualTo(sweep.steps().stream().mapToLong(SweepStep::requests).sum());
            assertThat(printed.toString(StandardCharsets.UTF_8).lines().filter(l -> l.startsWith("SWEEP")).toList())
                    .hasSize(2).first().asString().startsWith("SWEEP 0 100/s: answered");
            assertThat(Results.readLatencyHistogram(hlog, "step-1").getTotalCount())
                    .isEqualTo(sweep.steps().get(1).requests() + sweep.steps().get(1).failedRequests().total());
            // each step's window carries how late its sends went out, logged beside its latency; the cell's
            // lateness is the steps' windows together, as its latency is
            for (SweepStep step : sweep.steps()) {
                assertThat(step.sendLatenessNs().count()).isPositive();
                assertThat(Results.readLatencyHistogram(hlog, "step-" + step.index() + "-send-lateness")
                        .getTotalCount()).isEqualTo(step.sendLatenessNs().count());
            }
            assertThat(r.sendLatenessNs().count())
                    .isEqualTo(sweep.steps().stream().mapToLong(step -> step.sendLatenessNs().count()).sum());
        }
    }
}
