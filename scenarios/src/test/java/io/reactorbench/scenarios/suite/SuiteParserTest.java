package io.reactorbench.scenarios.suite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.reactorbench.wire.spi.Transport;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class SuiteParserTest {

    private static final String VALID = """
            name: tiny
            trials: 2
            warmup: 500ms
            duration: 2s
            server: {loops: 1, lb: round-robin}
            designs:
              - threads
              - {id: netty-nio, loops: 2, options: {x: 1}, jvmOptions: [-Xmx64m]}
              - "external:./srv --port {port}"
            scenarios:
              - name: echo
                app: echo
                connections: [1, 100]
              - name: slow
                app: rpc
                model: open
                rate: 1000
                connections: 10
                blockUs: 1000
            """;

    @Test
    void shouldExpandSweepsIntoNamedVariants() {
        Suite suite = SuiteParser.parse("tiny.yaml", VALID);

        assertThat(suite.scenarios()).extracting(Scenario::key)
                .containsExactly("echo@connections=1", "echo@connections=100", "slow");
        assertThat(suite.scenarios().getFirst().warmupSeconds()).isEqualTo(0.5);
        assertThat(suite.scenarios().getFirst().durationSeconds()).isEqualTo(2.0);
        assertThat(suite.serverLoops()).isEqualTo(1);
        assertThat(suite.serverOptions()).containsEntry("lb", "round-robin");
        assertThat(suite.designs()).extracting(DesignSpec::id)
                .containsExactly("threads", "netty-nio", "external:./srv --port {port}");
        assertThat(suite.designs().get(1).jvmOptions()).containsExactly("-Xmx64m");
        assertThat(suite.designs().get(2).externalCommand()).isEqualTo("./srv --port {port}");
        assertThat(suite.cpus()).isEqualTo(CpuSets.DEFAULT);
        assertThat(suite.cellsPerTrial()).isEqualTo(9);
    }

    @Test
    void shouldTakeTheSharedUnitsForDurationsAndCounts() {
        Suite suite = SuiteParser.parse("units.yaml", VALID.replace("duration: 2s", "duration: 1h2m")
                .replace("connections: [1, 100]", "connections: [1, 20k]").replace("rate: 1000", "rate: 1.5k"));

        assertThat(suite.scenarios().getFirst().durationSeconds()).isEqualTo(3720.0);
        assertThat(suite.scenarios().get(1).connections()).isEqualTo(20_000);
        assertThat(suite.scenarios().get(2).rate()).isEqualTo(1500.0);
    }

    record Malformed(String why, String yaml, int line, String sentence) {
        @Override
        public String toString() {
            return why;
        }
    }

    static Stream<Malformed> malformed() {
        return Stream.of(
                new Malformed("unknown key", VALID.replace("    connections: 10\n", "    conections: 10\n"), 18,
                        "unknown key 'conections' in scenario 'slow'"),
                new Malformed("wrong type", VALID.replace("trials: 2", "trials: many"), 2,
                        "'trials' in the suite must be a whole number, got text 'many'"),
                new Malformed("negative connections", VALID.replace("[1, 100]", "[1, -100]"), 13,
                        "'connections' in scenario 'echo' (or max) must be between 1 and 1000000, got -100"),
                new Malformed("open loop without rate", VALID.replace("    rate: 1000\n", ""), 14,
                        "needs 'rate'"),
                new Malformed("rpc knob on echo", VALID.replace("connections: [1, 100]", "connections: 1\n    blockUs: 5"), 14,
                        "'blockUs' in scenario 'echo' only applies to app rpc"),
                new Malformed("external without port", VALID.replace("--port {port}", "--port 80"), 9,
                        "needs a command with {port}"),
                new Malformed("bad duration", VALID.replace("duration: 2s", "duration: soon"), 4,
                        "must be a duration like 2s or 500ms, got text 'soon'"),
                new Malformed("duplicate key", VALID.replace("trials: 2", "trials: 2\ntrials: 3"), 3,
                        "key 'trials' appears twice"),
                new Malformed("unknown app", VALID.replace("app: echo", "app: smtp"), 12,
                        "'app' in scenario 'echo' must be one of echo, rpc, http, got 'smtp'"),
                new Malformed("cpu quota as a fraction word", VALID.replace("    blockUs: 1000\n",
                        "    blockUs: 1000\n    serverCpuQuota: half\n"), 20,
                        "'serverCpuQuota' in scenario 'slow' must be a percentage like 50%, got text 'half'"),
                new Malformed("cpu quota of nothing", VALID.replace("    blockUs: 1000\n",
                        "    blockUs: 1000\n    serverCpuQuota: 0%\n"), 20,
                        "'serverCpuQuota' in scenario 'slow' must be between 1 and 6400 (percent), got 0%"),
                new Malformed("unknown transport", VALID.replace("connections: [1, 100]",
                        "connections: [1, 100]\n    transport: quic"), 14,
                        "'transport' in scenario 'echo' must be one of tcp, unix, udp, got 'quic'"),
                new Malformed("rpc over udp", VALID.replace("    blockUs: 1000\n", "    blockUs: 1000\n    transport: udp\n"),
                        20, "scenario 'slow' runs app rpc over udp, which carries the echo app only"),
                new Malformed("churn over udp", VALID.replace("connections: [1, 100]",
                        "connections: [1, 100]\n    model: churn\n    transport: udp"), 15,
                        "model churn in scenario 'echo' needs connections, and udp has none"),
                new Malformed("tab indentation", VALID.replace("    connections: 10\n", "\tconnections: 10\n"), 18,
                        "found character '\\t(TAB)' that cannot start any token"),
                new Malformed("broken yaml", VALID.replace("designs:", "designs: [unclosed"), 8,
                        "not valid YAML"),
                new Malformed("processes as a word", VALID.replace("loops: 2,", "loops: 2, processes: many,"), 8,
                        "'processes' in a design (or auto) must be a whole number, got text 'many'"),
                new Malformed("no processes", VALID.replace("loops: 2,", "loops: 2, processes: 0,"), 8,
                        "'processes' in a design (or auto) must be between 1 and 1024, got 0"),
                new Malformed("external design in processes", VALID.replace("  - \"external:./srv --port {port}\"",
                        "  - {id: \"external:./srv --port {port}\", processes: 2}"), 9,
                        "an external design runs the one process its command starts: drop 'processes'"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformed")
    void shouldRejectMalformedSuiteWithFileLineAndReason(Malformed c) {
        assertThatThrownBy(() -> SuiteParser.parse("bad.yaml", c.yaml()))
                .isInstanceOf(SuiteError.class)
                .hasMessageStartingWith("bad.yaml:" + c.line() + ": ")
                .hasMessageContaining(c.sentence());
    }

    @Test
    void shouldReadTheServerProcessesOfEachDesignAndDefaultToOne() {
        Suite suite = SuiteParser.parse("tiny.yaml", VALID.replace("  - threads\n", "  - {id: threads, processes: 3}\n")
                .replace("loops: 2,", "loops: 2, processes: auto,"));

        assertThat(suite.designs()).extracting(DesignSpec::processes)
                .containsExactly(3, DesignSpec.AUTO_PROCESSES, 1);
        assertThat(suite.designs()).extracting(DesignSpec::sharesPort).containsExactly(true, true, false);
    }

    @Test
    void shouldReadServerCpuQuotaAsPercentOfOneCpuAndLeaveOtherScenariosUncapped() {
        Suite suite = SuiteParser.parse("tiny.yaml", VALID.replace("connections: [1, 100]",
                "connections: [1, 100]\n    serverCpuQuota: 50%").replace("    blockUs: 1000\n",
                "    blockUs: 1000\n    serverCpuQuota: 150\n"));

        assertThat(suite.scenarios()).extracting(Scenario::serverCpuQuotaPercent).containsExactly(50.0, 50.0, 150.0);
        assertThat(SuiteParser.parse("tiny.yaml", VALID).scenarios()).noneMatch(Scenario::serverCpuCapped);
    }

    @Test
    void shouldReadTheTransportOfEachScenarioAndDefaultToTcp() {
        Suite suite = SuiteParser.parse("tiny.yaml", VALID.replace("connections: [1, 100]",
                "connections: [1, 100]\n    transport: unix").replace("    blockUs: 1000\n", "    blockUs: 1000\n    transport: tcp\n"));

        assertThat(suite.scenarios()).extracting(Scenario::transport)
                .containsExactly(Transport.UNIX, Transport.UNIX, Transport.TCP);
        assertThat(SuiteParser.parse("tiny.yaml", VALID).scenarios()).extracting(Scenario::transport)
                .containsOnly(Transport.TCP);
    }

    @Test
    void shouldTakeIdleEchoOverUdpButMeasureNoMemoryPerConnectionThere() {
        Suite suite = SuiteParser.parse("idle.yaml", """
                name: idle
                designs: [a]
                scenarios:
                  - {name: idle-udp, app: echo, model: idle, heartbeat: 1s, connections: 10, transport: udp}
                  - {name: idle-unix, app: echo, model: idle, heartbeat: 1s, connections: 10, transport: unix}
                """);

        assertThat(suite.scenarios()).extracting(Scenario::measuresMemoryPerConnection).containsExactly(false, true);
    }

    @Test
    void shouldLoadEveryBuiltInSuiteByName() {
        for (String name : Suites.BUILT_IN) {
            Suite suite = Suites.load(name);
            assertThat(suite.name()).isEqualTo(name);
            assertThat(suite.source()).isEqualTo("builtin:" + name + ".yaml");
        }
        assertThat(Suites.load("smoke").designs()).hasSizeBetween(4, 6);
        assertThat(Suites.load("connections").scenarios()).extracting(Scenario::connections)
                .contains(Scenario.MAX_CONNECTIONS);
    }
}
