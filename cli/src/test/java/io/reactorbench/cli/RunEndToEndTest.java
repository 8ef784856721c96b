package io.reactorbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.reactorbench.results.CellRef;
import io.reactorbench.results.CellSummary;
import io.reactorbench.results.ProbeSample;
import io.reactorbench.results.Results;
import io.reactorbench.results.RunManifest;
import io.reactorbench.results.RunStatus;
import io.reactorbench.scenarios.run.Launcher;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.HdrHistogram.EncodableHistogram;
import org.HdrHistogram.HistogramLogReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code reactorbench run} end to end with the real {@code serve} and {@code load} in child JVMs started from
 * the test class path (the shaded jar is built after the tests), asserting the results files against
 * docs/results-schema.md.
 */
class RunEndToEndTest {

    @TempDir
    Path temp;

    @Test
    void shouldRunATinySuiteAndWriteResultsThatMatchTheSchema() throws Exception {
        Path suite = temp.resolve("tiny.yaml");
        Files.writeString(suite, """
                name: tiny
                trials: 1
                warmup: 500ms
                duration: 1500ms
                server: {loops: 1}
                serverJvmOptions: [-Xmx128m]
                designs: [threads, vthreads]
                scenarios:
                  - {name: echo, app: echo, model: closed, connections: 4, size: 64}
                """);
        RunCommand command = new RunCommand();
        command.launcher = Launcher.fromClassPath(ProcessHandle.current().info().command().orElseThrow(),
                System.getProperty("java.class.path"), Main.class.getName());
        Path runs = temp.resolve("runs");

        int exit = new CommandLine(command).execute(suite.toString(), "--out", runs.toString());

        Path runDir = Results.listRuns(runs).getFirst();
        RunManifest run = Results.readRun(runDir);
        assertThat(run.cells()).extracting(CellRef::reason).containsOnlyNulls();
        assertThat(exit).isZero();
        assertThat(run.schema()).isEqualTo("reactorbench.run/1");
        assertThat(run.id()).isEqualTo(runDir.getFileName().toString()).endsWith("-tiny");
        assertThat(run.status()).isEqualTo(RunStatus.COMPLETE);
        assertThat(run.startedAt()).isNotNull();
        assertThat(run.finishedAt()).isNotNull();
        assertThat(run.environment().cores()).isPositive();
        assertThat(run.environment().jdk()).contains("25");
        assertThat(run.environment().kernel()).isNotBlank();
        assertThat(run.environment().fdLimit()).isPositive();
        assertThat(run.environment().jvmOptions()).contains("-Xmx128m", "--sun-misc-unsafe-memory-access=allow");
        assertThat(run.environment().pinning()).isNotNull();
        assertThat(run.suiteResolved().path("scenarios").size()).isEqualTo(1);
        assertThat(run.cells()).extracting(CellRef::design).containsExactly("threads", "vthreads");

        for (CellRef cell : run.cells()) {
            Path dir = runDir.resolve(cell.dir());
            assertThat(dir).isEqualTo(runDir.resolve("echo").resolve(cell.design()).resolve("trial-1"));
            CellSummary summary = Results.readSummary(dir);
            assertThat(summary.schema()).isEqualTo("reactorbench.summary/2");
            assertThat(summary.ok()).as(summary.reason()).isTrue();
            assertThat(summary.params().app()).isEqualTo("echo");
            assertThat(summary.params().connections()).isEqualTo(4);
            assertThat(summary.windowSeconds()).isPositive();
            assertThat(summary.requests()).isPositive();
            assertThat(summary.throughput()).isPositive();
            assertThat(summary.errors().total()).isZero();
            assertThat(summary.latencyNs().corrected()).as("closed loop has no corrected view").isNull();
            assertThat(summary.latencyNs().uncorrected().count()).isPositive();
            assertThat(summary.latencyNs().uncorrected().p99()).isGreaterThanOrEqualTo(summary.latencyNs().uncorrected().p50());
            assertThat(summary.server().cpuUsPerRequest()).isNotNull();
            assertThat(summary.server().allocatedBytesPerRequest()).isNotNull();
            assertThat(summary.allocationCalibration()).as("the probe's calibration, written").isNotNull();
            assertThat(summary.allocationCalibration().probeAnswerBytes()).isNotEmpty();
            assertThat(summary.allocationCalibration().probeAnswersInWindow()).isPositive();
            assertThat(summary.generatorSchedule()).as("closed loop keeps no send schedule").isNull();
            assertThat(summary.server().gc()).isNotNull();
            assertThat(summary.server().rssBytes()).isPositive();
            assertThat(summary.server().threads()).isPositive();
            assertThat(summary.memory()).isNull();

            HistogramLogReader reader = new HistogramLogReader(new File(dir.resolve("latency.hlog").toString()));
            long counted = 0;
            EncodableHistogram interval;
            while ((interval = reader.nextIntervalHistogram()) != null) {
                counted += ((org.HdrHistogram.Histogram) interval).getTotalCount();
            }
            assertThat(counted).isPositive();

            List<ProbeSample> samples = Results.readProbeSamples(dir.resolve("server.jsonl"));
            assertThat(samples).hasSizeGreaterThanOrEqualTo(3);
            assertThat(samples).allSatisfy(s -> {
                assertThat(s.cpuNs()).isNotNull();
                assertThat(s.allocatedBytes()).isNotNull();
                assertThat(s.rssBytes()).isPositive();
            });
        }
    }
}
