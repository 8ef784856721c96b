package io.reactorbench.results.gate;

import io.reactorbench.results.metric.Metric;
import io.reactorbench.results.metric.QuantityText;

/**
 * A limit on the ratio of two designs' values in the same run, trial by trial ({@code ratio
 * engine-epoll/netty-epoll throughput >= 0.5}): the median of the per-trial ratios must satisfy it. Machine
 * speed cancels out of such a ratio, so it is the kind of budget a shared CI machine can hold to.
 */
public record RatioBudgetRule(String name, Selector selector, String numeratorDesign, String denominatorDesign,
        Metric metric, Comparison comparison, double limit, int line) implements Rule {

    public String expression() {
        return "ratio " + numeratorDesign + "/" + denominatorDesign + " " + metric.policyName() + " " + limitText();
    }

    /** {@code >= 0.5}: the limit with its comparison, as a failure line quotes it. */
    public String limitText() {
        return comparison.symbol() + " " + QuantityText.threeDigits(limit);
    }
}
