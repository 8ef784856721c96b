package io.reactorbench.results.gate;

import java.util.List;

/**
 * A gate policy: its rules, in the order they are reported, and how sure regression checks must be.
 *
 * @param source where it came from (file name, or "built-in default policy")
 */
public record Policy(String source, StatisticsSettings statistics, List<Rule> rules) {

    public Policy {
        rules = List.copyOf(rules);
    }
}
