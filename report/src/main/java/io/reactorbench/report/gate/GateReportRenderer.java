package io.reactorbench.report.gate;

import io.reactorbench.results.ResultsJson;
import io.reactorbench.results.gate.Correction;
import io.reactorbench.results.gate.GateReport;
import io.reactorbench.results.gate.GateRow;
import io.reactorbench.results.gate.RuleTally;
import io.reactorbench.results.gate.StatisticsSettings;
import io.reactorbench.results.gate.Verdict;
import io.reactorbench.results.metric.QuantityText;
import io.reactorbench.results.metric.QuantityUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The one place a {@link GateReport} becomes text: a console table, Markdown, JSON. */
public final class GateReportRenderer {

    public static final String JSON_SCHEMA = "reactorbench.gate/1";

    private static final List<String> HEADER =
            List.of("rule", "check", "scenario", "design", "baseline", "candidate", "error rate", "change", "p",
                    "verdict", "note");

    private GateReportRenderer() {
    }

    /**
     * For a terminal or a CI log: a roll-up of every rule first ({@code ✓ no-errors  errors == 0  24/24 pass}), then
     * the failing checks only, with the headline last so it is what one sees. Every check with its numbers is in
     * the Markdown and the JSON.
     */
    public static String text(GateReport report) {
        StringBuilder out = new StringBuilder();
        out.append("baseline: ").append(report.baseline()).append("\ncandidate: ").append(report.candidate())
                .append("\npolicy: ").append(report.policy()).append('\n');
        String correction = correction(report);
        if (correction != null) {
            out.append("regression checks: ").append(correction).append('\n');
        }
        out.append('\n');
        List<List<String>> rollUp = new ArrayList<>();
        for (RuleTally tally : RuleTally.of(report.rows())) {
            rollUp.add(List.of(mark(tally), tally.rule(), tally.rule().equals(tally.check()) ? "" : tally.check(),
                    outcomeText(tally)));
        }
        if (!rollUp.isEmpty()) {
            appendAligned(out, rollUp);
            out.append('\n');
        }
        List<List<String>> failing = new ArrayList<>();
        failing.add(HEADER);
        report.rows().stream().filter(row -> row.verdict().fails()).forEach(row -> failing.add(cells(row)));
        if (failing.size() > 1) {
            out.append("failures:\n");
            appendAligned(out, withoutEmptyColumns(failing));
            out.append('\n');
        }
        report.problems().forEach(p -> out.append("cannot judge: ").append(p).append('\n'));
        report.warnings().forEach(w -> out.append("warning: ").append(w).append('\n'));
        out.append(report.headline()).append('\n');
        return out.toString();
    }

