package io.reactorbench.results.gate;

import io.reactorbench.results.metric.Metric;
import io.reactorbench.results.metric.QuantityUnit;

/**
 * A limit on how much worse than the baseline a metric may get. With {@code normalizeBy}, each trial's value is
 * first divided by the reference design's value in the same run, scenario and trial, and those ratios are
 * compared: a machine that is uniformly slower today changes both and cancels out.
 *
 * @param normalizeBy the reference design, or null
 */
public record RegressionRule(String name, Selector selector, Metric metric, Threshold threshold, String normalizeBy,
        int line) implements Rule {

    public String expression() {
        return metric.policyName() + (normalizeBy == null ? "" : "/" + normalizeBy) + " "
                + threshold.describe(normalizeBy == null ? metric.unit() : QuantityUnit.RATIO);
    }
}
