package io.reactorbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.reactorbench.results.AtomicFiles;
import io.reactorbench.results.CellParams;
import io.reactorbench.results.CellRef;
import io.reactorbench.results.CellStatus;
import io.reactorbench.results.CellSummary;
import io.reactorbench.results.ErrorCounts;
import io.reactorbench.results.GcPauses;
import io.reactorbench.results.LatencySummary;
import io.reactorbench.results.LatencyViews;
import io.reactorbench.results.MemoryPerConnection;
import io.reactorbench.results.ResultsJson;
import io.reactorbench.results.ResultsLayout;
import io.reactorbench.results.RunManifest;
import io.reactorbench.results.RunStatus;
import io.reactorbench.results.SchemaVersions;
import io.reactorbench.results.ServerMetrics;
import io.reactorbench.scenarios.suite.DesignSpec;
import io.reactorbench.scenarios.suite.Scenario;
import io.reactorbench.scenarios.suite.Suite;
import io.reactorbench.scenarios.suite.Suites;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The policies in {@code gate/} judge the suites they are written for: every rule finds its designs and scenarios
 * in a run shaped like the suite (its real designs × scenarios × trials, read from the suite file), so none makes
 * the gate exit 2 for matching nothing. The numbers are made up to meet every budget.
 */
class ShippedGatePoliciesTest {

    private static final Path GATE_DIR = Path.of("..", "gate");

    @TempDir
    Path dir;

    @Test
    void shouldPassTheCiPolicyOnASmokeShapedRun() {
        Path run = suiteShapedRun(Suites.load("smoke"));
        ReportCliFixture.Outcome outcome = ReportCliFixture.execute("gate", "--candidate", run.toString(),
                "--policy", GATE_DIR.resolve("ci-policy.yaml").toString());
        assertThat(outcome.exitCode()).as(outcome.out() + outcome.err()).isZero();
        assertThat(outcome.out()).contains("gate: PASS");
    }

    @Test
    void shouldPassTheEngineTargetsOnAnEngineVsNettyShapedRun() {
        Path run = suiteShapedRun(Suites.load("engine-vs-netty"));
        ReportCliFixture.Outcome outcome = ReportCliFixture.execute("gate", "--candidate", run.toString(),
                "--policy", GATE_DIR.resolve("engine-targets.yaml").toString());
        assertThat(outcome.exitCode()).as(outcome.out() + outcome.err()).isZero();
        assertThat(outcome.out()).contains("gate: PASS");
    }

    @Test
    void shouldJudgeASmokeRunAgainstItselfUnderTheDefaultPolicyWithoutAnInputError() {
        Path run = suiteShapedRun(Suites.load("smoke"));
        ReportCliFixture.Outcome outcome = ReportCliFixture.execute("gate", "--baseline", run.toString(),
                "--candidate", run.toString());
        assertThat(outcome.exitCode()).as(outcome.out() + outcome.err()).isZero();
        assertThat(outcome.out()).doesNotContain("CANNOT JUDGE");
    }

    /**
     * A complete run with every cell of the suite: engine designs allocate nothing and beat netty-epoll by 20 % in
     * throughput at 80 % of its CPU per request (engine-uring at 70 %, 0.875 x engine-epoll's, as issue 21 asks of
     * it), idle cells measure 100 B of heap per connection.
     */
    private Path suiteShapedRun(Suite suite) {
        Path runDir = dir.resolve(suite.name());
        List<CellRef> refs = new ArrayList<>();
        for (int trial = 1; trial <= suite.trials(); trial++) {
            for (Scenario scenario : suite.scenarios()) {
                for (DesignSpec design : suite.designs()) {
                    boolean engine = design.name().startsWith("engine-");
                    double cpuUsPerRequest = design.name().equals("engine-uring") ? 7.0 : engine ? 8.0 : 10.0;
                    LatencySummary latency = new LatencySummary(1000, 500_000, 400_000, 500_000, 600_000, 900_000,
                            1_000_000, 1_000_000, 1_000_000);
                    MemoryPerConnection memory = scenario.idle()
                            ? new MemoryPerConnection(scenario.connections(), 2000.0, 100.0, "smaps", 50.0, false, 2000.0)
                            : null;
                    CellParams params = new CellParams(scenario.app(), scenario.model(), scenario.connections(), 0, 64,
                            1, 64, 0, 0, 1, 2);
                    CellSummary summary = new CellSummary(SchemaVersions.SUMMARY, scenario.name(), scenario.variant(),
                            design.name(), trial, CellStatus.OK, null, params, 2, 200_000, engine ? 120_000 : 100_000,
                            new ErrorCounts(0, 0, 0, 0, 0), new LatencyViews(null, latency),
                            new ServerMetrics(cpuUsPerRequest, engine ? 0.0 : 500.0, GcPauses.NONE, 1L, 1L, 1),
                            memory, null);
                    String cellDir = ResultsLayout.cellDir(summary.scenarioKey(), design.name(), trial);
                    refs.add(new CellRef(scenario.name(), scenario.variant(), design.name(), trial, CellStatus.OK, null,
                            cellDir));
                    AtomicFiles.writeString(runDir.resolve(cellDir).resolve(ResultsLayout.SUMMARY_FILE),
                            ResultsJson.mapper().writeValueAsString(summary));
                }
            }
        }
        RunManifest manifest = new RunManifest(SchemaVersions.RUN, suite.name(), suite.name(), RunStatus.COMPLETE,
                "2026-12-05T00:00:00Z", "2026-12-05T00:10:00Z", null, null, refs);
        AtomicFiles.writeString(runDir.resolve(ResultsLayout.RUN_FILE), ResultsJson.mapper().writeValueAsString(manifest));
        return runDir;
    }
}
