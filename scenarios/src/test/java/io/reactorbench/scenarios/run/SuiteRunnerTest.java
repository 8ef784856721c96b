package io.reactorbench.scenarios.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.reactorbench.report.console.CellLine;
import io.reactorbench.report.console.EndOfRunTable;
import io.reactorbench.results.CellRef;
import io.reactorbench.results.CellSummary;
import io.reactorbench.results.ProbeSample;
import io.reactorbench.results.Results;
import io.reactorbench.results.RunManifest;
import io.reactorbench.results.RunStatus;
import io.reactorbench.scenarios.suite.Suite;
import io.reactorbench.scenarios.suite.SuiteParser;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The runner against stand-in children (see {@link StandInReactorbench}): files, failures, external designs. */
class SuiteRunnerTest {

    @TempDir
    Path runs;

    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();

    private SuiteRunner.Outcome run(String designs) {
        Suite suite = SuiteParser.parse("tiny.yaml", """
                name: tiny
                trials: 1
                warmup: 300ms
                duration: 1s
                designs: %s
                scenarios:
                  - name: echo
                    app: echo
                    connections: 2
                """.formatted(designs));
        return new SuiteRunner(StandIns.launcher(), new PrintStream(printed, true, StandardCharsets.UTF_8),
                SummaryRenderer.of(CellLine::of, EndOfRunTable::render)).run(suite, runs);
    }

    @Test
    void shouldWriteEveryResultFileForEachCell() {
        SuiteRunner.Outcome outcome = run("[alpha, beta]");

        RunManifest run = Results.readRun(outcome.runDir());
        assertThat(run.status()).isEqualTo(RunStatus.COMPLETE);
        assertThat(run.finishedAt()).isNotNull();
        assertThat(run.environment().cores()).isPositive();
        assertThat(run.environment().jvmOptions()).contains("--enable-native-access=ALL-UNNAMED");
        assertThat(run.suiteResolved().path("name").asString()).isEqualTo("tiny");
        assertThat(run.cells()).extracting(CellRef::design).containsExactly("alpha", "beta");
        for (CellRef cell : run.cells()) {
            CellSummary summary = Results.readSummary(outcome.runDir(), cell).orElseThrow();
            assertThat(summary.ok()).as(summary.reason()).isTrue();
            assertThat(summary.requests()).isPositive();
            assertThat(summary.latencyNs().uncorrected().p50()).isPositive();
            assertThat(summary.server().cpuUsPerRequest()).isPositive();
            assertThat(summary.server().allocatedBytesPerRequest()).isNotNull();
            assertThat(summary.server().rssBytes()).isPositive();
            assertThat(Results.readLatencyHistogram(Results.latencyLog(outcome.runDir(), cell), null).getTotalCount())
                    .isEqualTo(summary.requests());
            List<ProbeSample> samples = Results.readProbeSamples(Results.probeLog(outcome.runDir(), cell));
            assertThat(samples).hasSizeGreaterThanOrEqualTo(3);
            assertThat(samples.getLast().label()).isEqualTo("final");
            assertThat(samples).allSatisfy(s -> assertThat(s.rssBytes()).isPositive());
        }
        assertThat(printed.toString(StandardCharsets.UTF_8))
                .contains("cell 1/2 echo alpha trial 1")
                .contains("CPU µs/req")
                .contains("results: " + outcome.runDir());
    }

    @Test
    void shouldRecordACrashingDesignAsFailedAndGoOn() {
        SuiteRunner.Outcome outcome = run("[crash, alpha]");

        List<CellRef> cells = Results.listCells(outcome.runDir());
        assertThat(cells.getFirst().ok()).isFalse();
        assertThat(cells.getFirst().reason()).contains("exited with code 3").contains("boom");
        assertThat(cells.get(1).ok()).isTrue();
        assertThat(Results.readRun(outcome.runDir()).status()).isEqualTo(RunStatus.COMPLETE);
        assertThat(Files.exists(outcome.runDir().resolve(cells.getFirst().dir()).resolve("server.log"))).isTrue();
    }

    @Test
    void shouldMeasureAnExternalDesignFromOutside() {
        SuiteRunner.Outcome outcome = run("[{id: \"%s\", name: ext}]".formatted(StandIns.externalCommand()));

        CellSummary summary = outcome.summaries().getFirst();
        assertThat(summary.ok()).as(summary.reason()).isTrue();
        assertThat(summary.design()).isEqualTo("ext");
        assertThat(summary.server().cpuUsPerRequest()).isNotNull();
        assertThat(summary.server().allocatedBytesPerRequest()).isNull();
        assertThat(summary.server().rssBytes()).isPositive();
    }
}
