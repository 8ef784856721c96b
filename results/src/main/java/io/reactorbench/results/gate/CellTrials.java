package io.reactorbench.results.gate;

import io.reactorbench.results.CellKey;
import io.reactorbench.results.CellParams;
import io.reactorbench.results.metric.Metric;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The ok trials of one cell, in trial order.
 *
 * @param params the workload of the cell (from its first trial), to warn when baseline and candidate differ
 */
public record CellTrials(CellKey key, CellParams params, List<TrialValues> trials) {

    public CellTrials {
        List<TrialValues> sorted = new ArrayList<>(trials);
        sorted.sort(Comparator.comparingInt(TrialValues::trial));
        trials = List.copyOf(sorted);
    }

    /** The values of {@code metric} of the trials that measured it, in trial order. */
    public double[] values(Metric metric) {
        return trials.stream().map(t -> t.value(metric)).filter(v -> v != null).mapToDouble(Double::doubleValue).toArray();
    }

    /**
     * Why {@code metric} may not be judged on this cell: for a latency metric, the first trial whose latency is
     * unjudgeable, named with its reason; null when it may be judged.
     */
    public String unjudgeable(Metric metric) {
        if (!metric.isLatency()) {
            return null;
        }
        return trials.stream().filter(t -> t.latencyUnjudgeableBecause() != null).findFirst()
                .map(t -> key + " trial " + t.trial() + ": " + t.latencyUnjudgeableBecause()).orElse(null);
    }

    /** The trial numbered {@code trial}, or null. */
    public TrialValues trial(int trial) {
        return trials.stream().filter(t -> t.trial() == trial).findFirst().orElse(null);
    }
}
