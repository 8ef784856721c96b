package io.reactorbench.results.gate;

import io.reactorbench.results.CellKey;

/**
 * Which cells a rule applies to. The scenario pattern is matched against the scenario name and against
 * {@code scenario@variant}, so {@code echo-pingpong} covers every variant of it.
 *
 * @param optional whether the rule may match nothing: without it, a rule that checks no cell, or names a design
 *                 or scenario the run lacks, makes the gate exit 2 (a typo must not switch a check off), so a
 *                 rule that applies only to some suites says so with {@code optional: true}
 */
public record Selector(Glob scenario, Glob design, boolean optional) {

    public static final Selector ALL = new Selector(Glob.ANY, Glob.ANY, false);

    public boolean matchesScenario(CellKey cell) {
        return scenario.matches(cell.scenario()) || scenario.matches(cell.scenarioKey());
    }

    public boolean matches(CellKey cell) {
        return matchesScenario(cell) && design.matches(cell.design());
    }
}
