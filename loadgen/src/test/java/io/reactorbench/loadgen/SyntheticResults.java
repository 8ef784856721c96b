package io.reactorbench.loadgen;

import io.reactorbench.results.ErrorCounts;
import io.reactorbench.results.LatencySummary;
import io.reactorbench.results.LatencyViews;
import io.reactorbench.results.load.LoadResult;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A {@link LoadResult} made up for tests of what reads one (thresholds, the summary), without running load. */
final class SyntheticResults {

    private SyntheticResults() {
    }

    /**
     * An open-loop result of 10 s at {@code ratePerSec} asked, {@code requests} answered and {@code errors}
     * timeouts, whose corrected p99 is {@code p99Ns}, after a warm-up of {@code warmupSeconds} that answered
     * {@code warmupRequests}.
     */
    static LoadResult open(double ratePerSec, long requests, long errors, long p99Ns, int warmupSeconds,
            long warmupRequests) {
        LoadSpec spec = LoadSpec.builder().targets(Endpoints.parseTargets(List.of("127.0.0.1:9"))).connections(4)
                .threads(1).ratePerSec(ratePerSec).warmupNs(TimeUnit.SECONDS.toNanos(warmupSeconds))
                .durationNs(TimeUnit.SECONDS.toNanos(10)).build();
        LatencySummary latency = new LatencySummary(requests, p99Ns / 2.0, p99Ns / 4, p99Ns / 3, p99Ns / 2, p99Ns,
                p99Ns, p99Ns, p99Ns);
        return new LoadResult(LoadResult.SCHEMA, LoadResults.params(spec), 10.0, requests, requests / 10.0,
                new ErrorCounts(0, errors, 0, 0), new LatencyViews(latency, latency), null, List.of(), null,
                false, 1, 1.0, null, null, warmupRequests, LoadResults.rateCheck(spec, 10.0, requests), null, null, null,
                null, null, null, null);
    }
}
