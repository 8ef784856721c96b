package io.reactorbench.scenarios.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.reactorbench.loadgen.Endpoints;
import io.reactorbench.results.CellSummary;
import io.reactorbench.results.ProbeSample;
import io.reactorbench.results.ResultsJson;
import io.reactorbench.results.load.LoadResult;
import io.reactorbench.scenarios.suite.Scenario;
import io.reactorbench.scenarios.suite.SuiteParser;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** A scenario's transport through the runner: the load generator's target, summary.json's params, idle memory. */
class CellTransportTest {

    private static Scenario scenario(String model, String transport) {
        return SuiteParser.parse("t.yaml", """
                name: t
                designs: [a]
                scenarios:
                  - {name: s, app: echo, model: %s, connections: 1000, transport: %s%s}
                """.formatted(model, transport, model.equals("idle") ? ", heartbeat: 1s" : "")).scenarios().getFirst();
    }

    private static String targetArgument(String readyAddress) {
        List<String> args = LoadArguments.of(scenario("idle", "tcp"), Endpoints.parseTarget(readyAddress),
                Path.of("load.json"), Path.of("latency.hlog"));
        return args.get(args.indexOf("--target") + 1);
    }

    @Test
    void shouldPointTheLoadGeneratorAtTheAddressServePrintedAfterReady() {
        assertThat(targetArgument("127.0.0.1:4000")).isEqualTo("127.0.0.1:4000");
        assertThat(targetArgument("udp:127.0.0.1:4000")).isEqualTo("udp:127.0.0.1:4000");
        assertThat(targetArgument("unix:/tmp/rb/server.sock")).isEqualTo("unix:/tmp/rb/server.sock");
    }

    @Test
    void shouldWriteTheTransportIntoTheSummaryParams() {
        assertThat(CellMeasurements.params(scenario("idle", "unix")).transport()).isEqualTo("unix");
        assertThat(CellMeasurements.params(scenario("closed", "udp")).transport()).isEqualTo("udp");
        JsonNode written = ResultsJson.mapper().valueToTree(CellMeasurements.params(scenario("idle", "tcp")));
        assertThat(written.path("transport").asString()).isEqualTo("tcp");
    }

    @Test
    void shouldMeasureMemoryPerConnectionOverUnixButNotOverUdp() {
        assertThat(idleSummary(scenario("idle", "unix")).memory()).isNotNull();
        assertThat(idleSummary(scenario("idle", "udp")).memory()).as("udp has no connections to charge").isNull();
    }

    /** An idle cell whose settled samples saw 1,000 connections cost 2 MB, as if the runner had taken them. */
    private static CellSummary idleSummary(Scenario s) {
        ProbeSample before = new ProbeSample("idle-before", 0, 0L, 0L, 0L, 0L, 0.0, 0.0, List.of(), 0L, 10_000_000L, 5,
                0, 1L, 0L, 100_000_000L);
        ProbeSample after = new ProbeSample("idle-after", 1, 1L, 0L, 0L, 0L, 0.0, 0.0, List.of(), 0L, 10_500_000L, 5,
                1_000, 1L, 0L, 102_000_000L);
        LoadResult load = ResultsJson.mapper().readValue("""
                {"requests": 4000, "throughput": 1000, "windowSeconds": 4,
                 "errors": {"connect": 0, "timeout": 0, "reset": 0, "protocol": 0, "total": 0}}
                """, LoadResult.class);
        return CellMeasurements.summarize(new CellMeasurements.Recorded(s, "d", 1, load, List.of(before, after),
                new MeasuredWindow(0, 4_000), 0, List.of(before), List.of(after), List.of()));
    }
}
