package io.reactorbench.scenarios.suite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class SuiteOverridesTest {

    private static final String SUITE = """
            name: tiny
            trials: 1
            warmup: 1s
            duration: 2s
            designs: [threads]
            scenarios:
              - name: echo
                app: echo
                connections: 10
              - name: rpc-blocking
                app: rpc
                connections: 5
                blockUs: 1000
              - name: rpc.v2
                app: rpc
                connections: 5
              - name: idle
                app: echo
                model: idle
                connections: 100
                heartbeat: 1s
                duration: 1500ms
            """;

    private static SuiteOverrides.Applied apply(String... sets) {
        return SuiteOverrides.parse(List.of(sets)).applyTo("tiny.yaml", SUITE);
    }

    private static Scenario scenario(Suite suite, String name) {
        return suite.scenarios().stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void shouldSetOneScenarioKeyAndNoteIt() {
        SuiteOverrides.Applied applied = apply("rpc-blocking.cpuNs=50000");

        assertThat(scenario(applied.suite(), "rpc-blocking").cpuNs()).isEqualTo(50_000);
        assertThat(scenario(applied.suite(), "rpc.v2").cpuNs()).isZero();
        assertThat(scenario(applied.suite(), "rpc-blocking").blockUs()).as("the scenario's other keys stay").isEqualTo(1000);
        assertThat(applied.notes()).containsExactly("overrides applied (--set): rpc-blocking.cpuNs=50000");
    }

    @Test
    void shouldSetAWildcardKeyInEveryScenarioThatTakesItAndSkipTheOthers() {
        SuiteOverrides.Applied applied = apply("*.cpuNs=50000");

        assertThat(applied.suite().scenarios()).extracting(Scenario::name, Scenario::cpuNs).containsExactly(
                org.assertj.core.groups.Tuple.tuple("echo", 0L),
                org.assertj.core.groups.Tuple.tuple("rpc-blocking", 50_000L),
                org.assertj.core.groups.Tuple.tuple("rpc.v2", 50_000L),
                org.assertj.core.groups.Tuple.tuple("idle", 0L));
        assertThat(applied.notes()).singleElement().asString()
                .isEqualTo("overrides applied (--set): *.cpuNs=50000 in rpc-blocking, rpc.v2"
                        + " (skipped echo, idle: 'cpuNs' applies to app rpc only)");
    }

    @Test
    void shouldTellScenarioNamesWithDotsFromTheKey() {
        assertThat(scenario(apply("rpc.v2.responseSize=128").suite(), "rpc.v2").responseSize()).isEqualTo(128);
    }

    @Test
    void shouldSetSuiteKeysAndReplaceTheScenariosOwnWindow() {
        SuiteOverrides.Applied applied = apply("trials=3", "duration=3s");

        assertThat(applied.suite().trials()).isEqualTo(3);
        assertThat(applied.suite().scenarios()).extracting(Scenario::durationSeconds).containsOnly(3.0);
        assertThat(applied.notes()).containsExactly(
                "overrides applied (--set): trials=3; duration=3s (also replacing the own value of idle)");
    }

    @Test
    void shouldLetTheLaterOfTwoOverridesWin() {
        assertThat(apply("trials=3", "trials=5").suite().trials()).isEqualTo(5);
    }

    @Test
    void shouldReadTheValueAsYamlSoASweepCanBeSet() {
        assertThat(apply("echo.connections=[1, 10]").suite().scenarios()).extracting(Scenario::key)
                .contains("echo@connections=1", "echo@connections=10");
    }

    @Test
    void shouldLeaveTheSuiteAsParsedWithoutOverrides() {
        SuiteOverrides.Applied applied = SuiteOverrides.NONE.applyTo("tiny.yaml", SUITE);

        assertThat(applied.suite()).isEqualTo(SuiteParser.parse("tiny.yaml", SUITE));
        assertThat(applied.notes()).isEmpty();
    }

    record Rejected(String why, List<String> sets, String message) {
        @Override
        public String toString() {
            return why;
        }
    }

    static Stream<Rejected> rejected() {
        return Stream.of(
                new Rejected("no '='", List.of("cpuNs"),
                        "--set 'cpuNs': expected KEY=VALUE, SCENARIO.KEY=VALUE or *.KEY=VALUE"),
                new Rejected("nothing after '='", List.of("trials="), "--set 'trials=': no value after '='"),
                new Rejected("empty scenario", List.of(".cpuNs=1"),
                        "--set '.cpuNs=1': expected KEY=VALUE, SCENARIO.KEY=VALUE or *.KEY=VALUE"),
                new Rejected("value out of range", List.of("rpc-blocking.cpuNs=-5"),
                        "--set 'rpc-blocking.cpuNs=-5': 'cpuNs' in scenario 'rpc-blocking'"),
                new Rejected("wrong type", List.of("trials=three"),
                        "--set 'trials=three': 'trials' in the suite must be a whole number, got text 'three'"),
                new Rejected("unknown suite key", List.of("trails=3"), "--set 'trails=3': unknown key 'trails' in the suite"),
                new Rejected("unknown scenario key", List.of("echo.pipelining=4"),
                        "--set 'echo.pipelining=4': unknown key 'pipelining' in scenario 'echo'"),
                new Rejected("unknown scenario", List.of("rpc-blockng.cpuNs=1"),
                        "--set 'rpc-blockng.cpuNs=1': the suite has no scenario 'rpc-blockng' (it has: echo, rpc-blocking, rpc.v2, idle)"),
                new Rejected("rpc key on an echo scenario", List.of("echo.cpuNs=1"),
                        "--set 'echo.cpuNs=1': 'cpuNs' in scenario 'echo' only applies to app rpc (this one is echo)"),
                new Rejected("heartbeat on a closed scenario", List.of("echo.heartbeat=1s"),
                        "--set 'echo.heartbeat=1s': 'heartbeat' in scenario 'echo' only applies to model idle"),
                new Rejected("rate on a closed scenario", List.of("echo.rate=100"),
                        "--set 'echo.rate=100': 'rate' in scenario 'echo' does not apply to model closed"),
                new Rejected("the design list", List.of("designs=[netty-nio]"),
                        "--set 'designs=[netty-nio]': 'designs' cannot be set; choose with --designs or --only"),
                new Rejected("second override named", List.of("trials=2", "duration=0"),
                        "--set 'duration=0': 'duration' in the suite"),
                new Rejected("invalid YAML value", List.of("trials=[1"), "--set 'trials=[1': not valid YAML"),
                new Rejected("error caused by an override elsewhere", List.of("echo.model=open"),
                        "tiny.yaml:7: scenario 'echo' is open loop: it needs 'rate'"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rejected")
    void shouldRejectABadOverrideInOneLineNamingIt(Rejected rejected) {
        assertThatThrownBy(() -> SuiteOverrides.parse(rejected.sets()).applyTo("tiny.yaml", SUITE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith(rejected.message())
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n").doesNotContain(":-"));
    }

    @Test
    void shouldRejectAWildcardThatNoScenarioTakes() {
        String echoOnly = """
                name: echo-only
                designs: [threads]
                scenarios:
                  - {name: echo, app: echo, connections: 1}
                """;

        assertThatThrownBy(() -> SuiteOverrides.parse(List.of("*.cpuNs=50000")).applyTo("echo-only.yaml", echoOnly))
                .hasMessage("--set '*.cpuNs=50000': no scenario takes 'cpuNs' (it applies to app rpc only)");
    }

    @Test
    void shouldNameTheOverridesWhenTheErrorIsAboutALineOfTheFile() {
        assertThatThrownBy(() -> apply("echo.model=open"))
                .hasMessageEndingWith("(with --set echo.model=open)");
    }
}
