package io.reactorbench.results.gate;

import static org.assertj.core.api.Assertions.assertThat;

import io.reactorbench.results.CellKey;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The policy files in the repository's {@code gate/} directory parse, and CI's holds budgets only. */
class ShippedPoliciesTest {

    private static final Path GATE_DIR = Path.of("..", "gate");

    @Test
    void shouldParseTheCiPolicyAsBudgetsOnly() {
        Policy policy = PolicyParser.parse(GATE_DIR.resolve("ci-policy.yaml"));
        assertThat(policy.rules()).extracting(Rule::name)
                .containsExactly("no-errors", "engine-allocation", "engine-vs-netty");
        assertThat(policy.rules()).noneMatch(rule -> rule instanceof RegressionRule);
        assertThat(policy.rules().get(1).selector().matches(new CellKey("echo-pingpong", "", "engine-epoll"))).isTrue();
        assertThat(policy.rules().get(1).selector().matches(new CellKey("rpc-blocking", "", "engine-epoll"))).isFalse();
    }

    @Test
    void shouldParseTheExamplePolicy() {
        assertThat(Files.exists(GATE_DIR.resolve("example-policy.yaml"))).isTrue();
        Policy policy = PolicyParser.parse(GATE_DIR.resolve("example-policy.yaml"));
        assertThat(policy.rules()).hasSizeGreaterThan(8);
        assertThat(policy.rules()).anyMatch(rule -> rule instanceof RegressionRule r && "netty-epoll".equals(r.normalizeBy()));
    }
}
