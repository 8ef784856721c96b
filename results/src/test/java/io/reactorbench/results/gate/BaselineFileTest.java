package io.reactorbench.results.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.reactorbench.results.CellKey;
import io.reactorbench.results.ResultsFormatException;
import io.reactorbench.results.RunStatus;
import io.reactorbench.results.metric.Metric;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BaselineFileTest {

    @TempDir
    Path dir;

    private Path writeRun(String name, RunStatus status) {
        Path run = dir.resolve(name);
        SyntheticRuns.writeRun(run, status, List.of(
                SyntheticRuns.summary("rpc", "threads", 1, 100_000, 20, 0, 1_000_000, 0),
                SyntheticRuns.summary("rpc", "threads", 2, 110_000, 22, 0, 1_100_000, 0),
                SyntheticRuns.summary("rpc", "threads", 3, 90_000, 21, 0, 900_000, 0)));
        return run;
    }

    @Test
    void shouldKeepEveryTrialValueThroughSaveAndLoad() {
        Path run = writeRun("20261126-000000-test", RunStatus.COMPLETE);
        Path file = dir.resolve("baseline.json");
        BaselineFile.write(RunDirectoryReader.read(run), "2026-11-26T00:00:00Z", file);

        Measurements loaded = MeasurementSource.load(file);
        CellTrials cell = loaded.cell(new CellKey("rpc", "", "threads"));
        assertThat(cell.values(Metric.THROUGHPUT)).containsExactly(100_000, 110_000, 90_000);
        assertThat(cell.values(Metric.CPU_US_PER_REQUEST)).containsExactly(20, 22, 21);
        assertThat(cell.values(Metric.P99)).containsExactly(1_000_000, 1_100_000, 900_000);
        assertThat(cell.params()).isEqualTo(SyntheticRuns.RPC);
        assertThat(loaded.runId()).isEqualTo("20261126-000000-test");
        assertThat(loaded.environment().cpuModel()).isEqualTo("Test CPU");
    }

    @Test
    void shouldKeepWhyATrialsLatencyIsUnjudgeableThroughSaveAndLoad() {
        Measurements measured = new SyntheticRuns()
                .cell("rpc", "threads", Metric.P99, 1_000_000, 1_100_000)
                .generatorBehind("rpc", "threads", 2, "the load generator fell behind")
                .measurements("run");
        Path file = dir.resolve("baseline.json");
        BaselineFile.write(measured, "now", file);

        CellTrials cell = MeasurementSource.load(file).cell(new CellKey("rpc", "", "threads"));
        assertThat(cell.trials()).extracting(TrialValues::latencyUnjudgeableBecause)
                .containsExactly(null, "the load generator fell behind");
        assertThat(cell.unjudgeable(Metric.P99)).contains("trial 2");
        assertThat(cell.unjudgeable(Metric.THROUGHPUT)).isNull();
    }

    @Test
    void shouldWriteTheSchemaAndMediansAndNoHistograms() throws Exception {
        Path file = dir.resolve("baseline.json");
        BaselineFile.write(RunDirectoryReader.read(writeRun("r", RunStatus.COMPLETE)), "now", file);
        String json = Files.readString(file);
        assertThat(json).contains("\"schema\" : \"reactorbench.baseline/1\"").contains("\"median\"")
                .contains("\"throughput\" : 100000.0").doesNotContain("hlog");
    }

    @Test
    void shouldPassARunAgainstABaselineOfItself() {
        Path run = writeRun("r", RunStatus.COMPLETE);
        Path file = dir.resolve("baseline.json");
        BaselineFile.write(RunDirectoryReader.read(run), "now", file);
        GateReport report = Gate.evaluate(DefaultPolicy.policy(), MeasurementSource.load(file),
                MeasurementSource.load(run), false);
        assertThat(report.outcome()).isEqualTo(GateOutcome.PASS);
        assertThat(report.count(Verdict.PASS)).isEqualTo(report.rows().size());
    }

    @Test
    void shouldNotJudgeAnIncompleteCandidate() {
        Path complete = writeRun("a", RunStatus.COMPLETE);
        Path incomplete = writeRun("b", RunStatus.INCOMPLETE);
        GateReport report = Gate.evaluate(DefaultPolicy.policy(), MeasurementSource.load(complete),
                MeasurementSource.load(incomplete), false);
        assertThat(report.outcome()).isEqualTo(GateOutcome.CANNOT_JUDGE);
        assertThat(report.problems()).singleElement().asString().contains("candidate: run b is incomplete");
    }

    @Test
    void shouldRefuseToSaveABaselineOfAnIncompleteRun() {
        Measurements incomplete = RunDirectoryReader.read(writeRun("b", RunStatus.INCOMPLETE));
        assertThatThrownBy(() -> BaselineFile.write(incomplete, "now", dir.resolve("x.json")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("is incomplete");
    }

    @Test
    void shouldRejectAFileOfAnotherSchema() throws Exception {
        Path file = dir.resolve("other.json");
        Files.writeString(file, "{\"schema\": \"reactorbench.summary/1\"}");
        assertThatThrownBy(() -> MeasurementSource.load(file)).isInstanceOf(ResultsFormatException.class)
                .hasMessageContaining("unknown schema 'reactorbench.summary/1'");
    }
}
