package io.reactorbench.results.gate;

import io.reactorbench.results.metric.Metric;

/** An absolute limit on the median of the candidate's trials: {@code p99 < 5ms}, {@code errors == 0}. */
public record BudgetRule(String name, Selector selector, Metric metric, Comparison comparison, double limit, int line)
        implements Rule {

    /** {@code p99 < 5 ms}. */
    public String expression() {
        return metric.policyName() + " " + limitText();
    }

    /** {@code < 5 ms}: the limit with its comparison, as a failure line quotes it. */
    public String limitText() {
        return comparison.symbol() + " " + metric.unit().format(limit);
    }
}
