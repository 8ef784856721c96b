package io.reactorbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.reactorbench.results.load.LoadJson;
import io.reactorbench.results.load.LoadResult;
import java.nio.file.Path;
import org.HdrHistogram.HistogramLogReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class LoadCommandTest {

    @TempDir
    Path dir;

    @RegisterExtension
    final LoadCliFixture fixture = new LoadCliFixture();

    private int run(String... args) {
        return fixture.run(args);
    }

    private String target() {
        return fixture.target();
    }

    @Test
    void shouldRefuseARemoteTargetWithOneLineAndExit2() {
        int exit = run("load", "--target", "192.0.2.10:80", "--duration", "1s");
        assertThat(exit).isEqualTo(2);
        assertThat(fixture.err().lines().toList()).singleElement()
                .asString().contains("not a loopback address").contains("--allow-remote");
    }

    @Test
    void shouldRejectBadDurationsAndShardsWithExit2() {
        assertThat(run("load", "--target", target(), "--duration", "ten")).isEqualTo(2);
        assertThat(run("load", "--target", target(), "--shard", "2/2")).isEqualTo(2);
        assertThat(fixture.err()).contains("bad duration").contains("bad --shard");
    }

    @Test
    void shouldRefuseAStartBarrierWithoutAShardWithExit2() {
        assertThat(run("load", "--target", target(), "--start-barrier", dir.resolve("x.ready").toString()))
                .isEqualTo(2);
        assertThat(fixture.err()).contains("--start-barrier applies to one agent of several");
    }

    @Test
    void shouldPrintTheSummaryAndWriteJsonAndIntervalLog() throws Exception {
        Path json = dir.resolve("out.json");
        Path hlog = dir.resolve("out.hlog");
        int exit = run("load", "--target", target(), "--app", "echo", "--connections", "4", "--rate", "400",
                "--duration", "1500ms", "--warmup", "0s", "--threads", "1", "--json", json.toString(),
                "--hlog", hlog.toString(),
                "--progress", "lines");
        String printed = fixture.out();
        assertThat(exit).as(printed + fixture.err()).isZero();
        assertThat(printed).contains("Latency, corrected for coordinated omission").contains("Latency, uncorrected")
                .contains("Detailed percentile spectrum").contains("Requests/sec:");
        LoadResult result = LoadJson.read(json);
        assertThat(result.errors().total()).isZero();
        assertThat(result.requests()).isPositive();
        assertThat(result.params().model()).isEqualTo("open");
        HistogramLogReader reader = new HistogramLogReader(hlog.toFile());
        assertThat(reader.nextIntervalHistogram()).isNotNull();
        reader.close();
    }

    @Test
    void shouldSplitTheLoadOverAgentsAndMergeTheirHistograms() throws Exception {
        Path json = dir.resolve("agents.json");
        int exit = run("load", "--target", target(), "--connections", "4", "--rate", "200", "--duration", "1s",
                "--warmup", "0s",
                "--threads", "1", "--agents", "2", "--json", json.toString(), "--progress", "none");
        assertThat(exit).as(fixture.out() + fixture.err()).isZero();
        LoadResult merged = LoadJson.read(json);
        assertThat(merged.shards()).isEqualTo(2);
        assertThat(merged.errors().total()).isZero();
        assertThat(merged.latencyNs().uncorrected().count()).isEqualTo(merged.requests());
        assertThat(merged.requests()).isPositive();
        // send lateness merged from the agents' histograms: every send of each agent, counted once
        long agentsSends = 0;
        for (int i = 0; i < 2; i++) {
            agentsSends += LoadJson.read(dir.resolve("agents").resolve("agent-" + i + ".json")).sendLatenessNs().count();
        }
        assertThat(merged.sendLatenessNs().count()).isPositive().isEqualTo(agentsSends);
    }
}
