package io.reactorbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.reactorbench.loadgen.IntervalLogTags;
import io.reactorbench.loadgen.LoadAgents;
import io.reactorbench.results.CellRef;
import io.reactorbench.results.CellSummary;
import io.reactorbench.results.ProbeSample;
import io.reactorbench.results.Results;
import io.reactorbench.results.RunManifest;
import io.reactorbench.results.load.LoadJson;
import io.reactorbench.results.load.LoadResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The million suite's mechanics at CI size (issue 18), with the real serve and load in child JVMs: 40,000
 * connections in a two-step ceiling ramp, over 3 server processes sharing one port and over the load agents and
 * source addresses the runner chose by itself. The merged histograms hold exactly the agents' requests, the server
 * figures are the three processes' sums, the agents started within a second of each other, every connection was
 * verified by an echo, and nothing is left running.
 */
@Timeout(value = 300, unit = TimeUnit.SECONDS)
class RunMillionSmallEndToEndTest {

    private static final int TOP_STEP = 40_000;

    @TempDir
    Path temp;

    @Test
    void shouldHoldFortyThousandConnectionsOverThreeServersAndThreeAgents() throws Exception {
        Path runs = temp.resolve("runs");

        int exit = RealRun.run(RealRun.copySuite("million-small.yaml", temp), runs);

        Path runDir = Results.listRuns(runs).getFirst();
        RunManifest run = Results.readRun(runDir);
        assertThat(run.cells()).extracting(CellRef::reason).containsOnlyNulls();
        assertThat(exit).isZero();
        CellRef cell = run.cells().getFirst();
        Path cellDir = runDir.resolve(cell.dir());
        CellSummary summary = Results.readSummary(runDir, cell).orElseThrow();
        assertThat(summary.ok()).as(summary.reason()).isTrue();

        // the ramp: both steps held and every connection answered its verification echo
        assertThat(summary.ceiling().highestHeld()).isEqualTo(TOP_STEP);
        assertThat(summary.ceiling().stoppedBy()).isNull();
        assertThat(summary.ceiling().steps()).extracting(step -> step.load().heldConnections())
                .containsExactly(10_000, 40_000);
        assertThat(summary.ceiling().steps()).allSatisfy(step -> {
            assertThat(step.load().verified()).isEqualTo(step.load().heldConnections());
            assertThat(step.load().requests()).isPositive();
            assertThat(step.serverHeapBytes()).isPositive();
            assertThat(step.heapPerConnectionBytes()).isNotNull();
        });

        // three server processes, their figures summed: every connection counted once, in one of them
        assertThat(summary.params().serverProcesses()).isEqualTo(3);
        try (Stream<Path> files = Files.list(cellDir)) {
            assertThat(files.map(p -> p.getFileName().toString()).filter(n -> n.matches("server-\\d+\\.log")))
                    .hasSize(3);
        }
        List<ProbeSample> samples = Results.readProbeSamples(Results.probeLog(runDir, cell));
        assertThat(samples).extracting(ProbeSample::connections).contains(TOP_STEP)
                .allMatch(connections -> connections == null || connections <= TOP_STEP);

        // the load: spread by the runner over agents and source addresses, started together
        assertThat(summary.loadPlacement().agents()).isGreaterThanOrEqualTo(3);
        assertThat(summary.loadPlacement().sourceAddresses()).isGreaterThanOrEqualTo(2);
        assertThat(summary.loadPlacement().agentStartSkewMs()).isNotNull().isBetween(0L, 999L);

        // the merge: the merged requests are the agents' sum, and the merged log holds exactly them
        List<LoadResult> agents = agentResults(cellDir.resolve(LoadAgents.AGENTS_DIR));
        assertThat(agents).hasSize(summary.loadPlacement().agents());
        long agentRequests = agents.stream().mapToLong(LoadResult::requests).sum();
        assertThat(summary.requests()).isEqualTo(agentRequests).isPositive();
        long logged = 0; // the corrected interval of each step's hold (and its uncorrected twin, not counted twice)
        for (int step = 0; step < summary.ceiling().steps().size(); step++) {
            logged += Results.readLatencyHistogram(cellDir.resolve("latency.hlog"),
                    IntervalLogTags.stepTag(step, true)).getTotalCount();
        }
        assertThat(logged).isEqualTo(agentRequests);

        assertThat(RealRun.childrenOfThisBuild(line -> line.contains(" serve ") && line.contains("--reuse-port")
                || line.contains(" load ") && line.contains(runs.toString())))
                .as("serve or load processes left running").isEmpty();
    }

    private static List<LoadResult> agentResults(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".json")).sorted()
                    .map(RunMillionSmallEndToEndTest::read).toList();
        }
    }

    private static LoadResult read(Path json) {
        try {
            return LoadJson.read(json);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
