package io.reactorbench.scenarios.suite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class SweepSuiteTest {

    private static final String FIND = """
            name: knee
            designs: [engine-epoll]
            scenarios:
              - name: knee
                app: echo
                model: sweep
                connections: 50
                find: max-rate
                slo: {p99: 5ms, errors: 0.1%}
                startRate: 2k
                maxSteps: 10
            """;

    private static final String RATES = """
            name: curve
            designs: [engine-epoll]
            scenarios:
              - name: curve
                app: http
                connections: 50
                rates: [1k, 2k, 4k]
            """;

    @Test
    void aSearchCarriesItsObjectiveAndBounds() {
        Scenario s = SuiteParser.parse("knee.yaml", FIND).scenarios().getFirst();

        assertThat(s.rateSweep()).isTrue();
        assertThat(s.sweep().findsMaxRate()).isTrue();
        assertThat(s.sweep().objective().p99Ns()).isEqualTo(5_000_000L);
        assertThat(s.sweep().objective().maxErrorRatio()).isEqualTo(0.001);
        assertThat(s.sweep().startRate()).isEqualTo(2_000.0);
        assertThat(s.sweep().stepBound()).isEqualTo(10);
        assertThat(s.sweep().resolution()).isEqualTo(0.05);
    }

    @Test
    void ratesAloneMakeASweepOfThoseRates() {
        Scenario s = SuiteParser.parse("curve.yaml", RATES).scenarios().getFirst();

        assertThat(s.model()).isEqualTo("sweep");
        assertThat(s.sweep().rates()).containsExactly(1_000.0, 2_000.0, 4_000.0);
        assertThat(s.sweep().objective()).isNull();
        assertThat(s.sweep().boundSeconds(7)).isEqualTo(42.0);
    }

    @Test
    void ratesThatDoNotIncreaseAreRefusedAtTheirLine() {
        assertThatThrownBy(() -> SuiteParser.parse("curve.yaml", RATES.replace("[1k, 2k, 4k]", "[1k, 2k, 2k]")))
                .isInstanceOf(SuiteError.class)
                .hasMessageContaining("curve.yaml:7:").hasMessageContaining("'rates' in scenario 'curve' must increase");
    }

    @Test
    void aSearchNeedsAnObjectiveAndKnowsOnlyMaxRate() {
        assertThatThrownBy(() -> SuiteParser.parse("knee.yaml", FIND.replace("    slo: {p99: 5ms, errors: 0.1%}\n", "")))
                .hasMessageContaining("knee.yaml:8:").hasMessageContaining("it needs 'slo'");
        assertThatThrownBy(() -> SuiteParser.parse("knee.yaml", FIND.replace("find: max-rate", "find: knee")))
                .hasMessageContaining("knee.yaml:8:").hasMessageContaining("must be max-rate, got 'knee'");
        assertThatThrownBy(() -> SuiteParser.parse("knee.yaml", FIND.replace("p99: 5ms", "p95: 5ms")))
                .hasMessageContaining("knee.yaml:9:").hasMessageContaining("p95");
        assertThatThrownBy(() -> SuiteParser.parse("knee.yaml", FIND.replace("p99: 5ms", "p99: fast")))
                .hasMessageContaining("knee.yaml:9:").hasMessageContaining("'p99' in 'slo'");
    }

    @Test
    void aSweepTakesRatesOrFindAndNoFixedRate() {
        assertThatThrownBy(() -> SuiteParser.parse("knee.yaml", FIND.replace("find: max-rate", "find: max-rate\n    rates: [1k]")))
                .hasMessageContaining("needs 'rates'").hasMessageContaining("not both");
        assertThatThrownBy(() -> SuiteParser.parse("knee.yaml", FIND.replace("model: sweep", "model: sweep\n    rate: 1k")))
                .hasMessageContaining("'rate' in scenario 'knee' does not apply to a sweep");
        assertThatThrownBy(() -> SuiteParser.parse("curve.yaml", RATES.replace("rates: [1k, 2k, 4k]", "rates: [1k]\n    maxSteps: 4")))
                .hasMessageContaining("'maxSteps' in scenario 'curve' only applies to 'find'");
    }

    @Test
    void sweepKeysBelongToTheSweepModelAndItToOneLoadProcess() {
        assertThatThrownBy(() -> SuiteParser.parse("knee.yaml", FIND.replace("model: sweep", "model: open\n    rate: 1k")))
                .hasMessageContaining("'find' in scenario 'knee' only applies to model sweep");
        assertThatThrownBy(() -> SuiteParser.parse("knee.yaml", FIND.replace("connections: 50", "connections: 20k")))
                .hasMessageContaining("at most 10000 connections");
    }

    @Test
    void aScenarioMayRunOnSomeOfTheSuitesDesignsOnly() {
        String suite = """
                name: some
                designs: [engine-epoll, netty-epoll, threads]
                scenarios:
                  - name: all
                    app: echo
                    connections: 1
                  - name: knee
                    app: echo
                    connections: 50
                    rates: [1k, 2k]
                    designs: [netty-epoll, engine-epoll]
                """;
        Suite parsed = SuiteParser.parse("some.yaml", suite);

        assertThat(parsed.scenarios().get(1).designs()).containsExactly("netty-epoll", "engine-epoll");
        assertThat(parsed.designsOf(parsed.scenarios().get(1))).extracting(DesignSpec::name)
                .containsExactly("engine-epoll", "netty-epoll");
        assertThat(parsed.designsOf(parsed.scenarios().get(0))).hasSize(3);
        assertThat(parsed.cellsPerTrial()).isEqualTo(5);
        assertThatThrownBy(() -> SuiteParser.parse("some.yaml", suite.replace("[netty-epoll, engine-epoll]",
                "[netty-epol]"))).isInstanceOf(SuiteError.class).hasMessageContaining("some.yaml:11:")
                .hasMessageContaining("'netty-epol' in 'designs' of scenario 'knee' is not one of the suite's designs");
    }

    @Test
    void theStandardSuiteSearchesTheKneeOfEchoAndHttpOnFiveDesigns() {
        Suite standard = Suites.load("standard");
        for (String name : List.of("echo-knee", "http-knee")) {
            Scenario knee = standard.scenarios().stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
            assertThat(knee.sweep().findsMaxRate()).isTrue();
            assertThat(knee.sweep().objective().describe()).isEqualTo("p99=10000us,errors=0.1%");
            assertThat(standard.designsOf(knee)).extracting(DesignSpec::name)
                    .containsExactly("engine-epoll", "netty-epoll", "netty-iouring", "vthreads", "threads");
        }
    }
}
