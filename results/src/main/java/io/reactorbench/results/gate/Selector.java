package io.reactorbench.results.gate;

/**
 * Which cells a rule applies to. The scenario pattern is matched against the scenario name and against
 * {@code scenario@variant}, so {@code echo-pingpong} covers every variant of it.
 */
public record Selector(Glob scenario, Glob design) {

    public static final Selector ALL = new Selector(Glob.ANY, Glob.ANY);

    public boolean matchesScenario(CellKey cell) {
        return scenario.matches(cell.scenario()) || scenario.matches(cell.scenarioKey());
    }

    public boolean matches(CellKey cell) {
        return matchesScenario(cell) && design.matches(cell.design());
    }
}
