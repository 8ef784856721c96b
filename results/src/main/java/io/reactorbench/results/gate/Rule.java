package io.reactorbench.results.gate;

import io.reactorbench.results.metric.Metric;

/** One check of a policy, applied to every cell its selector matches. */
public sealed interface Rule permits BudgetRule, RatioBudgetRule, RegressionRule {

    /** The name printed in the table and in the failure message. */
    String name();

    Selector selector();

    Metric metric();

    /** What it checks, in the policy's own words: {@code p99 < 5 ms}, {@code throughput maxDrop 5%}. */
    String expression();

    /** Line of the policy file it came from (0 for built-in rules), for messages. */
    int line();
}
