package io.reactorbench.report.model;

/** The directory name of a scenario variant, {@code scenario[@variant]}, as docs/results-schema.md says. */
public final class ScenarioLabel {

    private ScenarioLabel() {
    }

    public static String of(String scenario, String variant) {
        return variant == null || variant.isEmpty() ? scenario : scenario + "@" + variant;
    }
}
