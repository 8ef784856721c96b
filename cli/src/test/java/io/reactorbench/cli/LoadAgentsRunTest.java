package io.reactorbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.reactorbench.loadgen.Endpoints;
import io.reactorbench.loadgen.LoadAgents;
import io.reactorbench.loadgen.LoadOutputs;
import io.reactorbench.loadgen.LoadSpec;
import io.reactorbench.results.load.LoadJson;
import io.reactorbench.results.load.LoadResult;
import io.reactorbench.sys.PollerKind;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code load --agents 3} for real: two child JVMs started with this CLI's command line meet the parent at the
 * start barrier, and the merged result counts exactly what the three agents counted and records their start skew.
 */
class LoadAgentsRunTest {

    @TempDir
    Path dir;

    @RegisterExtension
    final LoadCliFixture fixture = new LoadCliFixture();

    @Test
    void shouldStartThreeAgentsTogetherAndCountTheSumOfWhatTheyMeasured() throws Exception {
        List<String> args = List.of("--target", fixture.target(), "--connections", "300", "--rate", "3000",
                "--duration", "1s", "--warmup", "0s", "--threads", "1", "--poller", "nio");
        LoadSpec whole = LoadSpec.builder().targets(Endpoints.parseTargets(List.of(fixture.target())))
                .connections(300).ratePerSec(3000).durationNs(TimeUnit.SECONDS.toNanos(1)).warmupNs(0).threads(1)
                .poller(PollerKind.NIO).build();
        Path json = dir.resolve("merged.json");
        LoadAgents agents = new LoadAgents(whole, 3, new LoadAgentCommand(args), new LoadOutputs(json,
                dir.resolve("merged.hlog"), new PrintStream(PrintStream.nullOutputStream()), System.err,
                LoadOutputs.Progress.NONE, false, false));

        LoadResult merged = agents.run();

        List<LoadResult> each = agents.agentResults();
        assertThat(each).hasSize(3).allSatisfy(r -> assertThat(r.requests()).isPositive());
        assertThat(merged.errors().total()).as(merged.firstErrors().toString()).isZero();
        assertThat(merged.requests()).isEqualTo(each.stream().mapToLong(LoadResult::requests).sum());
        assertThat(merged.latencyNs().uncorrected().count())
                .isEqualTo(each.stream().mapToLong(r -> r.latencyNs().uncorrected().count()).sum());
        assertThat(merged.latencyNs().corrected().count())
                .isEqualTo(each.stream().mapToLong(r -> r.latencyNs().corrected().count()).sum());
        assertThat(fixture.accepted()).isEqualTo(300);
        LoadResult written = LoadJson.read(json);
        assertThat(written.shards()).isEqualTo(3);
        assertThat(written.agentStartSkewMs()).isNotNull().isNotNegative();
    }
}
