package io.reactorbench.loadgen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.reactorbench.results.ErrorCounts;
import io.reactorbench.results.load.LoadResult;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

/**
 * Requests the server fails are in the latency, not left out of it (issue 19): against a server that hangs or
 * resets one request in twenty, every issued request of the window is in the histograms (answered + failed), the
 * error rate is reported beside the latency, and with more than 1 % of the requests hung past the timeout the p99
 * is at least the timeout, where the answered requests alone (what the histogram held before) read lower. The
 * bounds follow from the setup (the timeout, the server's share of failures), not from the machine's speed.
 */
class FailedRequestLatencyTest {

    private static final int REQUEST_BYTES = 32;
    /** One request in 20 fails: 5 %, five times the share that decides a p99. */
    private static final long FAIL_EVERY = 20;
    /**
     * Half a second: far above an answered request's round trip even on a loaded 2-core machine (stalls of the
     * test's own threads of 150 ms were seen there), so the answered requests' p99 stays clear of it.
     */
    private static final long TIMEOUT_NS = TimeUnit.MILLISECONDS.toNanos(500);

    /**
     * Open loop, 400 connections at 200 requests/s: each connection sends one request every 2 s, far longer than
     * a failed connection takes to time out (500 ms) and reconnect (100 ms), so no backlog builds behind a failure
     * and the answered requests' corrected latency is their round trip.
     */
    private static LoadSpec openLoop(TestServer server) throws Exception {
        return LoadSpec.builder()
                .targets(Endpoints.parseTargets(List.of(server.target())))
                .app(AppKind.ECHO)
                .sizeBytes(REQUEST_BYTES)
                .connections(400)
                .ratePerSec(200)
                .threads(1)
                .warmupNs(0)
                .durationNs(TimeUnit.SECONDS.toNanos(4))
                .timeoutNs(TIMEOUT_NS)
                .build();
    }

    @Test
    void shouldPutRequestsHungPastTheTimeoutIntoTheP99AtTheTimeoutOrMore() throws Exception {
        try (TestServer server = new TestServer(TestServer.Mode.HANGING_ECHO).failEvery(FAIL_EVERY, REQUEST_BYTES)) {
            LoadRun run = new LoadRun(openLoop(server), LoadOutputs.silent());
            LoadResult result = run.execute();

            ErrorCounts failed = result.failedRequests();
            assertThat(failed.timeout()).as(result.firstErrors().toString()).isPositive();
            assertThat(failed.timeout()).isLessThanOrEqualTo(server.failedRequests);
            assertThat(failed.reset() + failed.protocol() + failed.connect()).isZero();
            assertEveryRequestIsInTheHistograms(run, result);
            // 5 % of the requests the server received hang; the generator times each of them out (the few still
            // waiting when the window closed aside), so well over 1 % of the window's requests failed...
            assertThat(result.errorRate()).isGreaterThan(0.01);
            // ... each recorded at the timeout or more, so the 99th percentile is at least the timeout.
            assertThat(result.latencyNs().corrected().p99()).isGreaterThanOrEqualTo(TIMEOUT_NS);
            assertThat(result.latencyNs().uncorrected().p99()).isGreaterThanOrEqualTo(TIMEOUT_NS);
            // The old behaviour: the answered requests alone, which a hung request never joins, read lower.
            Histogram answeredOnly = run.answeredCorrectedHistogram();
            assertThat(answeredOnly.getTotalCount()).isEqualTo(result.requests());
            assertThat(answeredOnly.getValueAtPercentile(99)).isLessThan(result.latencyNs().corrected().p99());
        }
    }

    @Test
    void shouldPutRequestsLostToAResetIntoTheLatencyAndReportTheErrorRateBesideIt() throws Exception {
        try (TestServer server = new TestServer(TestServer.Mode.RESETTING_ECHO).failEvery(FAIL_EVERY, REQUEST_BYTES)) {
            ByteArrayOutputStream summary = new ByteArrayOutputStream();
            LoadOutputs printing = new LoadOutputs(null, null, new PrintStream(summary, true, StandardCharsets.UTF_8),
                    System.err, LoadOutputs.Progress.NONE, true, false);
            LoadRun run = new LoadRun(openLoop(server), printing);
            LoadResult result = run.execute();

            ErrorCounts failed = result.failedRequests();
            assertThat(failed.reset()).as(result.firstErrors().toString()).isPositive();
            assertThat(failed.reset()).isLessThanOrEqualTo(server.failedRequests);
            assertThat(failed.timeout() + failed.protocol() + failed.connect()).isZero();
            assertEveryRequestIsInTheHistograms(run, result);
            assertThat(result.errorRate()).isGreaterThan(0);
            String text = summary.toString(StandardCharsets.UTF_8);
            // Beside the percentiles: the uncorrected block, then the error rate, before the spectrum.
            int uncorrected = text.indexOf("Latency, uncorrected");
            int rate = text.indexOf(String.format(java.util.Locale.ROOT, "Error rate: %.3f%% (%d of %d requests failed: "
                    + "timeout 0, reset %d, protocol 0)", result.errorRate() * 100, failed.total(),
                    result.requests() + failed.total(), failed.reset()));
            assertThat(uncorrected).isNotNegative();
            assertThat(rate).as(text).isGreaterThan(uncorrected);
            assertThat(text.indexOf("Detailed percentile spectrum")).isGreaterThan(rate);
            assertThat(text).contains("Answered requests alone (corrected, failures left out): p50 ");
        }
    }

    /**
     * Closed loop at depth 4: every connection always has four requests in flight, so each reset loses four, and
     * each counts: the failures come in whole connections' worth (one batch per close), more than one per error.
     */
    @Test
    void shouldCountEveryRequestInFlightOnAConnectionThatFailed() throws Exception {
        int depth = 4;
        try (TestServer server = new TestServer(TestServer.Mode.RESETTING_ECHO).failEvery(50, REQUEST_BYTES)) {
            LoadSpec spec = LoadSpec.builder()
                    .targets(Endpoints.parseTargets(List.of(server.target())))
                    .app(AppKind.ECHO)
                    .sizeBytes(REQUEST_BYTES)
                    .connections(10)
                    .depth(depth)
                    .threads(1)
                    .warmupNs(0)
                    .durationNs(TimeUnit.SECONDS.toNanos(2))
                    .timeoutNs(TIMEOUT_NS)
                    .build();
            LoadRun run = new LoadRun(spec, LoadOutputs.silent());
            LoadResult result = run.execute();

            ErrorCounts failed = result.failedRequests();
            assertThat(failed.reset()).as(result.firstErrors().toString()).isPositive();
            assertThat(failed.reset() % depth).isZero();
            assertThat(failed.reset()).isGreaterThan(result.errors().reset());
            assertThat(result.latencyNs().corrected()).isNull(); // closed loop: no intended send times
            assertThat(run.uncorrectedHistogram().getTotalCount()).isEqualTo(result.requests() + failed.total());
        }
    }

    private static void assertEveryRequestIsInTheHistograms(LoadRun run, LoadResult result) {
        long failed = result.failedRequests().total();
        assertThat(run.correctedHistogram().getTotalCount()).isEqualTo(result.requests() + failed);
        assertThat(run.uncorrectedHistogram().getTotalCount()).isEqualTo(result.requests() + failed);
        assertThat(result.latencyNs().corrected().count()).isEqualTo(result.requests() + failed);
        assertThat(result.errorRate()).isCloseTo(failed / (double) (result.requests() + failed), within(1e-12));
    }
}
