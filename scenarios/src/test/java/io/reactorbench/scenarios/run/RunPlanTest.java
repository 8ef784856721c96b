package io.reactorbench.scenarios.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.reactorbench.scenarios.suite.Scenario;
import io.reactorbench.scenarios.suite.Suite;
import io.reactorbench.scenarios.suite.SuiteError;
import io.reactorbench.scenarios.suite.SuiteParser;
import org.junit.jupiter.api.Test;

class RunPlanTest {

    private static Suite suite(String connections) {
        return SuiteParser.parse("idle.yaml", """
                name: idle
                designs: [a]
                scenarios:
                  - name: idle
                    app: echo
                    model: idle
                    connections: %s
                """.formatted(connections));
    }

    @Test
    void shouldReplaceMaxByWhatTheFdLimitAllowsAndSaySo() {
        RunPlan plan = RunPlan.of(suite("[1000, max]"), new FdLimits(20_000, 20_000));

        assertThat(plan.suite().scenarios()).extracting(Scenario::key)
                .containsExactly("idle@connections=1000", "idle@connections=19800");
        assertThat(plan.suite().scenarios().get(1).connections()).isEqualTo(19_800);
        assertThat(plan.notes()).anyMatch(n -> n.contains("max = 19800") && n.contains("soft limit 20000"));
    }

    @Test
    void shouldDropMaxWhenItEqualsAListedCount() {
        RunPlan plan = RunPlan.of(suite("[800, max]"), new FdLimits(1_000, 1_000));

        assertThat(plan.suite().scenarios()).extracting(Scenario::connections).containsExactly(800);
    }

    @Test
    void shouldRefuseMoreConnectionsThanTheFdLimitAllowsWithFileAndLine() {
        assertThatThrownBy(() -> RunPlan.of(suite("30000"), new FdLimits(20_000, 20_000)))
                .isInstanceOf(SuiteError.class)
                .hasMessageStartingWith("idle.yaml:4: ")
                .hasMessageContaining("asks for 30000 connections but this machine allows at most 19800");
    }
}
