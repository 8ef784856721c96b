package io.reactorbench.report.table;

import io.reactorbench.report.model.TrialResult;
import io.reactorbench.results.metric.Metric;
import java.util.Arrays;
import java.util.List;

/**
 * A metric over the successful trials of one cell: median, min and max, and how many trials gave a value.
 * Failed trials are left out (their numbers mean nothing); the table says how many there were.
 */
public record Spread(double median, double min, double max, int trials) {

    public static final Spread NONE = new Spread(Double.NaN, Double.NaN, Double.NaN, 0);

    public static Spread of(Metric metric, List<TrialResult> trials) {
        double[] values = trials.stream().filter(TrialResult::ok).mapToDouble(trial -> MetricColumns.valueOf(metric, trial))
                .filter(v -> !Double.isNaN(v)).sorted().toArray();
        return of(values);
    }

    public static Spread of(double[] sortedValues) {
        int n = sortedValues.length;
        if (n == 0) {
            return NONE;
        }
        double[] v = Arrays.copyOf(sortedValues, n);
        Arrays.sort(v);
        double median = n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
        return new Spread(median, v[0], v[n - 1], n);
    }

    public boolean isPresent() {
        return trials > 0;
    }

    /** Whether {@code value} lies within this spread's min–max (inclusive). */
    public boolean covers(double value) {
        return value >= min && value <= max;
    }
}
