package io.reactorbench.results.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.reactorbench.results.CellKey;
import io.reactorbench.results.metric.Metric;
import org.junit.jupiter.api.Test;

class PolicyParserTest {

    private static final String GOOD = """
            schema: reactorbench.gate-policy/1
            alpha: 0.05
            minTrials: 3
            rules:
              - name: no-errors
                budget: errors == 0
              - name: fast
                scenario: "rpc-*"
                design: engine-*
                budget:
                  - p99 < 5ms
                  - throughput >= 100k
                  - allocatedBytesPerRequest <= 64
              - name: engine-vs-netty
                scenario: "*"
                budget: ratio engine-epoll/netty-epoll throughput >= 0.5
              - name: relative
                design: "{engine-epoll,engine-nio}"
                normalizeBy: netty-epoll
                regression:
                  throughput: {maxDrop: 5%}
                  p99: {maxRise: 10%, grossLimit: 100%}
              - regression:
                  allocatedBytesPerRequest: {maxRise: 8}
            """;

    @Test
    void shouldReadBudgetsWithUnitsConvertedToTheMetricsUnit() {
        Policy policy = PolicyParser.parse(GOOD, "gate.yaml");
        assertThat(policy.rules()).hasSize(8);
        BudgetRule p99 = (BudgetRule) policy.rules().get(1);
        assertThat(p99.name()).isEqualTo("fast");
        assertThat(p99.metric()).isEqualTo(Metric.P99);
        assertThat(p99.comparison()).isEqualTo(Comparison.LESS);
        assertThat(p99.limit()).isEqualTo(5_000_000);
        assertThat(p99.line()).isEqualTo(11);
        assertThat(((BudgetRule) policy.rules().get(2)).limit()).isEqualTo(100_000);
        assertThat(p99.selector().matches(new CellKey("rpc-small", "", "engine-epoll"))).isTrue();
        assertThat(p99.selector().matches(new CellKey("echo", "", "engine-epoll"))).isFalse();
        assertThat(p99.selector().matches(new CellKey("rpc-small", "", "netty-epoll"))).isFalse();
    }

    @Test
    void shouldReadASameRunRatioBudget() {
        RatioBudgetRule ratio = (RatioBudgetRule) PolicyParser.parse(GOOD, "gate.yaml").rules().get(4);
        assertThat(ratio.numeratorDesign()).isEqualTo("engine-epoll");
        assertThat(ratio.denominatorDesign()).isEqualTo("netty-epoll");
        assertThat(ratio.metric()).isEqualTo(Metric.THROUGHPUT);
        assertThat(ratio.comparison()).isEqualTo(Comparison.GREATER_OR_EQUAL);
        assertThat(ratio.limit()).isEqualTo(0.5);
    }

    @Test
    void shouldReadRegressionsRelativeAbsoluteAndNormalised() {
        Policy policy = PolicyParser.parse(GOOD, "gate.yaml");
        RegressionRule throughput = (RegressionRule) policy.rules().get(5);
        assertThat(throughput.normalizeBy()).isEqualTo("netty-epoll");
        assertThat(throughput.threshold()).isEqualTo(new Threshold(Threshold.Direction.DROP, 0.05, true, 0.10, null));
        assertThat(throughput.selector().matches(new CellKey("x", "", "engine-nio"))).isTrue();
        assertThat(throughput.selector().matches(new CellKey("x", "", "engine-iouring"))).isFalse();
        RegressionRule p99 = (RegressionRule) policy.rules().get(6);
        assertThat(p99.threshold().grossLimit()).isEqualTo(1.0);
        RegressionRule bytes = (RegressionRule) policy.rules().get(7);
        assertThat(bytes.threshold()).isEqualTo(new Threshold(Threshold.Direction.RISE, 8, false, 16.0, null));
        assertThat(bytes.name()).isEqualTo("allocatedBytesPerRequest maxRise 8 B (gross 16 B)");
    }

    @Test
    void shouldReadTheBuiltInDefaultPolicy() {
        Policy policy = DefaultPolicy.policy();
        assertThat(policy.rules()).extracting(Rule::name)
                .containsExactly("no-errors", "error-rate", "throughput", "latency", "server-cpu", "allocation");
    }

