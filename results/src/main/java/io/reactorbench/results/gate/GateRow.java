package io.reactorbench.results.gate;

import io.reactorbench.results.metric.QuantityUnit;
import java.util.List;

/**
 * One line of the gate's table: one check of one rule on one cell.
 *
 * @param rule            the rule's name (its expression when the policy gave none)
 * @param check           what was checked: {@code p99 < 5 ms}, {@code throughput maxDrop 5%}
 * @param design          a design, or {@code a/b} for a same-run ratio
 * @param baseline        the baseline's median, NaN when there is none
 * @param candidate       the candidate's median
 * @param change          relative change of the medians (fraction), NaN when there is no baseline
 * @param unit            unit of {@code baseline} and {@code candidate}
 * @param pValue          of the regression test, NaN when none was run
 * @param baselineTrials  the values the baseline median came from
 * @param candidateTrials the values the candidate median came from
 * @param errorRate       a latency check's: the median error rate of the candidate's trials of the cell (the share
 *                        of its requests that failed, which its latency holds), shown beside the latency; NaN for
 *                        other checks and cells that did not record it
 * @param adjustedPValue  {@code pValue} after the evaluation's correction across its regression checks, NaN when
 *                        no test was run
 */
public record GateRow(
        String rule,
        String check,
        String scenario,
        String design,
        double baseline,
        double candidate,
        double change,
        QuantityUnit unit,
        Verdict verdict,
        double pValue,
        String note,
        List<Double> baselineTrials,
        List<Double> candidateTrials,
        double errorRate,
        double adjustedPValue) {

    public GateRow {
        note = note == null ? "" : note;
        baselineTrials = List.copyOf(baselineTrials);
        candidateTrials = List.copyOf(candidateTrials);
    }
}
