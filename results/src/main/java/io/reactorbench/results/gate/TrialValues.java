package io.reactorbench.results.gate;

import io.reactorbench.results.metric.Metric;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * The metric values of one trial of a cell; a metric the trial did not measure is absent.
 *
 * @param trial                  counts from 1, as in the run directory
 * @param latencyUnjudgeableBecause why this trial's latency may not be judged (its load generator fell behind its
 *                               send schedule, so the latency is partly the generator's); null when it may
 */
public record TrialValues(int trial, Map<Metric, Double> values, String latencyUnjudgeableBecause) {

    public TrialValues {
        values = values.isEmpty() ? Map.of() : Collections.unmodifiableMap(new EnumMap<>(values));
    }

    public Double value(Metric metric) {
        return values.get(metric);
    }
}
