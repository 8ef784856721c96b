package io.reactorbench.report.gate;

import static org.assertj.core.api.Assertions.assertThat;

import io.reactorbench.results.CellKey;
import io.reactorbench.results.CellParams;
import io.reactorbench.results.gate.CellTrials;
import io.reactorbench.results.gate.Gate;
import io.reactorbench.results.gate.GateReport;
import io.reactorbench.results.gate.Measurements;
import io.reactorbench.results.gate.Policy;
import io.reactorbench.results.gate.PolicyParser;
import io.reactorbench.results.gate.TrialValues;
import io.reactorbench.results.metric.Metric;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GateReportRendererTest {

    private static final CellParams RPC = new CellParams("rpc", "closed", 4, 0, 64, 1, 64, 0, 0, 1, 1);

    private static Policy policy(String yaml) {
        return PolicyParser.parse(yaml, "test.yaml");
    }

    /** A cell whose trials measured the given values, trial 1 first. */
    private static CellTrials cell(String scenario, String design, List<Map<Metric, Double>> trials) {
        CellKey key = new CellKey(scenario, "", design);
        List<TrialValues> values = new ArrayList<>();
        for (Map<Metric, Double> trial : trials) {
            values.add(new TrialValues(values.size() + 1, trial, null));
        }
        return new CellTrials(key, RPC, values);
    }

    private static CellTrials cell(String scenario, String design, Metric metric, double... values) {
        List<Map<Metric, Double>> trials = new ArrayList<>();
        for (double value : values) {
            trials.add(Map.of(metric, value));
        }
        return cell(scenario, design, trials);
    }

    private static Measurements measurements(String source, CellTrials... cells) {
        Map<CellKey, CellTrials> byKey = new LinkedHashMap<>();
        for (CellTrials cell : cells) {
            byKey.put(cell.key(), cell);
        }
        return new Measurements(source, source, null, byKey, List.of());
    }

    @Test
    void shouldLeadTheTextWithAPerRuleRollUpAndListOnlyTheFailingChecks() {
        Policy budgets = policy("""
                rules:
                  - name: no-errors
                    budget: errors == 0
                  - name: alloc
                    budget: allocatedBytesPerRequest <= 64
                """);
        Measurements candidate = measurements("candidate",
                cell("echo", "engine-epoll", List.of(Map.of(Metric.ERRORS, 0.0, Metric.ALLOCATED_BYTES_PER_REQUEST, 0.0))),
                cell("echo", "netty-epoll", List.of(Map.of(Metric.ERRORS, 0.0, Metric.ALLOCATED_BYTES_PER_REQUEST, 900.0))));
        List<String> lines = GateReportRenderer.text(Gate.evaluate(budgets, Measurements.none(), candidate, false))
                .lines().toList();
        assertThat(lines.subList(4, 6)).containsExactly(
                "✓  no-errors  errors == 0                       2/2 pass",
                "✗  alloc      allocatedBytesPerRequest <= 64 B  1/2 pass, 1 OVER BUDGET");
        assertThat(lines.subList(7, 10)).containsExactly(
                "failures:",
                "rule   check                             scenario  design       candidate  verdict      note",
                "alloc  allocatedBytesPerRequest <= 64 B  echo      netty-epoll  900 B      OVER BUDGET  median of 1 trial(s) breaks allocatedBytesPerRequest <= 64 B");
        assertThat(lines).noneMatch(line -> line.contains("engine-epoll"));
    }

    @Test
    void shouldCallAFailedFloorBelowFloorWithoutABaselineColumn() {
        Policy floor = policy("rules: [{name: tp-floor, budget: throughput >= 200k}]");
        Measurements candidate = measurements("candidate", cell("echo", "engine-epoll", Metric.THROUGHPUT, 105_000));
        GateReport report = Gate.evaluate(floor, Measurements.none(), candidate, false);
        assertThat(GateReportRenderer.text(report)).contains("BELOW FLOOR").doesNotContain("OVER BUDGET")
                .doesNotContain("- ->");
    }

    @Test
    void shouldRenderTheSameRowsAsTextMarkdownAndJson() {
        Measurements baseline = measurements("b", cell("rpc", "threads", Metric.THROUGHPUT, 100_000, 101_000, 99_000));
        Measurements candidate = measurements("c", cell("rpc", "threads", Metric.THROUGHPUT, 50_000, 51_000, 49_000));
        GateReport report = Gate.evaluate(policy("rules: [{name: tp, regression: {throughput: {maxDrop: 5%}}}]"),
                baseline, candidate, false);
        assertThat(GateReportRenderer.text(report)).contains("tp", "REGRESSION", "100k/s", "50k/s", "-50.0%")
                .contains("gate: FAIL: rule 'tp'");
        assertThat(GateReportRenderer.markdown(report)).contains("| tp | throughput maxDrop 5% (gross 10%) | rpc | threads |")
                .contains("**REGRESSION**");
        assertThat(GateReportRenderer.json(report)).contains("\"schema\" : \"reactorbench.gate/1\"")
                .contains("\"verdict\" : \"regression\"").contains("\"exitCode\" : 1");
        assertThat(List.of(report.exitCode())).containsExactly(1);
    }

    @Test
    void shouldNameTheCorrectionAndShowEachChecksPValueBesideItsAdjustedOne() {
        Measurements baseline = measurements("b",
                cell("rpc", "threads", Metric.THROUGHPUT, 100, 101, 102, 103, 104),
                cell("rpc", "vthreads", Metric.THROUGHPUT, 100, 101, 102, 103, 104));
        Measurements candidate = measurements("c",
                cell("rpc", "threads", Metric.THROUGHPUT, 80, 81, 82, 83, 84),
                cell("rpc", "vthreads", Metric.THROUGHPUT, 100, 101, 102, 103, 104));
        GateReport report = Gate.evaluate(policy("rules: [{name: tp, regression: {throughput: {maxDrop: 5%}}}]"),
                baseline, candidate, false);
        String text = GateReportRenderer.text(report);
        assertThat(text.lines().toList().get(3))
                .isEqualTo("regression checks: holm across 2 tested regression check(s), alpha 0.05 for all of them together");
        // 1/252 doubled for the first of two; the second keeps its own p of 1, as adjusted.
        assertThat(text).contains("0.004 → 0.008");
        assertThat(GateReportRenderer.markdown(report))
                .contains("Regression checks: holm across 2 tested regression check(s)")
                .contains("| p | verdict |").contains("| 0.004 → 0.008 | **REGRESSION** |");
        assertThat(GateReportRenderer.json(report)).contains("\"correction\" : \"holm\"")
                .contains("\"adjustedPValue\" : 0.007936");

        GateReport uncorrected = Gate.evaluate(policy("""
                correction: none
                rules: [{name: tp, regression: {throughput: {maxDrop: 5%}}}]
                """), baseline, candidate, false);
        assertThat(GateReportRenderer.text(uncorrected))
                .contains("regression checks: no correction, each of 2 tested regression check(s) at alpha 0.05 on its own")
                .doesNotContain("→");
    }

    @Test
    void shouldShowTheErrorRateBesideALatencyCheckOnly() {
        Measurements candidate = measurements("c", cell("echo", "engine-epoll",
                List.of(Map.of(Metric.P99, 300e6, Metric.ERROR_RATE, 0.02, Metric.THROUGHPUT, 1_000.0))));
        GateReport report = Gate.evaluate(policy("""
                rules:
                  - name: p99-budget
                    budget: p99 < 5ms
                  - name: tp-floor
                    budget: throughput >= 2k
                """), Measurements.none(), candidate, false);

        String markdown = GateReportRenderer.markdown(report);
        assertThat(markdown).contains("| rule | check | scenario | design | baseline | candidate | error rate | change | p | verdict |")
                .contains("| p99-budget | p99 < 5 ms | echo | engine-epoll | - | 300 ms | 2% | - |")
                .contains("| tp-floor | throughput >= 2k/s | echo | engine-epoll | - | 1k/s |  | - |");
        assertThat(GateReportRenderer.text(report)).contains("candidate  error rate");
        assertThat(GateReportRenderer.json(report)).contains("\"errorRate\" : 0.02").contains("\"errorRate\" : null");
    }
}
