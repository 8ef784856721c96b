package io.reactorbench.results.gate;

import io.reactorbench.results.CellKey;
import io.reactorbench.results.Environment;
import io.reactorbench.results.metric.Metric;
import io.reactorbench.results.metric.QuantityUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Judges a candidate run against a baseline under a policy. Budgets are checked on the median of the
 * candidate's trials; regressions by {@link RegressionTest}, their p-values corrected together across the evaluation
 * by the policy's {@link Correction}. The inputs are checked first: a cell of the
 * baseline missing from the candidate, a failed cell or an incomplete run make the result
 * {@link GateOutcome#CANNOT_JUDGE}, because a gate that passed on half the evidence would be lying; so do rules
 * that check nothing ({@link RuleCoverage}). A check that failed outranks them all: the outcome is then
 * {@link GateOutcome#FAIL}, with the problems still reported. Checks that cannot decide make it {@link GateOutcome#INCONCLUSIVE},
 * never a pass: so does a latency check on a cell whose load generator fell behind its send schedule (its latency
 * is partly the generator's; {@link io.reactorbench.results.GeneratorSchedule}), while the cell's other metrics
 * are judged as usual.
 */
public final class Gate {

    /** How the note of a latency check left inconclusive for a lagging load generator begins. */
    public static final String LATENCY_NOT_JUDGED = "latency not judged: ";

    private final Policy policy;
    private final Measurements baseline;
    private final Measurements candidate;
    private final List<GateRow> rows = new ArrayList<>();
    /** The rule of each row, for its failure line. */
    private final List<Rule> rowRules = new ArrayList<>();
    /**
     * Regression checks whose rows wait (null in {@link #rows}) until every p-value of the evaluation is known:
     * the correction judges them together.
     */
    private final List<PendingRegression> pending = new ArrayList<>();
    private final Set<String> failures = new LinkedHashSet<>();
    private final Set<String> warnings = new LinkedHashSet<>();
    private final Set<String> problems = new LinkedHashSet<>();

    private Gate(Policy policy, Measurements baseline, Measurements candidate) {
        this.policy = policy;
        this.baseline = baseline;
        this.candidate = candidate;
    }

    public static GateReport evaluate(Policy policy, Measurements baseline, Measurements candidate, boolean strict) {
        return new Gate(policy, baseline, candidate).run(strict);
    }

    private GateReport run(boolean strict) {
        baseline.unjudgeable().forEach(p -> problems.add("baseline: " + p));
        candidate.unjudgeable().forEach(p -> problems.add("candidate: " + p));
        compareEnvironments();
        RuleCoverage coverage = new RuleCoverage(baseline, candidate);
        for (Rule rule : policy.rules()) {
            String ruleText = "rule '" + rule.name() + "' (" + rule.expression() + ")";
            String missing = coverage.missingNames(rule);
            if (missing != null && !rule.selector().optional()) {
                problems.add(ruleText + ": " + missing);
                continue;
            }
            int before = rows.size();
            switch (rule) {
                case BudgetRule budget -> checkBudget(budget);
                case RatioBudgetRule ratio -> checkRatioBudget(ratio);
                case RegressionRule regression -> checkRegression(regression);
            }
            if (rows.size() == before) {
                String why = coverage.whyNoCheck(rule);
                if (rule.selector().optional()) {
                    warnings.add("optional " + ruleText + " checked nothing: " + why);
                } else {
                    problems.add(ruleText + " checked nothing: " + why
                            + " (a rule that applies only to some runs says 'optional: true')");
                }
            }
        }
        decideRegressions();
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i).verdict().fails()) {
                failures.add(failureLine(rowRules.get(i), rows.get(i)));
            }
        }
        if (rows.isEmpty() && problems.isEmpty()) {
            problems.add("no rule checked anything: every rule is optional and none applies to this candidate");
        }
        // Counted per rule in the roll-up and in the headline, not repeated as a warning.
        long inconclusive = rows.stream().filter(r -> r.verdict() == Verdict.INCONCLUSIVE).count();
        // A check that failed is a finding whatever else could not be judged: FAIL comes first (its headline names
        // the problems too), so a regression never hides behind exit 2.
        GateOutcome outcome = !failures.isEmpty() ? GateOutcome.FAIL
                : !problems.isEmpty() ? GateOutcome.CANNOT_JUDGE
                : strict && inconclusive > 0 ? GateOutcome.FAIL
                : inconclusive > 0 ? GateOutcome.INCONCLUSIVE
                : GateOutcome.PASS;
        return new GateReport(outcome, strict, policy.source(), baseline.source(), candidate.source(), rows,
                List.copyOf(failures), List.copyOf(warnings), List.copyOf(problems), policy.statistics());
    }

    private void checkBudget(BudgetRule rule) {
        for (CellTrials cell : candidate.cells().values()) {
            if (!rule.selector().matches(cell.key())) {
                continue;
            }
            double[] values = cell.values(rule.metric());
            if (values.length == 0) {
                continue;
            }
            double median = Medians.of(values);
            CellTrials old = baseline.cell(cell.key());
            double[] oldValues = old == null ? new double[0] : old.values(rule.metric());
            String unjudgeable = cell.unjudgeable(rule.metric());
            if (unjudgeable != null) {
                addUnjudgeableRow(rule, cell.key().scenarioKey(), cell.key().design(), oldValues, values,
                        rule.metric().unit(), unjudgeable);
                continue;
            }
            boolean holds = rule.comparison().holds(median, rule.limit());
            addRow(rule, cell.key().scenarioKey(), cell.key().design(), oldValues, values, rule.metric().unit(),
                    holds ? Verdict.PASS : rule.comparison().breach(median, rule.limit()), Double.NaN,
                    holds ? "" : "median of " + values.length + " trial(s) breaks " + rule.expression());
        }
    }

    private void checkRatioBudget(RatioBudgetRule rule) {
        Set<String> scenarios = new TreeSet<>();
        for (CellKey key : candidate.cells().keySet()) {
            if (rule.selector().matchesScenario(key)) {
                scenarios.add(key.scenarioKey());
            }
        }
        for (String scenarioKey : scenarios) {
            CellTrials numerator = find(candidate, scenarioKey, rule.numeratorDesign());
            CellTrials denominator = find(candidate, scenarioKey, rule.denominatorDesign());
            if (numerator == null || denominator == null) {
                if (numerator != null || denominator != null) {
                    warnings.add("rule '" + rule.name() + "': " + scenarioKey + " has "
                            + (numerator == null ? rule.denominatorDesign() + " but not " + rule.numeratorDesign()
                                    : rule.numeratorDesign() + " but not " + rule.denominatorDesign()));
                }
                continue;
            }
            double[] ratios = ratios(numerator, denominator, rule.metric());
            if (ratios.length == 0) {
                continue;
            }
            double[] oldRatios = new double[0];
            CellTrials oldNumerator = find(baseline, scenarioKey, rule.numeratorDesign());
            CellTrials oldDenominator = find(baseline, scenarioKey, rule.denominatorDesign());
            if (oldNumerator != null && oldDenominator != null) {
                oldRatios = ratios(oldNumerator, oldDenominator, rule.metric());
            }
            String unjudgeable = firstNonNull(numerator.unjudgeable(rule.metric()),
                    denominator.unjudgeable(rule.metric()));
            if (unjudgeable != null) {
                addUnjudgeableRow(rule, scenarioKey, rule.numeratorDesign() + "/" + rule.denominatorDesign(), oldRatios,
                        ratios, QuantityUnit.RATIO, unjudgeable);
                continue;
            }
            double median = Medians.of(ratios);
            boolean holds = rule.comparison().holds(median, rule.limit());
            addRow(rule, scenarioKey, rule.numeratorDesign() + "/" + rule.denominatorDesign(), oldRatios, ratios,
                    QuantityUnit.RATIO, holds ? Verdict.PASS : rule.comparison().breach(median, rule.limit()), Double.NaN,
                    holds ? "" : "median same-run ratio of " + ratios.length + " trial(s) breaks " + rule.expression());
        }
    }

    private void checkRegression(RegressionRule rule) {
        for (CellTrials cell : candidate.cells().values()) {
            if (rule.selector().matches(cell.key()) && baseline.cell(cell.key()) == null
                    && !cell.key().design().equals(rule.normalizeBy())) {
                warnings.add(cell.key() + " has no baseline: regression rules do not apply to it");
            }
        }
        for (CellTrials old : baseline.cells().values()) {
            CellKey key = old.key();
            if (!rule.selector().matches(key) || key.design().equals(rule.normalizeBy())) {
                continue;
            }
            CellTrials now = candidate.cell(key);
            if (now == null) {
                problems.add(key + " is in the baseline but not in the candidate (rule '" + rule.name() + "')");
                continue;
            }
            if (old.params() != null && now.params() != null && !old.params().equals(now.params())) {
                warnings.add(key + ": the workload differs from the baseline's: "
                        + WorkloadDifference.describe(old.params(), now.params()));
            }
            double[] before;
            double[] after;
            String unjudgeable = firstNonNull(now.unjudgeable(rule.metric()), old.unjudgeable(rule.metric()));
            if (rule.normalizeBy() == null) {
                before = old.values(rule.metric());
                after = now.values(rule.metric());
            } else {
                CellTrials oldReference = baseline.cell(key.withDesign(rule.normalizeBy()));
                CellTrials newReference = candidate.cell(key.withDesign(rule.normalizeBy()));
                if (oldReference == null && newReference == null) {
                    warnings.add("rule '" + rule.name() + "' skips " + key.scenarioKey() + ": neither run has its "
                            + "reference design " + rule.normalizeBy() + " there");
                    continue;
                }
                if (oldReference == null || newReference == null) {
                    problems.add("rule '" + rule.name() + "' normalises by " + rule.normalizeBy() + ", which the "
                            + (oldReference == null ? "baseline" : "candidate") + " did not run in " + key.scenarioKey());
                    continue;
                }
                before = ratios(old, oldReference, rule.metric());
                after = ratios(now, newReference, rule.metric());
                unjudgeable = firstNonNull(unjudgeable, newReference.unjudgeable(rule.metric()),
                        oldReference.unjudgeable(rule.metric()));
            }
            if (before.length == 0 && after.length == 0) {
                continue;
            }
            if (before.length == 0 || after.length == 0) {
                // A cell's metric is missing on one side when its run could not measure it there (an idle cell's
                // allocation needs a probe answer inside a window that may hold none): that check cannot decide,
                // and says so, while the rest of the evaluation is judged. A rule that checks nothing at all is
                // still a problem (RuleCoverage).
                addRow(rule, key.scenarioKey(), key.design(), before, after,
                        rule.normalizeBy() == null ? rule.metric().unit() : QuantityUnit.RATIO, Verdict.INCONCLUSIVE,
                        Double.NaN, rule.metric().policyName() + " was measured in the "
                                + (before.length == 0 ? "candidate but not the baseline" : "baseline but not the candidate"));
                continue;
            }
            if (unjudgeable != null) {
                addUnjudgeableRow(rule, key.scenarioKey(), key.design(), before, after,
                        rule.normalizeBy() == null ? rule.metric().unit() : QuantityUnit.RATIO, unjudgeable);
                continue;
            }
            pending.add(new PendingRegression(rows.size(), rule, key, before, after,
                    RegressionTest.pValue(before, after, rule.threshold(), policy.statistics())));
            rows.add(null);
            rowRules.add(rule);
        }
    }

    /** One regression check between its p-value and its verdict; {@code row} is its place in {@link #rows}. */
    private record PendingRegression(int row, RegressionRule rule, CellKey key, double[] before, double[] after,
            double pValue) {
    }

    /** Applies the policy's correction across every tested regression check of this evaluation, then decides each. */
    private void decideRegressions() {
        StatisticsSettings statistics = policy.statistics();
        List<PendingRegression> tested = pending.stream().filter(check -> !Double.isNaN(check.pValue())).toList();
        List<CorrectedPValue> corrected = statistics.correction()
                .apply(tested.stream().mapToDouble(PendingRegression::pValue).toArray(), statistics.alpha());
        int next = 0;
        for (PendingRegression check : pending) {
            // corrected is in the order of tested, which keeps pending's order.
            CorrectedPValue correctedP = Double.isNaN(check.pValue()) ? null : corrected.get(next++);
            RegressionRule rule = check.rule();
            RegressionDecision decision = RegressionTest.decide(check.before(), check.after(), rule.threshold(),
                    statistics, correctedP);
            rows.set(check.row(), row(rule, check.key().scenarioKey(), check.key().design(), check.before(),
                    check.after(), rule.normalizeBy() == null ? rule.metric().unit() : QuantityUnit.RATIO,
                    decision.verdict(), decision.pValue(), decision.note(), decision.adjustedPValue()));
        }
    }

    /** A latency check not judged because a load generator fell behind its schedule: inconclusive, with why. */
    private void addUnjudgeableRow(Rule rule, String scenarioKey, String design, double[] before, double[] after,
            QuantityUnit unit, String why) {
        addRow(rule, scenarioKey, design, before, after, unit, Verdict.INCONCLUSIVE, Double.NaN,
                LATENCY_NOT_JUDGED + why);
    }

    private static String firstNonNull(String... values) {
        for (String value : values) {
            if (value != null) {
                return value;
            }
        }
        return null;
    }

    private void addRow(Rule rule, String scenarioKey, String design, double[] before, double[] after, QuantityUnit unit,
            Verdict verdict, double pValue, String note) {
        rows.add(row(rule, scenarioKey, design, before, after, unit, verdict, pValue, note, Double.NaN));
        rowRules.add(rule);
    }

    private GateRow row(Rule rule, String scenarioKey, String design, double[] before, double[] after,
            QuantityUnit unit, Verdict verdict, double pValue, String note, double adjustedPValue) {
        double baselineMedian = Medians.of(before);
        double candidateMedian = Medians.of(after);
        double change = before.length == 0 ? Double.NaN : Medians.relativeChange(baselineMedian, candidateMedian);
        return new GateRow(rule.name(), rule.expression(), scenarioKey, design, baselineMedian, candidateMedian,
                change, unit, verdict, pValue, note, boxed(before), boxed(after),
                errorRateBeside(rule, scenarioKey, design), adjustedPValue);
    }

    /** The line a failing row adds to the report's failures, naming its rule. */
    private static String failureLine(Rule rule, GateRow row) {
        QuantityUnit unit = row.unit();
        String values = switch (rule) {
            // A budget is judged on the candidate alone: quote the limit, and the baseline only if there is one.
            case BudgetRule budget -> unit.format(row.candidate()) + ", budget " + budget.limitText();
            case RatioBudgetRule ratio -> unit.format(row.candidate()) + ", budget " + ratio.limitText();
            case RegressionRule regression -> unit.format(row.baseline()) + " -> " + unit.format(row.candidate());
        };
        if (!(rule instanceof RegressionRule) && !row.baselineTrials().isEmpty()) {
            values += " (baseline " + unit.format(row.baseline()) + ")";
        }
        return "rule '" + rule.name() + "' (" + rule.expression() + ") " + row.verdict().label().toLowerCase()
                + " in " + row.scenario() + "/" + row.design() + ": " + values;
    }

    /**
     * The candidate's median error rate in the cell of a latency check, NaN for other checks: failed requests are
     * in the latency, so a p99 is read with the share that failed (a same-run ratio names two cells and gets none).
     */
    private double errorRateBeside(Rule rule, String scenarioKey, String design) {
        if (rule.metric().unit() != QuantityUnit.NANOSECONDS) {
            return Double.NaN;
        }
        CellTrials cell = find(candidate, scenarioKey, design);
        double[] rates = cell == null ? new double[0] : cell.values(Metric.ERROR_RATE);
        return rates.length == 0 ? Double.NaN : Medians.of(rates);
    }

    /** Per-trial ratios of two cells of one run, paired by trial number (the same trial ran them back to back). */
    private static double[] ratios(CellTrials cell, CellTrials reference, Metric metric) {
        List<Double> ratios = new ArrayList<>();
        for (TrialValues trial : cell.trials()) {
            TrialValues other = reference.trial(trial.trial());
            Double value = trial.value(metric);
            Double referenceValue = other == null ? null : other.value(metric);
            if (value != null && referenceValue != null && referenceValue != 0) {
                ratios.add(value / referenceValue);
            }
        }
        return ratios.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private static CellTrials find(Measurements measurements, String scenarioKey, String design) {
        for (CellTrials cell : measurements.cells().values()) {
            if (cell.key().scenarioKey().equals(scenarioKey) && cell.key().design().equals(design)) {
                return cell;
            }
        }
        return null;
    }

    private void compareEnvironments() {
        Environment before = baseline.environment();
        Environment after = candidate.environment();
        if (before == null || after == null) {
            return;
        }
        if (!Objects.equals(before.cpuModel(), after.cpuModel()) || before.cores() != after.cores()) {
            warnings.add("different machines: baseline " + before.cpuModel() + " x" + before.cores() + ", candidate "
                    + after.cpuModel() + " x" + after.cores() + " (absolute numbers may not compare; prefer normalizeBy)");
        }
        if (!Objects.equals(before.jdk(), after.jdk())) {
            warnings.add("different JDKs: baseline " + before.jdk() + ", candidate " + after.jdk());
        }
    }

    private static List<Double> boxed(double[] values) {
        return Arrays.stream(values).boxed().toList();
    }
}
