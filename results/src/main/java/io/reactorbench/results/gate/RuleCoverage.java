package io.reactorbench.results.gate;

import io.reactorbench.results.CellKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Whether a rule can apply to the runs at hand, and in words why not. A rule that names a design or scenario the
 * candidate did not run, or checks no cell at all, is almost always a typo or the wrong run: the gate refuses to
 * judge (exit 2) rather than pass having checked nothing, and names the closest id the run has.
 */
final class RuleCoverage {

    private final Measurements baseline;
    private final Measurements candidate;
    private final Set<String> designs = new TreeSet<>();
    private final Set<String> scenarios = new TreeSet<>();

    RuleCoverage(Measurements baseline, Measurements candidate) {
        this.baseline = baseline;
        this.candidate = candidate;
        for (CellKey key : candidate.cells().keySet()) {
            designs.add(key.design());
            scenarios.add(key.scenario());
            scenarios.add(key.scenarioKey());
        }
    }

    /** The designs and scenarios the rule spells out in full that the candidate lacks, in words; null when none. */
    String missingNames(Rule rule) {
        List<String> designNames = new ArrayList<>(rule.selector().design().literalNames());
        switch (rule) {
            case RatioBudgetRule ratio -> {
                designNames.add(ratio.numeratorDesign());
                designNames.add(ratio.denominatorDesign());
            }
            case RegressionRule regression when regression.normalizeBy() != null ->
                    designNames.add(regression.normalizeBy());
            default -> {
            }
        }
        List<String> missing = new ArrayList<>();
        for (String design : designNames) {
            if (!designs.contains(design)) {
                missing.add("design '" + design + "' is not in the candidate" + NameSuggestion.hint(design, designs));
            }
        }
        for (String scenario : rule.selector().scenario().literalNames()) {
            if (!scenarios.contains(scenario)) {
                missing.add("scenario '" + scenario + "' is not in the candidate"
                        + NameSuggestion.hint(scenario, scenarios));
            }
        }
        return missing.isEmpty() ? null : String.join("; ", missing);
    }

    /** Why a rule that named nothing missing still produced no check. */
    String whyNoCheck(Rule rule) {
        Selector selector = rule.selector();
        boolean anyScenario = candidate.cells().keySet().stream().anyMatch(selector::matchesScenario);
        if (!anyScenario) {
            return "scenario '" + selector.scenario() + "' matches no scenario of the candidate"
                    + NameSuggestion.hint(selector.scenario().pattern(), scenarios);
        }
        if (rule instanceof RatioBudgetRule ratio) {
            return "no scenario it selects has both " + ratio.numeratorDesign() + " and " + ratio.denominatorDesign()
                    + " measuring " + ratio.metric().policyName();
        }
        List<CellTrials> selected = candidate.cells().values().stream().filter(c -> selector.matches(c.key())).toList();
        if (selected.isEmpty()) {
            boolean anyDesign = candidate.cells().keySet().stream().anyMatch(k -> selector.design().matches(k.design()));
            return anyDesign
                    ? "no cell of the candidate is both scenario '" + selector.scenario() + "' and design '"
                            + selector.design() + "'"
                    : "design '" + selector.design() + "' matches no design of the candidate"
                            + NameSuggestion.hint(selector.design().pattern(), designs);
        }
        if (rule instanceof RegressionRule && selected.stream().noneMatch(c -> baseline.cell(c.key()) != null)) {
            return "none of the " + selected.size() + " cell(s) it selects is in the baseline " + baseline.source();
        }
        return "none of the " + selected.size() + " cell(s) it selects measured " + rule.metric().policyName();
    }
}
