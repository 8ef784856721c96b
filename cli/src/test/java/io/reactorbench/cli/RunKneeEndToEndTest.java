package io.reactorbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.reactorbench.results.CellRef;
import io.reactorbench.results.CellSummary;
import io.reactorbench.results.Results;
import io.reactorbench.results.RunManifest;
import io.reactorbench.results.sweep.SweepResult;
import io.reactorbench.results.sweep.SweepStep;
import io.reactorbench.scenarios.run.SerialEchoServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code find: max-rate} end to end (issue 19 B): a suite whose design is a server of known capacity (one thread,
 * 2 ms per request, so 1 / 2 ms = 500 requests per second), an objective loose enough to sit just below saturation
 * (p99 50 ms: a server past its capacity builds a backlog that passes it within a step), and the real runner, serve
 * and load. The sustained rate it reports is within 15 % of the analytic capacity, found in a bounded number of
 * steps, with the step that broke the objective above it.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class RunKneeEndToEndTest {

    private static final double CAPACITY_PER_SEC = 500;
    private static final int MAX_STEPS = 10;

    @TempDir
    Path temp;

    @Test
    void shouldFindTheKneeOfAServerOfKnownCapacity() throws Exception {
        Path suite = temp.resolve("knee.yaml");
        Files.writeString(suite, """
                name: knee-small
                trials: 1
                cpus: none
                designs:
                  - {id: '%s', name: serial-2ms}
                scenarios:
                  - name: knee
                    app: echo
                    connections: 4
                    threads: 1
                    find: max-rate
                    slo: {p99: 50ms, errors: 1%%}
                    startRate: 200
                    maxSteps: %d
                    warmup: 500ms
                    duration: 1500ms
                """.formatted(SerialEchoServer.externalDesign(Duration.ofMillis(2), 64), MAX_STEPS));
        Path runs = temp.resolve("runs");

        int exit = RealRun.run(suite, runs);

        Path runDir = Results.listRuns(runs).getFirst();
        RunManifest run = Results.readRun(runDir);
        assertThat(run.cells()).extracting(CellRef::reason).containsOnlyNulls();
        assertThat(exit).isZero();
        CellSummary summary = Results.readSummary(runDir, run.cells().getFirst()).orElseThrow();
        SweepResult sweep = summary.sweep();
        assertThat(sweep.find()).isEqualTo(SweepResult.FIND_MAX_RATE);
        assertThat(sweep.steps()).hasSizeLessThanOrEqualTo(MAX_STEPS);
        assertThat(sweep.kneeFound()).as(sweep.outcome()).isTrue();
        assertThat(sweep.sustainedRatePerSec()).as(sweep.outcome())
                .isBetween(CAPACITY_PER_SEC * 0.85, CAPACITY_PER_SEC * 1.15);
        SweepStep broke = sweep.steps().get(sweep.brokenByStep());
        assertThat(broke.metObjective()).isFalse();
        assertThat(broke.offeredRatePerSec()).isGreaterThan(sweep.sustainedRatePerSec());
        assertThat(sweep.steps()).filteredOn(SweepStep::metObjective)
                .allSatisfy(step -> assertThat(step.breach()).isNull());
    }
}