    @Test
    void shouldNameTheLineOfAnUnknownMetric() {
        String yaml = """
                rules:
                  - name: ok
                    budget: errors == 0
                  - regression:
                      p98: {maxRise: 10%}
                """;
        assertThatThrownBy(() -> PolicyParser.parse(yaml, "gate.yaml"))
                .isInstanceOf(PolicyException.class)
                .hasMessageStartingWith("gate.yaml:5: unknown metric 'p98'");
    }

    @Test
    void shouldNameTheLineOfAnUnknownKey() {
        String yaml = """
                rules:
                  - budget: errors == 0
                    desing: engine-*
                """;
        assertThatThrownBy(() -> PolicyParser.parse(yaml, "gate.yaml"))
                .hasMessageStartingWith("gate.yaml:3: unknown key 'desing' in a rule");
    }

    @Test
    void shouldNameTheLineOfAWrongTimeUnit() {
        String yaml = """
                rules:

                  - budget: p99 < 5 hours
                """;
        assertThatThrownBy(() -> PolicyParser.parse(yaml, "gate.yaml"))
                .hasMessageStartingWith("gate.yaml:3: unknown time unit 'hours'");
    }

    @Test
    void shouldRejectAUnitOnARatio() {
        String yaml = """
                rules:
                  - budget: ratio engine-epoll/netty-epoll throughput >= 5ms
                """;
        assertThatThrownBy(() -> PolicyParser.parse(yaml, "gate.yaml"))
                .hasMessageStartingWith("gate.yaml:2: a ratio takes no unit");
    }

    @Test
    void shouldRejectAThresholdWithBothDirections() {
        String yaml = """
                rules:
                  - regression:
                      throughput:
                        maxDrop: 5%
                        maxRise: 5%
                """;
        assertThatThrownBy(() -> PolicyParser.parse(yaml, "gate.yaml"))
                .hasMessageStartingWith("gate.yaml:4: a threshold needs exactly one of 'maxRise' or 'maxDrop'");
    }

    @Test
    void shouldRejectAnUnreadableBudget() {
        String yaml = """
                rules:
                  - budget: p99 is small
                """;
        assertThatThrownBy(() -> PolicyParser.parse(yaml, "gate.yaml"))
                .hasMessageStartingWith("gate.yaml:2: cannot read budget 'p99 is small'");
    }

    @Test
    void shouldRejectARuleWithNeitherBudgetNorRegression() {
        String yaml = """
                rules:
                  - name: nothing
                    scenario: "*"
                """;
        assertThatThrownBy(() -> PolicyParser.parse(yaml, "gate.yaml"))
                .hasMessageStartingWith("gate.yaml:2: a rule needs exactly one of 'budget' or 'regression'");
    }

    @Test
    void shouldReportInvalidYamlWithItsLine() {
        String yaml = "rules:\n  - budget: [unclosed\n  - x\n";
        assertThatThrownBy(() -> PolicyParser.parse(yaml, "gate.yaml"))
                .hasMessageStartingWith("gate.yaml:")
                .hasMessageContaining("not valid YAML");
    }

    @Test
    void shouldReportATabAtItsOwnLine() {
        // The gate's reader once reported the line before the tab (Jackson's location, not SnakeYAML's mark).
        String yaml = "rules:\n  - name: x\n\tbudget: errors == 0\n";
        assertThatThrownBy(() -> PolicyParser.parse(yaml, "gate.yaml"))
                .isInstanceOf(PolicyException.class)
                .hasMessageStartingWith("gate.yaml:3: not valid YAML");
    }

    @Test
    void shouldRejectAnUnknownSchema() {
        assertThatThrownBy(() -> PolicyParser.parse("schema: other/2\nrules: []\n", "gate.yaml"))
                .hasMessageStartingWith("gate.yaml:1: unknown schema 'other/2'");
    }

    @Test
    void shouldRejectADropOfAHundredPercentOrMore() {
        String yaml = """
                rules:
                  - regression:
                      throughput: {maxDrop: 100%}
                """;
        assertThatThrownBy(() -> PolicyParser.parse(yaml, "gate.yaml"))
                .hasMessageStartingWith("gate.yaml:3: maxDrop must be below 100%");
    }

    @Test
    void shouldRejectAPolicyWithNoRules() {
        assertThatThrownBy(() -> PolicyParser.parse("rules: []\n", "gate.yaml"))
                .isInstanceOf(PolicyException.class)
                .hasMessageStartingWith("gate.yaml:1: 'rules' is empty: a policy needs at least one rule");
    }

