package io.reactorbench.loadgen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.reactorbench.results.load.LoadResult;
import io.reactorbench.results.sweep.SweepObjective;
import io.reactorbench.results.sweep.SweepStep;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A sweep step is a ceiling-style hold, and its failed requests count as a hold's do (issue 19 A1 with B): against a
 * server that hangs one request in twenty, the step's latency holds every request it issued (answered + failed), its
 * error rate is the failed share, and with more than 1 % of its requests hung past the timeout its p99 is at least
 * the timeout, so the objective's p99 and error limits both break. Before, a step's p99 held the answered requests
 * only. The bounds follow from the setup (the timeout, the server's share of failures), not the machine's speed.
 */
class SweepFailedRequestsTest {

    private static final int REQUEST_BYTES = 32;
    /** Half a second: far above an answered request's round trip even on a loaded machine. */
    private static final long TIMEOUT_NS = TimeUnit.MILLISECONDS.toNanos(500);

    @Test
    void shouldPutAStepsFailedRequestsIntoItsP99AndItsErrorRate() throws Exception {
        try (TestServer server = new TestServer(TestServer.Mode.HANGING_ECHO).failEvery(20, REQUEST_BYTES)) {
            // 100 connections at 200/s: each sends one request every 0.5 s on average, so the connections a hung
            // request holds (500 ms timeout + 100 ms reconnect) leave plenty idle and no backlog builds.
            SweepPlan plan = new SweepPlan(List.of(200.0), SweepObjective.parse("p99=100ms,errors=1%"), 0, 0, 0, 1,
                    TimeUnit.SECONDS.toNanos(30));
            LoadSpec spec = LoadSpec.builder().targets(Endpoints.parseTargets(List.of(server.target())))
                    .app(AppKind.ECHO).sizeBytes(REQUEST_BYTES).connections(100).threads(1)
                    .warmupNs(TimeUnit.MILLISECONDS.toNanos(500)).durationNs(TimeUnit.SECONDS.toNanos(3))
                    .timeoutNs(TIMEOUT_NS).sweep(plan).build();
            LoadRun run = new LoadRun(spec, LoadOutputs.silent());

            LoadResult result = run.execute();

            SweepStep step = result.sweep().steps().getFirst();
            long failed = step.failedRequests().total();
            assertThat(step.failedRequests().timeout()).as(result.firstErrors().toString()).isPositive();
            assertThat(failed).isEqualTo(step.failedRequests().timeout());
            // Every request the step issued is in its latency; requests counts the answered ones alone.
            assertThat(step.latencyNs().count()).isEqualTo(step.requests() + failed);
            assertThat(step.errorRate()).isCloseTo(failed / (double) (step.requests() + failed), within(1e-12))
                    .isGreaterThan(0.01);
            // Well over 1 % of the step's requests failed at the timeout or later: its p99 is at least the timeout.
            assertThat(step.latencyNs().p99()).isGreaterThanOrEqualTo(TIMEOUT_NS);
            assertThat(step.metObjective()).isFalse();
            assertThat(step.breach()).contains("p99").contains("errors");
            // The run's totals are the step's: the same failures, the same latency.
            assertThat(result.failedRequests()).isEqualTo(step.failedRequests());
            assertThat(result.errorRate()).isEqualTo(step.errorRate());
            assertThat(run.correctedHistogram().getTotalCount()).isEqualTo(step.requests() + failed);
        }
    }
}
