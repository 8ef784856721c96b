package io.reactorbench.report.model;

/**
 * One scenario variant served by one design: the unit every table row, chart series and comparison is
 * keyed by. {@code variant} is empty when the scenario sweeps nothing.
 */
public record CellKey(String scenario, String variant, String design) {

    public CellKey {
        variant = variant == null ? "" : variant;
    }

    /** The scenario as the results directory names it: {@code scenario} or {@code scenario@variant}. */
    public String scenarioLabel() {
        return ScenarioLabel.of(scenario, variant);
    }
}