    private static void appendAligned(StringBuilder out, List<List<String>> table) {
        int[] widths = new int[table.getFirst().size()];
        for (List<String> line : table) {
            for (int i = 0; i < line.size(); i++) {
                widths[i] = Math.max(widths[i], line.get(i).length());
            }
        }
        for (List<String> line : table) {
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < line.size(); i++) {
                text.append(i == 0 ? "" : "  ").append(pad(line.get(i), widths[i]));
            }
            out.append(text.toString().stripTrailing()).append('\n');
        }
    }

    /** Drops the columns no data row fills (baseline and change without a baseline, an empty note). */
    private static List<List<String>> withoutEmptyColumns(List<List<String>> table) {
        List<Integer> kept = new ArrayList<>();
        for (int column = 0; column < table.getFirst().size(); column++) {
            int c = column;
            if (table.stream().skip(1).anyMatch(line -> !line.get(c).isEmpty() && !line.get(c).equals("-"))) {
                kept.add(column);
            }
        }
        return table.stream().map(line -> kept.stream().map(line::get).toList()).toList();
    }

    /** Markdown for a CI job summary or a pull-request comment. */
    public static String markdown(GateReport report) {
        StringBuilder out = new StringBuilder();
        out.append("## reactorbench gate: ").append(switch (report.outcome()) {
            case PASS -> "pass";
            case INCONCLUSIVE -> "INCONCLUSIVE";
            case FAIL -> "FAIL";
            case CANNOT_JUDGE -> "CANNOT JUDGE";
        }).append("\n\n");
        out.append(escape(report.headline())).append("\n\n");
        out.append("Baseline `").append(report.baseline()).append("`, candidate `").append(report.candidate())
                .append("`, policy `").append(report.policy()).append("`.\n\n");
        String correction = correction(report);
        if (correction != null) {
            out.append("Regression checks: ").append(escape(correction)).append(
                    report.statistics().correction() == Correction.NONE ? ".\n\n"
                            : ". Column p: the check's p-value, then the adjusted p-value held against alpha.\n\n");
        }
        if (!report.problems().isEmpty()) {
            out.append("**The inputs cannot be judged:**\n\n");
            report.problems().forEach(p -> out.append("- ").append(escape(p)).append('\n'));
            out.append('\n');
        }
        List<RuleTally> tallies = RuleTally.of(report.rows());
        if (!tallies.isEmpty()) {
            out.append("| | rule | check | checks |\n|---|---|---|---|\n");
            for (RuleTally tally : tallies) {
                out.append("| ").append(mark(tally)).append(" | ").append(escape(tally.rule())).append(" | ")
                        .append(escape(tally.check())).append(" | ").append(escape(outcomeText(tally))).append(" |\n");
            }
            out.append('\n');
        }
        if (!report.rows().isEmpty()) {
            out.append('|');
            HEADER.forEach(h -> out.append(' ').append(h).append(" |"));
            out.append("\n|");
            HEADER.forEach(h -> out.append("---|"));
            out.append('\n');
            for (GateRow row : report.rows()) {
                out.append('|');
                List<String> cells = cells(row);
                for (int i = 0; i < cells.size(); i++) {
                    String cell = escape(cells.get(i));
                    boolean loud = i == HEADER.indexOf("verdict") && row.verdict().fails();
                    out.append(' ').append(loud ? "**" + cell + "**" : cell).append(" |");
                }
                out.append('\n');
            }
            out.append('\n');
        }
        if (!report.warnings().isEmpty()) {
            out.append("Warnings:\n\n");
            report.warnings().forEach(w -> out.append("- ").append(escape(w)).append('\n'));
            out.append('\n');
        }
        return out.toString();
    }

    /** The same as data; numbers in the metrics' own units, NaN written as null. */
    public static String json(GateReport report) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("schema", JSON_SCHEMA);
        root.put("outcome", report.outcome().name().toLowerCase().replace('_', '-'));
        root.put("exitCode", report.exitCode());
        root.put("headline", report.headline());
        root.put("strict", report.strict());
        root.put("policy", report.policy());
        root.put("baseline", report.baseline());
        root.put("candidate", report.candidate());
        root.put("correction", report.statistics().correction().policyName());
        root.put("alpha", report.statistics().alpha());
        List<Map<String, Object>> rows = new ArrayList<>();
        for (GateRow row : report.rows()) {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("rule", row.rule());
            out.put("check", row.check());
            out.put("scenario", row.scenario());
            out.put("design", row.design());
            out.put("unit", row.unit().name().toLowerCase());
            out.put("baseline", number(row.baseline()));
            out.put("candidate", number(row.candidate()));
            out.put("errorRate", number(row.errorRate()));
            out.put("change", number(row.change()));
            out.put("verdict", row.verdict().name().toLowerCase().replace('_', '-'));
            out.put("pValue", number(row.pValue()));
            out.put("adjustedPValue", number(row.adjustedPValue()));
            out.put("note", row.note());
            out.put("baselineTrials", row.baselineTrials());
            out.put("candidateTrials", row.candidateTrials());
            rows.add(out);
        }
        root.put("rows", rows);
        root.put("failures", report.failures());
        root.put("warnings", report.warnings());
        root.put("problems", report.problems());
        return ResultsJson.mapper().writeValueAsString(root) + "\n";
    }

    /** {@code ✗} when a check failed, {@code ?} when none failed but some could not decide, else {@code ✓}. */
    private static String mark(RuleTally tally) {
        if (tally.verdicts().keySet().stream().anyMatch(Verdict::fails)) {
            return "✗";
        }
        return tally.count(Verdict.INCONCLUSIVE) > 0 ? "?" : "✓";
    }

    /** {@code 22/24 pass, 2 OVER BUDGET}, {@code 0/24 pass, 24 inconclusive}, {@code 24/24 pass}. */
    private static String outcomeText(RuleTally tally) {
        StringBuilder text = new StringBuilder().append(tally.count(Verdict.PASS)).append('/').append(tally.checks())
                .append(" pass");
        tally.verdicts().forEach((verdict, count) -> {
            if (verdict != Verdict.PASS) {
                text.append(", ").append(count).append(' ').append(verdict.label());
            }
        });
        return text.toString();
    }

    private static List<String> cells(GateRow row) {
        String baseline = Double.isNaN(row.baseline()) ? "-" : row.unit().format(row.baseline());
        // Beside a latency check only: the share of the cell's requests that failed, which its latency holds.
        String errorRate = Double.isNaN(row.errorRate()) ? "" : QuantityUnit.SHARE.format(row.errorRate());
        return List.of(row.rule(), row.check(), row.scenario(), row.design(), baseline,
                row.unit().format(row.candidate()), errorRate, QuantityText.percent(row.change()), pText(row),
                row.verdict().label(), row.note());
    }

    /** {@code 0.050}, or {@code 0.050 → 0.400} when the correction adjusted it; empty when no test was run. */
    private static String pText(GateRow row) {
        if (Double.isNaN(row.pValue())) {
            return "";
        }
        String p = String.format(Locale.ROOT, "%.3f", row.pValue());
        return row.adjustedPValue() == row.pValue() ? p : p + String.format(Locale.ROOT, " → %.3f", row.adjustedPValue());
    }

    /**
     * How the regression checks shared alpha: {@code holm across 8 tested regression check(s) (alpha 0.05 for all
     * of them together)}; null when no regression check had a p-value.
     */
    private static String correction(GateReport report) {
        long tested = report.testedChecks();
        if (tested == 0) {
            return null;
        }
        StatisticsSettings statistics = report.statistics();
        String alpha = QuantityText.threeDigits(statistics.alpha());
        return statistics.correction() == Correction.NONE
                ? "no correction, each of " + tested + " tested regression check(s) at alpha " + alpha + " on its own"
                : statistics.correction().policyName() + " across " + tested + " tested regression check(s), alpha "
                        + alpha + " for all of them together";
    }

    private static Double number(double value) {
        return Double.isNaN(value) || Double.isInfinite(value) ? null : value;
    }

    private static String pad(String text, int width) {
        return text + " ".repeat(width - text.length());
    }

    private static String escape(String text) {
        return text.replace("|", "\\|").replace("\n", " ");
    }
}
