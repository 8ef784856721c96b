package io.reactorbench.loadgen;

import io.reactorbench.results.ErrorCounts;
import io.reactorbench.results.load.LoadResult;
import io.reactorbench.results.load.RateCheck;
import io.reactorbench.results.metric.Metric;
import io.reactorbench.wire.units.Durations;

/**
 * The parts of a {@link LoadResult} that are read off a {@link LoadSpec}. The records live in {@code results}, which
 * knows nothing of the spec; this is where the load generator fills them in.
 */
final class LoadResults {

    private LoadResults() {
    }

    /** The request of the run as load.json's {@code params} records it. */
    static LoadResult.Params params(LoadSpec spec) {
        return new LoadResult.Params(spec.app().id(), spec.model().id(), spec.connections(),
                spec.model().scheduled() ? spec.ratePerSec() : null, spec.sizeBytes(), spec.depth(), spec.batch(),
                spec.responseSizeBytes(), spec.cpuSpinNs(), spec.blockUs(), Durations.toSeconds(spec.warmupNs()),
                Durations.toSeconds(spec.durationNs()), Durations.toSeconds(spec.timeoutNs()), spec.threads(),
                spec.targets().stream().map(Target::text).toList(),
                spec.shardIndex() + "/" + spec.shardCount(), spec.poller().id(),
                spec.model() == LoadModel.SLOWREAD ? spec.readRateBytesPerSec() : null,
                spec.model() == LoadModel.SLOWREAD ? spec.maxInFlightBytesPerConnection() : null,
                spec.transport().id(),
                spec.stages() == null ? null : spec.stages().describe());
    }

    /**
     * The rate check of an open-loop run whose window (starting after the warm-up) lasted {@code windowSeconds} and
     * answered {@code requests}; null for the other models (nothing scheduled) or an empty window.
     */
    static RateCheck rateCheck(LoadSpec spec, double windowSeconds, long requests) {
        if (spec.model() != LoadModel.OPEN || !(windowSeconds > 0)) {
            return null;
        }
        double target = spec.ratePerSec();
        if (spec.stages() != null) {
            long windowNs = Math.round(windowSeconds * 1e9);
            target = (spec.stages().eventsUntil(spec.warmupNs() + windowNs) - spec.stages().eventsUntil(spec.warmupNs()))
                    / windowSeconds;
        }
        double achieved = requests / windowSeconds;
        return new RateCheck(LoadRun.round3(target), LoadRun.round3(achieved), RateCheck.TOLERANCE,
                RateCheck.fallsShort(target, achieved));
    }

    /** The share of the issued requests that failed: failed / (answered + failed), 0 when none did. */
    static double errorRate(long answered, ErrorCounts failed) {
        return Metric.errorShare(answered, failed.total());
    }
}
