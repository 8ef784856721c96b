package io.reactorbench.loadgen;

import io.reactorbench.results.ErrorCounts;
import io.reactorbench.results.LatencySummary;
import io.reactorbench.results.load.CeilingStep;
import io.reactorbench.results.load.CeilingStop;
import io.reactorbench.results.load.LoadResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * The ceiling model's steps of several agents as one ramp. Step {@code i} exists when every agent reached it; its
 * counts are the agents' sums, its hold window the time all agents held ([latest start, earliest end]), its
 * latency and send lateness read off the sums of the agents' step histograms (their interval logs' {@code step-i} and
 * {@code step-i-send-lateness} intervals), and it
 * stopped the ramp when any agent stopped there (the first such agent, by index, is named).
 */
final class CeilingMerge {

    private CeilingMerge() {
    }

    /** @param stepHistograms every agent's intervals summed by tag, as {@link ShardMerge#mergeLogs} returns them */
    static List<CeilingStep> mergeSteps(List<LoadResult> agents, Map<String, Histogram> stepHistograms) {
        int reached = Integer.MAX_VALUE;
        for (LoadResult agent : agents) {
            reached = Math.min(reached, agent.steps() == null ? 0 : agent.steps().size());
        }
        List<CeilingStep> merged = new ArrayList<>();
        for (int i = 0; i < reached; i++) {
            merged.add(mergeStep(i, agents, stepHistograms.get(IntervalLogTags.stepTag(i, true)),
                    stepHistograms.get(IntervalLogTags.stepSendLatenessTag(i))));
            if (!merged.getLast().completed()) {
                break;
            }
        }
        return merged;
    }

    /** @param sendLateness the agents' step lateness added, null when their logs hold none (older agents) */
    private static CeilingStep mergeStep(int index, List<LoadResult> agents, Histogram latency, Histogram sendLateness) {
        int target = 0;
        int held = 0;
        int verified = 0;
        double connectSeconds = 0;
        double connectRate = 0;
        long holdStartMs = 0;
        long holdEndMs = Long.MAX_VALUE;
        ErrorCounts errors = ErrorCounts.NONE;
        ErrorCounts failed = ErrorCounts.NONE;
        CeilingStop stoppedBy = null;
        String stopDetail = null;
        for (int a = 0; a < agents.size(); a++) {
            CeilingStep step = agents.get(a).steps().get(index);
            target += step.targetConnections();
            held += step.heldConnections();
            verified += step.verified();
            connectSeconds = Math.max(connectSeconds, step.connectSeconds());
            connectRate += step.connectRatePerSec(); // the agents open theirs at the same time
            holdStartMs = step.holdStartEpochMs() == 0 || holdStartMs < 0 ? -1
                    : Math.max(holdStartMs, step.holdStartEpochMs());
            holdEndMs = Math.min(holdEndMs, step.holdEndEpochMs());
            errors = errors.plus(step.errors());
            failed = failed.plus(step.failedRequests() == null ? ErrorCounts.NONE : step.failedRequests());
            if (stoppedBy == null && step.stoppedBy() != null) {
                stoppedBy = step.stoppedBy();
                stopDetail = "agent " + a + ": " + step.stopDetail();
            }
        }
        boolean holdOfAll = holdStartMs > 0 && holdEndMs > holdStartMs;
        Histogram sum = latency == null ? LoadRun.newHistogram() : latency;
        // The histograms hold the failed requests too, which the agents counted.
        long answered = Math.max(0, sum.getTotalCount() - failed.total());
        return new CeilingStep(index, target, held, connectSeconds, LoadRun.round3(connectRate), verified,
                holdOfAll ? holdStartMs : 0, holdOfAll ? holdEndMs : 0, answered, errors,
                LatencySummary.of(sum), stoppedBy, stopDetail, failed, LoadResults.errorRate(answered, failed),
                sendLateness == null ? null : LatencySummary.of(sendLateness));
    }
}
