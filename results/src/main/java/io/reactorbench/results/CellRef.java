package io.reactorbench.results;

/**
 * One entry of {@code run.json}'s cell index: which cell, how it ended, and where its files are.
 *
 * @param variant swept parameter values, e.g. {@code connections=1000}; empty string when nothing is swept
 * @param trial   counts from 1
 * @param reason  why the cell failed; null when ok
 * @param dir     the cell's directory relative to the run directory, '/'-separated
 */
public record CellRef(
        String scenario,
        String variant,
        String design,
        int trial,
        CellStatus status,
        String reason,
        String dir) {

    public CellRef {
        variant = variant == null ? "" : variant;
    }

    /** Scenario plus variant as shown to users and used as directory name: {@code echo@connections=1000}. */
    public String scenarioKey() {
        return CellKey.scenarioKey(scenario, variant);
    }

    /** The cell without its trial number. */
    public CellKey cellKey() {
        return new CellKey(scenario, variant, design);
    }

    public boolean ok() {
        return status == CellStatus.OK;
    }
}
