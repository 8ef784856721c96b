package io.reactorbench.scenarios.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.reactorbench.loadgen.Target;
import io.reactorbench.scenarios.suite.Scenario;
import io.reactorbench.scenarios.suite.SuiteError;
import io.reactorbench.scenarios.suite.SuiteParser;
import io.reactorbench.scenarios.suite.Suites;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The slowread model from suite file to {@code load} arguments: readRate reaches {@code --read-rate}. */
class SlowReadScenarioTest {

    private static String suite(String scenario) {
        return """
                name: tiny
                designs: [threads]
                scenarios:
                """ + scenario;
    }

    private static List<String> loadArgs(Scenario s) {
        return LoadArguments.of(s, Target.tcp(new InetSocketAddress("127.0.0.1", 9000)), Path.of("load.json"), Path.of("l.hlog"));
    }

    @Test
    void shouldPassTheReadRateToTheLoadGenerator() {
        Scenario s = SuiteParser.parse("tiny.yaml", suite("""
                  - {name: slow, app: echo, model: slowread, connections: 5, size: 16384, readRate: 4096}
                """)).scenarios().getFirst();

        List<String> args = loadArgs(s);
        assertThat(args).containsSequence("--model", "slowread");
        assertThat(args).containsSequence("--read-rate", "4096");
        assertThat(args).containsSequence("--size", "16384");
        assertThat(args).doesNotContain("--depth", "--rate");
    }

    @Test
    void shouldDefaultTheReadRateToSixteenKibPerSecond() {
        Scenario s = SuiteParser.parse("tiny.yaml", suite("""
                  - {name: slow, app: rpc, model: slowread, connections: 5}
                """)).scenarios().getFirst();

        assertThat(s.readRate()).isEqualTo(16 * 1024);
        assertThat(loadArgs(s)).containsSequence("--read-rate", "16384");
    }

    @Test
    void shouldPassNoReadRateForOtherModels() {
        Scenario s = SuiteParser.parse("tiny.yaml", suite("""
                  - {name: echo, app: echo, connections: 5}
                """)).scenarios().getFirst();

        assertThat(loadArgs(s)).doesNotContain("--read-rate");
    }

    @Test
    void shouldRejectReadRateOutsideSlowreadWithTheLine() {
        assertThatThrownBy(() -> SuiteParser.parse("tiny.yaml", suite("""
                  - name: echo
                    app: echo
                    connections: 5
                    readRate: 100
                """)))
                .isInstanceOf(SuiteError.class)
                .hasMessageContaining("tiny.yaml:7")
                .hasMessageContaining("only applies to model slowread");
    }

    @Test
    void shouldRejectHttpAndDepthInSlowread() {
        assertThatThrownBy(() -> SuiteParser.parse("tiny.yaml", suite("""
                  - {name: s, app: http, model: slowread, connections: 5}
                """))).hasMessageContaining("echo or rpc");
        assertThatThrownBy(() -> SuiteParser.parse("tiny.yaml", suite("""
                  - {name: s, app: echo, model: slowread, connections: 5, depth: 4}
                """))).hasMessageContaining("does not apply to model slowread");
    }

    @Test
    void shouldShipASlowReaderScenarioInTheStandardSuite() {
        Scenario s = Suites.load("standard").scenarios().stream()
                .filter(x -> x.name().equals("slow-reader")).findFirst().orElseThrow();

        assertThat(s.model()).isEqualTo("slowread");
        assertThat(s.connections()).isEqualTo(50);
        assertThat(s.readRate()).isEqualTo(16 * 1024);
    }
}
