package io.reactorbench.report.table;

import io.reactorbench.report.model.TrialResult;
import io.reactorbench.results.Spread;
import io.reactorbench.results.metric.Metric;
import java.util.List;

/**
 * A metric over the successful trials of one cell, as results' {@link Spread}. Failed trials are left out (their
 * numbers mean nothing; the table says how many there were), and so are trials that did not measure it (NaN).
 */
public final class TrialSpread {

    private TrialSpread() {
    }

    /** {@link Spread#NONE} when no successful trial measured {@code metric}. */
    public static Spread of(Metric metric, List<TrialResult> trials) {
        return Spread.ofValues(trials.stream().filter(TrialResult::ok)
                .mapToDouble(trial -> MetricColumns.valueOf(metric, trial)).filter(v -> !Double.isNaN(v)).toArray());
    }
}
