package io.reactorbench.scenarios.suite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CeilingSuiteTest {

    private static final String CEILING = """
            name: ramp
            designs: [engine-epoll]
            scenarios:
              - name: ceiling
                app: echo
                model: ceiling
                steps: [10k, 50k, 100k]
                connectRate: 20k
                hold: 5s
                rate: 10k
                verifyRate: 40k
                memoryFloor: 3GiB
            """;

    @Test
    void aCeilingScenarioHoldsItsLastStepAndCarriesItsRamp() {
        Scenario s = SuiteParser.parse("ramp.yaml", CEILING).scenarios().getFirst();

        assertThat(s.ceilingRamp()).isTrue();
        assertThat(s.connections()).isEqualTo(100_000);
        assertThat(s.variant()).isEmpty();
        assertThat(s.ceiling().steps()).containsExactly(10_000, 50_000, 100_000);
        assertThat(s.ceiling().holdSeconds()).isEqualTo(5.0);
        assertThat(s.ceiling().verifyRate()).isEqualTo(40_000.0);
        assertThat(s.ceiling().memoryFloorBytes()).isEqualTo(3L << 30);
        assertThat(s.rate()).isEqualTo(10_000.0);
    }

    @Test
    void stepsThatDoNotIncreaseAreRefusedAtTheirLine() {
        assertThatThrownBy(() -> SuiteParser.parse("ramp.yaml", CEILING.replace("[10k, 50k, 100k]", "[10k, 5k]")))
                .isInstanceOf(SuiteError.class)
                .hasMessageContaining("ramp.yaml:7:").hasMessageContaining("must increase, got 5000 after 10000");
    }

    @Test
    void aCeilingNeedsStepsAndARateAndNoConnections() {
        assertThatThrownBy(() -> SuiteParser.parse("ramp.yaml", CEILING.replace("    steps: [10k, 50k, 100k]\n", "")))
                .hasMessageContaining("needs 'steps'");
        assertThatThrownBy(() -> SuiteParser.parse("ramp.yaml", CEILING.replace("    rate: 10k\n", "")))
                .hasMessageContaining("needs 'rate'");
        assertThatThrownBy(() -> SuiteParser.parse("ramp.yaml", CEILING.replace("model: ceiling", "model: ceiling\n    connections: 5")))
                .hasMessageContaining("drop 'connections'");
    }

    @Test
    void rampKeysBelongToTheCeilingModelAndItToEchoOverTcp() {
        assertThatThrownBy(() -> SuiteParser.parse("ramp.yaml", CEILING.replace("model: ceiling", "model: open\n    connections: 5")))
                .hasMessageContaining("'steps' in scenario 'ceiling' only applies to model ceiling");
        assertThatThrownBy(() -> SuiteParser.parse("ramp.yaml", CEILING.replace("app: echo", "app: rpc")))
                .hasMessageContaining("it runs app echo, not rpc");
        assertThatThrownBy(() -> SuiteParser.parse("ramp.yaml", CEILING.replace("app: echo", "app: echo\n    transport: unix")))
                .hasMessageContaining("use tcp");
    }
}
