package io.reactorbench.results.gate;

import java.util.List;

/**
 * Everything the gate decided, as data: the CLI prints it, and writes it as Markdown and JSON.
 *
 * @param problems why the inputs cannot be judged (non-empty means {@link GateOutcome#CANNOT_JUDGE}, unless a check
 *                 failed: then {@link GateOutcome#FAIL}, which names them too)
 * @param warnings things a reader should know that do not change the outcome (differing workloads or
 *                 machines, optional rules that checked nothing)
 * @param failures one line per failing row, naming its rule, for the summary line
 * @param statistics the policy's significance and correction, which the regression rows were judged under
 */
public record GateReport(
        GateOutcome outcome,
        boolean strict,
        String policy,
        String baseline,
        String candidate,
        List<GateRow> rows,
        List<String> failures,
        List<String> warnings,
        List<String> problems,
        StatisticsSettings statistics) {

    public GateReport {
        rows = List.copyOf(rows);
        failures = List.copyOf(failures);
        warnings = List.copyOf(warnings);
        problems = List.copyOf(problems);
    }

    public int exitCode() {
        return outcome.exitCode();
    }

    /** One line: what the gate concluded and why. */
    public String headline() {
        return switch (outcome) {
            case PASS -> "gate: PASS (" + rows.size() + " checks)";
            case INCONCLUSIVE -> "gate: INCONCLUSIVE: " + count(Verdict.INCONCLUSIVE) + " of " + rows.size()
                    + " checks had too few trials to decide"
                    + (rows.stream().anyMatch(r -> r.note().startsWith(Gate.LATENCY_NOT_JUDGED))
                            ? " or a latency measured by a load generator behind its schedule" : "")
                    + ", none failed (exit 0; --strict fails it)";
            case FAIL -> "gate: FAIL: " + (failures.isEmpty()
                    ? count(Verdict.INCONCLUSIVE) + " of " + rows.size() + " checks inconclusive under --strict"
                    : failures.getFirst())
                    + (failures.size() > 1 ? " (and " + (failures.size() - 1) + " more)" : "")
                    + (problems.isEmpty() ? "" : "; also cannot judge: " + problems.getFirst()
                            + (problems.size() > 1 ? " (and " + (problems.size() - 1) + " more)" : ""));
            case CANNOT_JUDGE -> "gate: CANNOT JUDGE: " + problems.getFirst()
                    + (problems.size() > 1 ? " (and " + (problems.size() - 1) + " more)" : "");
        };
    }

    /** How many regression checks had a p-value: the family the correction was applied across. */
    public long testedChecks() {
        return rows.stream().filter(r -> !Double.isNaN(r.pValue())).count();
    }

    public long count(Verdict verdict) {
        return rows.stream().filter(r -> r.verdict() == verdict).count();
    }
}