    @Test
    void shouldReadOptionalAsABooleanOnly() {
        Policy policy = PolicyParser.parse("rules: [{optional: true, budget: errors == 0}, {budget: errors == 0}]\n",
                "gate.yaml");
        assertThat(policy.rules()).extracting(rule -> rule.selector().optional()).containsExactly(true, false);
        assertThatThrownBy(() -> PolicyParser.parse("rules: [{optional: maybe, budget: errors == 0}]\n", "gate.yaml"))
                .hasMessageStartingWith("gate.yaml:1: optional must be true or false, found 'maybe'");
    }

    @Test
    void shouldGiveEveryThresholdAGrossLimitOfTheGrossFactorTimesItsAmount() {
        Policy twice = PolicyParser.parse("rules: [{regression: {throughput: {maxDrop: 10%}, p99: {maxRise: 25%}}}]\n",
                "gate.yaml");
        assertThat(twice.rules()).extracting(rule -> ((RegressionRule) rule).threshold().grossLimit())
                .containsExactly(0.20, 0.50);
        Policy thrice = PolicyParser.parse("""
                grossFactor: 3
                rules: [{regression: {throughput: {maxDrop: 40%}, p99: {maxRise: 25%, grossLimit: 60%}}}]
                """, "gate.yaml");
        // 3 x 40 % would be a drop beyond 100 %: halfway from 40 % to 100 % instead. An explicit limit wins.
        assertThat(thrice.rules()).extracting(rule -> ((RegressionRule) rule).threshold().grossLimit())
                .containsExactly(0.70, 0.60);
        assertThat(((RegressionRule) thrice.rules().get(1)).expression()).isEqualTo("p99 maxRise 25% (gross 60%)");
    }

    @Test
    void shouldReadAnAbsoluteFloorBesideAPercentageAndRefuseItBesideAnAmount() {
        Policy policy = PolicyParser.parse(
                "rules: [{regression: {allocatedBytesPerRequest: {maxRise: 10%, atLeast: 64, grossLimit: 40%}}}]\n",
                "gate.yaml");
        Threshold threshold = ((RegressionRule) policy.rules().getFirst()).threshold();
        assertThat(threshold).isEqualTo(new Threshold(Threshold.Direction.RISE, 0.10, true, 0.40, 64.0));
        assertThat(policy.rules().getFirst().expression())
                .isEqualTo("allocatedBytesPerRequest maxRise 10% or 64 B (gross 40% or 256 B)");
        assertThatThrownBy(() -> PolicyParser.parse(
                "rules: [{regression: {allocatedBytesPerRequest: {maxRise: 64, atLeast: 8}}}]\n", "gate.yaml"))
                .isInstanceOf(PolicyException.class)
                .hasMessageStartingWith("gate.yaml:1: atLeast is an absolute amount that goes with a percentage maxRise");
    }

    @Test
    void shouldPointTheOldFewTrialsLimitToGrossLimit() {
        assertThatThrownBy(() -> PolicyParser.parse(
                "rules: [{regression: {throughput: {maxDrop: 5%, fewTrialsLimit: 30%}}}]\n", "gate.yaml"))
                .hasMessageStartingWith("gate.yaml:1: 'fewTrialsLimit' is now 'grossLimit'");
        assertThatThrownBy(() -> PolicyParser.parse("grossFactor: 0.5\nrules: [{budget: errors == 0}]\n", "gate.yaml"))
                .hasMessageStartingWith("gate.yaml:1: grossFactor must be at least 1");
    }

    @Test
    void shouldCorrectWithHolmUnlessThePolicySaysNone() {
        assertThat(PolicyParser.parse(GOOD, "gate.yaml").statistics().correction()).isEqualTo(Correction.HOLM);
        assertThat(DefaultPolicy.policy().statistics().correction()).isEqualTo(Correction.HOLM);
        Policy none = PolicyParser.parse("correction: none\nrules: [{budget: errors == 0}]", "gate.yaml");
        assertThat(none.statistics().correction()).isEqualTo(Correction.NONE);
    }

    @Test
    void shouldRefuseAnUnknownCorrectionInOneLineNamingTheKnownOnes() {
        assertThatThrownBy(() -> PolicyParser.parse("alpha: 0.05\ncorrection: bonferroni\nrules: [{budget: errors == 0}]",
                "gate.yaml"))
                .isInstanceOf(PolicyException.class)
                .hasMessage("gate.yaml:2: unknown correction 'bonferroni': use 'none' or 'holm'");
    }
}
