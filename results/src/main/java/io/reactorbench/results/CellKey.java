package io.reactorbench.results;

/**
 * One scenario variant served by one design, i.e. a cell of a run without its trial number: the unit the gate
 * compares (its trials are the samples) and every report table row, chart series and comparison is keyed by.
 *
 * @param variant swept values, empty when nothing is swept
 */
public record CellKey(String scenario, String variant, String design) implements Comparable<CellKey> {

    public CellKey {
        variant = variant == null ? "" : variant;
    }

    /** {@code echo@connections=1000}: the scenario as directories and reports name it. */
    public String scenarioKey() {
        return scenarioKey(scenario, variant);
    }

    /** {@code scenario} or {@code scenario@variant} (docs/results-schema.md); a null or empty variant adds nothing. */
    public static String scenarioKey(String scenario, String variant) {
        return variant == null || variant.isEmpty() ? scenario : scenario + "@" + variant;
    }

    /** The same scenario measured on another design (the reference of a normalised rule). */
    public CellKey withDesign(String otherDesign) {
        return new CellKey(scenario, variant, otherDesign);
    }

    @Override
    public int compareTo(CellKey other) {
        int byScenario = scenarioKey().compareTo(other.scenarioKey());
        return byScenario != 0 ? byScenario : design.compareTo(other.design);
    }

    @Override
    public String toString() {
        return scenarioKey() + "/" + design;
    }
}
