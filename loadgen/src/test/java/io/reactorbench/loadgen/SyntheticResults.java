package io.reactorbench.loadgen;

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
        return new LoadResult(LoadResult.SCHEMA, LoadResult.Params.of(spec), 10.0, requests, requests / 10.0,
                new ErrorCounts(0, errors, 0, 0), new LoadResult.Latencies(latency, latency), null, List.of(), null,
                false, 1, 1.0, null, null, warmupRequests, RateCheck.of(spec, 10.0, requests), null);
    }
}
