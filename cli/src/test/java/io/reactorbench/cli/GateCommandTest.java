package io.reactorbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.reactorbench.results.AtomicFiles;
import io.reactorbench.results.CellParams;
import io.reactorbench.results.CellRef;
import io.reactorbench.results.CellStatus;
import io.reactorbench.results.CellSummary;
import io.reactorbench.results.Environment;
import io.reactorbench.results.ErrorCounts;
import io.reactorbench.results.GcPauses;
import io.reactorbench.results.LatencySummary;
import io.reactorbench.results.LatencyViews;
import io.reactorbench.results.Results;
import io.reactorbench.results.ResultsJson;
import io.reactorbench.results.ResultsLayout;
import io.reactorbench.results.ResultsStore;
import io.reactorbench.results.RunManifest;
import io.reactorbench.results.RunStatus;
import io.reactorbench.results.SchemaVersions;
import io.reactorbench.results.ServerMetrics;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code gate} and {@code baseline save} on made-up run directories: exit codes, files, messages. */
class GateCommandTest {

    private static final CellParams RPC = new CellParams("rpc", "closed", 4, 0, 64, 1, 64, 0, 0, 1, 1);

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private PrintStream savedOut;
    private PrintStream savedErr;

    @BeforeEach
    void capture() {
        savedOut = System.out;
        savedErr = System.err;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restore() {
        System.setOut(savedOut);
        System.setErr(savedErr);
    }

    @Test
    void shouldPassARepeatAgainstASavedBaselineAndWriteMarkdownAndJson() throws Exception {
        Path first = run("first", RunStatus.COMPLETE, 20);
        Path second = run("second", RunStatus.COMPLETE, 20.5);
        Path baseline = dir.resolve("baseline.json");
        assertThat(Main.execute("baseline", "save", first.toString(), "--to", baseline.toString())).isZero();
        assertThat(out.toString()).contains("baseline: wrote").contains("2 cells, 6 trials");

        Path markdown = dir.resolve("summary.md");
        Path json = dir.resolve("gate.json");
        int exit = Main.execute("gate", "--baseline", baseline.toString(), "--candidate", second.toString(),
                "--markdown", markdown.toString(), "--json", json.toString());
        assertThat(exit).as(out + "\n" + err).isZero();
        assertThat(out.toString()).contains("gate: PASS");
        assertThat(Files.readString(markdown)).contains("## reactorbench gate: pass").contains("| server-cpu |");
        assertThat(Files.readString(json)).contains("\"outcome\" : \"pass\"");
    }

    @Test
    void shouldAppendToTheStepSummaryAndReplaceOtherMarkdownFiles() throws Exception {
        Path summary = dir.resolve("step-summary.md");
        Files.writeString(summary, "earlier step output\n");
        GateOutputFiles.writeMarkdown(summary, "table\n", summary.toString());
        assertThat(Files.readString(summary)).isEqualTo("earlier step output\ntable\n");

        Path other = dir.resolve("gate.md");
        GateOutputFiles.writeMarkdown(other, "first\n", summary.toString());
        GateOutputFiles.writeMarkdown(other, "second\n", summary.toString());
        assertThat(Files.readString(other)).isEqualTo("second\n");
    }

    @Test
    void shouldExitOneAndNameTheRuleWhenCpuPerRequestRegresses() {
        Path first = run("first", RunStatus.COMPLETE, 20);
        Path slow = run("slow", RunStatus.COMPLETE, 70);
        int exit = Main.execute("gate", "--baseline", first.toString(), "--candidate", slow.toString());
        assertThat(exit).isEqualTo(1);
        assertThat(err.toString()).contains("gate: FAIL: rule 'throughput'")
                .contains("rule 'server-cpu' (cpuUsPerRequest maxRise 15% (gross 150%)) regression in rpc/threads");
        assertThat(out.toString()).contains("REGRESSION");
    }

    @Test
    void shouldExitTwoWhenTheCandidateIsIncomplete() {
        Path first = run("first", RunStatus.COMPLETE, 20);
        Path broken = run("broken", RunStatus.INCOMPLETE, 20);
        assertThat(Main.execute("gate", "--baseline", first.toString(), "--candidate", broken.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("CANNOT JUDGE").contains("incomplete");
    }

    @Test
    void shouldExitTwoWithFileAndLineForABadPolicy() throws Exception {
        Path first = run("first", RunStatus.COMPLETE, 20);
        Path policy = dir.resolve("gate.yaml");
        Files.writeString(policy, "rules:\n  - budget: errors == 0\n  - budget: p98 < 1ms\n");
        int exit = Main.execute("gate", "--baseline", first.toString(), "--candidate", first.toString(),
                "--policy", policy.toString());
        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains(policy + ":3: unknown metric 'p98'");
    }

    @Test
    void shouldCheckBudgetsOfTheNewestRunWithoutABaseline() throws Exception {
        run("20261126-000000-test", RunStatus.COMPLETE, 20);
        run("20261126-010000-test", RunStatus.COMPLETE, 500);
        Path policy = dir.resolve("budgets.yaml");
        Files.writeString(policy, "rules:\n  - name: cpu-budget\n    budget: cpuUsPerRequest < 100us\n");
        int exit = Main.execute("gate", "--candidate", dir.toString(), "--policy", policy.toString());
        assertThat(exit).isEqualTo(1);
        assertThat(err.toString()).contains("rule 'cpu-budget'");
        assertThat(out.toString()).contains("candidate: " + dir.resolve("20261126-010000-test"));
    }

    @Test
    void shouldAskForABaselineWhenThePolicyHasRegressionRules() {
        Path only = run("only", RunStatus.COMPLETE, 20);
        assertThat(Main.execute("gate", "--candidate", only.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("has regression rules: give --baseline");
    }

    @Test
    void shouldRefuseToSaveABaselineOfAnIncompleteRun() {
        Path broken = run("broken", RunStatus.INCOMPLETE, 20);
        assertThat(Main.execute("baseline", "save", broken.toString(), "--to", dir.resolve("b.json").toString()))
                .isEqualTo(2);
        assertThat(err.toString()).contains("cannot save a baseline");
    }

    @Test
    void shouldExitTwoNamingTheRuleAndTheClosestDesignWhenAPolicyMisspellsADesign() throws Exception {
        Path run = fixtureFirstTrials("fixture", 1, 1);
        Path policy = dir.resolve("typo.yaml");
        Files.writeString(policy, "rules:\n  - name: netty-errors\n    design: netty-epol\n    budget: errors == 0\n");
        int exit = Main.execute("gate", "--candidate", run.toString(), "--policy", policy.toString(), "--strict");
        assertThat(exit).as(out + "\n" + err).isEqualTo(2);
        assertThat(err.toString()).contains("rule 'netty-errors'").contains("did you mean 'netty-epoll'?");
        assertThat(out.toString()).doesNotContain("PASS");
    }

    @Test
    void shouldExitTwoForAPolicyWithoutRules() throws Exception {
        Path run = fixtureFirstTrials("fixture", 1, 1);
        Path policy = dir.resolve("empty.yaml");
        Files.writeString(policy, "rules: []\n");
        int exit = Main.execute("gate", "--candidate", run.toString(), "--policy", policy.toString());
        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains(policy + ":1: 'rules' is empty");
        assertThat(out.toString()).doesNotContain("PASS");
    }

    @Test
    void shouldExitOneWhenAOneTrialRunHalvesThroughputAndDoublesP99() throws Exception {
        Path baseline = fixtureFirstTrials("baseline", 1, 1);
        Path candidate = fixtureFirstTrials("halved", 0.5, 2);
        int exit = Main.execute("gate", "--baseline", baseline.toString(), "--candidate", candidate.toString());
        assertThat(exit).as(out + "\n" + err).isEqualTo(1);
        assertThat(err.toString()).contains("gate: FAIL: rule 'throughput' (throughput maxDrop 10% (gross 40%))")
                .contains("rule 'latency' (p99 maxRise 25% (gross 90%)) regression");
        assertThat(out.toString()).doesNotContain("PASS");
    }

    @Test
    void shouldSayInconclusiveNotPassForAnUnchangedOneTrialRunAndFailItWhenStrict() throws Exception {
        Path baseline = fixtureFirstTrials("baseline", 1, 1);
        Path candidate = fixtureFirstTrials("same", 1, 1);
        int exit = Main.execute("gate", "--baseline", baseline.toString(), "--candidate", candidate.toString());
        assertThat(exit).as(out + "\n" + err).isZero();
        assertThat(out.toString()).contains("gate: INCONCLUSIVE: ").doesNotContain("PASS");
        assertThat(Main.execute("gate", "--baseline", baseline.toString(), "--candidate", candidate.toString(),
                "--strict")).isEqualTo(1);
    }

    @Test
    void shouldLeadAPassWithOneRollUpLinePerRuleAndNoTableOfPassingChecks() throws Exception {
        Path run = fixtureFirstTrials("fixture", 1, 1);
        Path policy = dir.resolve("budgets.yaml");
        Files.writeString(policy, "rules:\n  - name: no-errors\n    budget: errors == 0\n"
                + "  - name: serves\n    scenario: \"{echo-*,rpc-*}\"\n    budget: throughput > 0\n");
        int exit = Main.execute("gate", "--candidate", run.toString(), "--policy", policy.toString());
        assertThat(exit).as(out + "\n" + err).isZero();
        List<String> lines = out.toString().lines().toList();
        assertThat(lines.get(4)).matches("✓ +no-errors +errors == 0 +12/12 pass");
        assertThat(lines.get(5)).matches("✓ +serves +throughput > 0/s +8/8 pass");
        assertThat(lines).hasSize(8).last().isEqualTo("gate: PASS (20 checks)");
        assertThat(out.toString()).doesNotContain("failures:");
    }

    @Test
    void shouldCallAFailedFloorBelowFloorAndPrintTheBudgetWhenThereIsNoBaseline() throws Exception {
        Path run = fixtureFirstTrials("fixture", 1, 1);
        Path policy = dir.resolve("floor.yaml");
        Files.writeString(policy, "rules:\n  - name: floor\n    scenario: echo-open\n    budget: throughput >= 1M\n");
        int exit = Main.execute("gate", "--candidate", run.toString(), "--policy", policy.toString());
        assertThat(exit).isEqualTo(1);
        assertThat(out.toString()).contains("BELOW FLOOR").doesNotContain("OVER BUDGET");
        assertThat(err.toString()).contains("rule 'floor' (throughput >= 1M/s) below floor in echo-open/")
                .contains(", budget >= 1M/s").doesNotContain("- ->");
    }

    /**
     * The report module's fixture run cut to its first trials (a one-trial run like smoke's, and without the
     * fixture's failed second trial), every cell's throughput multiplied by {@code throughputFactor} and its p99
     * by {@code p99Factor}.
     */
    private Path fixtureFirstTrials(String name, double throughputFactor, double p99Factor) throws Exception {
        Path run = ReportCliFixture.copyRun(dir.resolve(name));
        RunManifest manifest = Results.readRun(run);
        List<CellRef> kept = manifest.cells().stream().filter(cell -> cell.trial() == 1).toList();
        ResultsStore store = ResultsStore.open(run);
        for (CellRef cell : kept) {
            CellSummary s = Results.readSummary(run, cell).orElseThrow();
            LatencyViews latency = new LatencyViews(scaledP99(s.latencyNs().corrected(), p99Factor),
                    scaledP99(s.latencyNs().uncorrected(), p99Factor));
            store.writeSummary(store.cellDir(cell), new CellSummary(s.schema(), s.scenario(), s.variant(), s.design(),
                    s.trial(), s.status(), s.reason(), s.params(), s.windowSeconds(), s.requests(),
                    s.throughput() * throughputFactor, s.errors(), latency, s.server(), s.memory(),
                    s.connectionsPerSecond(), s.loadGenerator(), s.slowRead()));
        }
        store.writeRun(manifest.withCells(kept));
        return run;
    }

    private static LatencySummary scaledP99(LatencySummary latency, double factor) {
        return latency == null ? null : new LatencySummary(latency.count(), latency.mean(), latency.p50(),
                latency.p75(), latency.p90(), (long) (latency.p99() * factor), latency.p999(), latency.p9999(),
                latency.max());
    }

    /** A run with two designs × three trials of rpc; {@code cpuUs} sets the server CPU per request of both. */
    private Path run(String name, RunStatus status, double cpuUs) {
        Path runDir = dir.resolve(name);
        List<CellRef> refs = new ArrayList<>();
        double[] noise = {1.0, 1.03, 0.98};
        for (String design : List.of("threads", "vthreads")) {
            for (int trial = 1; trial <= 3; trial++) {
                double factor = noise[trial - 1];
                LatencySummary latency = new LatencySummary(1000, 500_000, 400_000, 500_000, 600_000,
                        (long) (900_000 * factor), 1_000_000, 1_000_000, 1_000_000);
                CellSummary summary = new CellSummary(SchemaVersions.SUMMARY, "rpc", "", design, trial, CellStatus.OK,
                        null, RPC, 1, 50_000, 50_000 * factor * 20 / cpuUs, new ErrorCounts(0, 0, 0, 0, 0),
                        new LatencyViews(null, latency),
                        new ServerMetrics(cpuUs * factor, 0.0, GcPauses.NONE, 1L, 1L, 1), null, null);
                String cellDir = ResultsLayout.cellDir("rpc", design, trial);
                refs.add(new CellRef("rpc", "", design, trial, CellStatus.OK, null, cellDir));
                AtomicFiles.writeString(runDir.resolve(cellDir).resolve(ResultsLayout.SUMMARY_FILE),
                        ResultsJson.mapper().writeValueAsString(summary));
            }
        }
        Environment env = new Environment("Test CPU", 2, "6.18", "Linux", "25", List.of(), 20000L, "h", null, null);
        RunManifest manifest = new RunManifest(SchemaVersions.RUN, name, "test", status, "2026-11-26T00:00:00Z",
                "2026-11-26T00:01:00Z", env, null, refs);
        AtomicFiles.writeString(runDir.resolve(ResultsLayout.RUN_FILE), ResultsJson.mapper().writeValueAsString(manifest));
        return runDir;
    }
}
