package io.reactorbench.results.gate;

import io.reactorbench.results.metric.Metric;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * The metric values of one trial of a cell; a metric the trial did not measure is absent.
 *
 * @param trial counts from 1, as in the run directory
 */
public record TrialValues(int trial, Map<Metric, Double> values) {

    public TrialValues {
        values = values.isEmpty() ? Map.of() : Collections.unmodifiableMap(new EnumMap<>(values));
    }

    public Double value(Metric metric) {
        return values.get(metric);
    }
}
