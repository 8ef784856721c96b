package io.reactorbench.loadgen;

import static org.assertj.core.api.Assertions.assertThat;

import io.reactorbench.results.GeneratorSchedule;
import io.reactorbench.results.LatencySummary;
import io.reactorbench.results.load.LoadResult;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The test that separates an honest load generator from a naive one. The server answers in well under a
 * millisecond but stops its whole loop for 100 ms every 1.5 s, so 6.7 % of wall time is stalled.
 *
 * <p>Open loop at a constant rate: about 6.7 % of the requests are intended during a stall and wait for its
 * end, uniformly 0..100 ms, so the 99th percentile lies near 85 ms and the 90th outside the stalls, a few ms. Closed loop: during a stall each connection has just one request waiting and sends nothing
 * else, so the stall hides in a handful of samples among tens of thousands of fast ones.
 */
@Tag("bench") // wall-clock: asserts measured latencies / a throughput ratio; mvn verify -Pbench
class CoordinatedOmissionTest {

    private static final long STALL_MS = 100;
    /**
     * A stall every 1.5 s rather than every second: 6.7 % of the time stalled instead of 10 % keeps the 90th
     * percentile clear of the stalled requests even when a loaded machine stretches the stalls, and puts the
     * 99th near 85 ms (the top 15 % of a uniform 0..100 ms wait).
     */
    private static final long STALL_EVERY_MS = 1500;
    /** On a starved machine the 100 ms sleep itself lasts longer; the upper bound follows the real stall. */
    private static final long STALL_SLACK_NS = 5_000_000;

    private static LoadSpec.Builder spec(TestServer server) throws Exception {
        return LoadSpec.builder()
                .targets(Endpoints.parseTargets(List.of(server.target())))
                .app(AppKind.ECHO)
                .sizeBytes(32)
                .connections(40)
                .threads(1)
                .warmupNs(TimeUnit.MILLISECONDS.toNanos(500))
                .durationNs(TimeUnit.SECONDS.toNanos(6)); // four whole stall periods
    }

    /**
     * Open-loop attempts allowed. On a 2-core machine shared with other work, the test's own threads can be
     * starved for longer than the stall (seen here: 150 ms), which shows in the generator's schedule lateness.
     * A miss is retried only when the generator was starved in that attempt; every attempt is printed.
     */
    private static final int OPEN_LOOP_ATTEMPTS = 3;

    @Test
    void shouldReportTheStallInOpenLoopAndUnderReportItInClosedLoop() throws Exception {
        LatencySummary corrected = null;
        long upperNs = 0;
        boolean passed = false;
        LoadResult closed;
        try (TestServer server = new TestServer(TestServer.Mode.ECHO, STALL_MS, STALL_EVERY_MS)) {
            for (int attempt = 1; attempt <= OPEN_LOOP_ATTEMPTS && !passed; attempt++) {
                server.longestStallNs = 0;
                // Depth 16: requests due during a stall are sent on time and wait in the server, as wrk2's
                // catch-up would send them; with one outstanding per connection the catch-up after each stall
                // takes several round trips, which on a loaded 2-core box adds tens of ms that are the client's.
                LoadResult open = new LoadRun(spec(server).ratePerSec(2000).depth(16).build(), LoadOutputs.silent())
                        .execute();
                assertThat(open.errors().total()).as(open.firstErrors().toString()).isZero();
                LatencySummary c = open.latencyNs().corrected();
                LatencySummary u = open.latencyNs().uncorrected();
                LatencySummary late = open.sendLatenessNs();
                boolean starved = late.p99() > GeneratorSchedule.FLOOR_NS;
                long upper = Math.max(100_000_000L, server.longestStallNs + STALL_SLACK_NS);
                System.out.printf("attempt %d: longest stall %.2f ms; open loop corrected p50 %.2f p90 %.2f p99 %.2f"
                        + " max %.2f ms (%d requests); uncorrected p90 %.2f p99 %.2f max %.2f ms; schedule lateness"
                        + " p99 %.2f max %.2f ms%s%n", attempt, server.longestStallNs / 1e6, c.p50() / 1e6,
                        c.p90() / 1e6, c.p99() / 1e6, c.max() / 1e6, c.count(), u.p90() / 1e6, u.p99() / 1e6,
                        u.max() / 1e6, late.p99() / 1e6, late.max() / 1e6,
                        starved ? " (generator starved by the machine)" : "");
                passed = c.p99() >= 80_000_000L && c.p99() <= upper && c.p90() < 10_000_000L;
                // Starvation can only make latencies look worse: it excuses a miss, never a pass.
                if (passed || !starved) {
                    corrected = c;
                    upperNs = upper;
                }
                if (!passed && !starved) {
                    break;
                }
            }
            closed = new LoadRun(spec(server).build(), LoadOutputs.silent()).execute();
        }
        LatencySummary closedLatency = closed.latencyNs().uncorrected();
        System.out.printf("closed loop: p90 %.2f ms p99 %.2f ms max %.2f ms (%d requests)%n",
                closedLatency.p90() / 1e6, closedLatency.p99() / 1e6, closedLatency.max() / 1e6,
                closedLatency.count());

        assertThat(closed.errors().total()).as(closed.firstErrors().toString()).isZero();
        assertThat(closed.latencyNs().corrected()).isNull();
        assertThat(closedLatency.max()).as("closed loop saw a stall").isGreaterThanOrEqualTo(80_000_000L);
        assertThat(closedLatency.p99()).as("closed-loop p99 under-reports, ns").isLessThan(80_000_000L / 4);

        if (corrected == null) {
            System.out.println("CoordinatedOmissionTest: open loop not judged: the machine starved the load generator"
                    + " in all " + OPEN_LOOP_ATTEMPTS + " attempts (schedule lateness p99 > 2 ms)");
        }
        Assumptions.assumeTrue(corrected != null,
                "the machine starved the load generator in every attempt; a 100 ms stall cannot be measured here");
        assertThat(corrected.p99()).as("open-loop corrected p99, ns").isBetween(80_000_000L, upperNs);
        assertThat(corrected.p90()).as("open-loop corrected p90, ns").isLessThan(10_000_000L);
    }
}
