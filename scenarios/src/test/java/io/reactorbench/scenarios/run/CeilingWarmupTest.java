package io.reactorbench.scenarios.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.reactorbench.loadgen.Target;
import io.reactorbench.scenarios.suite.Scenario;
import io.reactorbench.scenarios.suite.SuiteParser;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class CeilingWarmupTest {

    private static Scenario ceiling(String firstStep, String warmup) {
        return SuiteParser.parse("ramp.yaml", """
                name: ramp
                designs: [engine-epoll]
                scenarios:
                  - name: ceiling
                    app: echo
                    model: ceiling
                    steps: [%s, 1M]
                    connectRate: 20k
                    warmup: %s
                    hold: 5s
                    rate: 10k
                """.formatted(firstStep, warmup)).scenarios().getFirst();
    }

    @Test
    void warmsAFewConnectionsPerServerProcessWithinTheFirstStepAndOneLoadProcess() {
        assertThat(CeilingWarmup.connections(ceiling("10k", "5s"), 54, 19_800)).isEqualTo(2_700);
        assertThat(CeilingWarmup.connections(ceiling("1000", "5s"), 54, 19_800)).isEqualTo(1_000);
        assertThat(CeilingWarmup.connections(ceiling("10k", "5s"), 1, 19_800)).isEqualTo(50);
        assertThat(CeilingWarmup.connections(ceiling("10k", "5s"), 500, 19_800)).isEqualTo(10_000);
        assertThat(CeilingWarmup.connections(ceiling("50k", "5s"), 500, 19_800)).isEqualTo(19_800);
        assertThat(CeilingWarmup.connections(ceiling("10k", "5s"), 54, -1)).isEqualTo(2_700);
    }

    @Test
    void theWarmupIsAnOpenLoopOfTheScenarioRequestsForItsWarmupTime() {
        Scenario s = ceiling("10k", "7s");
        List<String> args = LoadArguments.warmup(s, Target.tcp(new InetSocketAddress("127.0.0.1", 9000)), 2_700, Path.of("w.json"));

        assertThat(String.join(" ", args)).startsWith(
                "load --target 127.0.0.1:9000 --app echo --model open --connections 2700 --warmup 0ms --duration 7000ms"
                        + " --json w.json --rate 10000");
        assertThat(args).contains("--connect-rate", "20000").doesNotContain("--steps", "--hold", "--agents", "--hlog");
    }
}
