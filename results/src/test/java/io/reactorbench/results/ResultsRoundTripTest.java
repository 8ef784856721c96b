package io.reactorbench.results;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResultsRoundTripTest {

    @TempDir
    Path temp;

    @Test
    void shouldReadBackWhatTheStoreWrote() {
        ResultsStore store = ResultsStore.create(temp, "smoke", ZonedDateTime.parse("2026-11-26T03:00:00Z"));
        CellRef cell = new CellRef("echo", "connections=100", "threads", 1, CellStatus.OK, null,
                ResultsLayout.cellDir("echo@connections=100", "threads", 1));
        Environment environment = new Environment("cpu", 2, "6.1", "Linux", "25", List.of("-Xmx1g"), 20000L, "host",
                null, new Pinning("0", "1", false, "taskset not found"));
        store.writeRun(new RunManifest(SchemaVersions.RUN, store.id(), "smoke", RunStatus.INCOMPLETE,
                "2026-11-26T03:00:00Z", null, environment, null, List.of(cell), List.of("netty-iouring skipped")));
        LatencySummary latency = new LatencySummary(10, 1.5, 1, 2, 3, 4, 5, 6, 7);
        store.writeSummary(store.cellDir(cell), new CellSummary(SchemaVersions.SUMMARY, "echo", "connections=100",
                "threads", 1, CellStatus.OK, null, null, 4, 10, 2.5, ErrorCounts.NONE,
                new LatencyViews(null, latency), new ServerMetrics(3.0, 0.0, GcPauses.NONE, 1L, 2L, 3), null, null));
        store.appendProbeSample(store.cellDir(cell), new ProbeSample("sample", 1, 2L, 3L, 4L, 0L, 0.0, 0.0,
                List.of(List.of(1.0, 2.0)), 5L, 6L, 7, 8, 9L, 10L, 11L));

        RunManifest run = Results.readRun(store.runDir());
        assertThat(store.id()).isEqualTo("20261126-030000-smoke");
        assertThat(run.status()).isEqualTo(RunStatus.INCOMPLETE);
        assertThat(run.environment().pinning().applied()).isFalse();
        assertThat(Results.listCells(store.runDir())).containsExactly(cell);
        CellSummary summary = Results.readSummaries(store.runDir()).getFirst();
        assertThat(summary.latencyNs().preferred()).isEqualTo(latency);
        assertThat(summary.scenarioKey()).isEqualTo("echo@connections=100");
        assertThat(Results.readProbeSamples(Results.probeLog(store.runDir(), cell)).getFirst().pauses())
                .containsExactly(List.of(1.0, 2.0));
    }

    @Test
    void shouldRejectUnknownSchemaNamingTheFile() throws Exception {
        Path file = temp.resolve("run.json");
        Files.writeString(file, "{\"schema\":\"reactorbench.run/9\",\"id\":\"x\"}");

        assertThatThrownBy(() -> Results.readRun(temp))
                .isInstanceOf(ResultsFormatException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("unknown schema 'reactorbench.run/9'");
    }

    @Test
    void shouldReadAVersionOneSummaryWithTheFieldsAddedInTwoAbsent() throws Exception {
        Path file = temp.resolve("summary.json");
        Files.writeString(file, """
                {"schema":"reactorbench.summary/1","scenario":"echo","design":"threads","trial":1,"status":"ok",
                 "windowSeconds":4,"requests":10,"throughput":2.5}""");

        CellSummary summary = Results.readSummary(file);

        assertThat(summary.requests()).isEqualTo(10);
        assertThat(summary.errorRate()).isNull();
        assertThat(SchemaVersions.SUMMARY).isEqualTo("reactorbench.summary/2");
    }

    @Test
    void shouldRejectASummaryOfAnUnknownVersionNamingTheOnesItReads() throws Exception {
        Path file = temp.resolve("summary.json");
        Files.writeString(file, "{\"schema\":\"reactorbench.summary/9\",\"scenario\":\"echo\"}");

        assertThatThrownBy(() -> Results.readSummary(file))
                .isInstanceOf(ResultsFormatException.class)
                .hasMessageContaining("unknown schema 'reactorbench.summary/9', this reader understands"
                        + " 'reactorbench.summary/2', 'reactorbench.summary/1'");
    }

    @Test
    void shouldIgnoreFieldsAddedByALaterMinorWriter() throws Exception {
        Files.writeString(temp.resolve("summary.json"), """
                {"schema":"reactorbench.summary/1","scenario":"s","design":"d","trial":1,"status":"failed",
                 "reason":"startup timeout","somethingNew":42}""");

        CellSummary summary = Results.readSummary(temp);

        assertThat(summary.ok()).isFalse();
        assertThat(summary.reason()).isEqualTo("startup timeout");
        assertThat(summary.variant()).isEmpty();
    }

    @Test
    void shouldReadTheTransportOfACellAndTakeOlderSummariesWithoutItAsTcp() throws Exception {
        Files.writeString(temp.resolve("summary.json"), """
                {"schema":"reactorbench.summary/1","scenario":"s","design":"d","trial":1,"status":"ok",
                 "params":{"app":"echo","model":"closed","connections":4,"rate":0,"size":64,"depth":1}}""");
        Path unixCell = Files.createDirectories(temp.resolve("unix"));
        Files.writeString(unixCell.resolve("summary.json"), """
                {"schema":"reactorbench.summary/1","scenario":"s","design":"d","trial":1,"status":"ok",
                 "params":{"app":"echo","model":"closed","connections":4,"transport":"unix"}}""");

        assertThat(Results.readSummary(temp).params().transport()).isEqualTo("tcp");
        assertThat(Results.readSummary(unixCell).params().transport()).isEqualTo("unix");
    }

    @Test
    void shouldReadTheServerProcessesOfACellAndTakeOlderSummariesWithoutThemAsOneProcess() throws Exception {
        Files.writeString(temp.resolve("summary.json"), """
                {"schema":"reactorbench.summary/1","scenario":"s","design":"d","trial":1,"status":"ok",
                 "params":{"app":"echo","model":"closed","connections":4,"transport":"tcp"}}""");
        Path prefork = Files.createDirectories(temp.resolve("prefork"));
        Files.writeString(prefork.resolve("summary.json"), """
                {"schema":"reactorbench.summary/1","scenario":"s","design":"d","trial":1,"status":"ok",
                 "params":{"app":"echo","model":"closed","connections":4,"serverProcesses":3,
                 "serverJvmOptions":["-Xms32m","-Xmx68m"]}}""");

        assertThat(Results.readSummary(temp).params().serverProcesses()).isEqualTo(1);
        assertThat(Results.readSummary(temp).params().serverJvmOptions()).isNull();
        assertThat(Results.readSummary(prefork).params().serverProcesses()).isEqualTo(3);
        assertThat(Results.readSummary(prefork).params().serverJvmOptions()).containsExactly("-Xms32m", "-Xmx68m");
    }

    @Test
    void shouldGiveMedianMinMaxOverTrials() {
        assertThat(Spread.of(List.of(3, 1, 2, 10))).isEqualTo(new Spread(2.5, 1, 10, 4));
        assertThat(Spread.of(List.of())).isNull();
    }
}
