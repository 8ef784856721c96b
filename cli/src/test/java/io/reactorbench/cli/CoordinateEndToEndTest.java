package io.reactorbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.reactorbench.results.AgentClock;
import io.reactorbench.results.CellSummary;
import io.reactorbench.results.Results;
import io.reactorbench.results.RunManifest;
import io.reactorbench.results.RunStatus;
import io.reactorbench.results.load.LoadJson;
import io.reactorbench.results.load.LoadResult;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 20 end to end, without a cluster: {@code reactorbench coordinate} and K = 3 {@code reactorbench load
 * --coordinator} agents as separate local processes (agent 2 given its index as an Indexed Job gives it, through
 * {@code JOB_COMPLETION_INDEX}) against a loopback echo server whose answers to one source address come 25 ms late
 * (a slow server path only agent 2 takes). The merged result counts what the agents counted, its p99 is the p99 of
 * their histograms added, the slow agent shows in the merged tail; a killed agent leaves an incomplete result naming
 * it; an agent that never arrives fails the run after a short deadline, nothing started; a coordinator that goes away
 * stops every agent.
 */
@Timeout(240)
class CoordinateEndToEndTest {

    /** The source address whose answers the echo server delays, and by how much. */
    private static final String SLOW_SOURCE = "127.0.0.3";
    private static final long SLOW_ANSWER_MS = 25;
    private static final Pattern LISTENING = Pattern.compile("listening on 127\\.0\\.0\\.1:(\\d+)");
    private static final long EXIT_WAIT_MS = 120_000;

    @TempDir
    Path dir;

    private ServerSocket echo;
    private final List<LocalProcess> processes = new ArrayList<>();

    @BeforeEach
    void startEchoServer() throws IOException {
        echo = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread.ofPlatform().daemon().start(() -> {
            while (!echo.isClosed()) {
                try {
                    Socket socket = echo.accept();
                    boolean slow = socket.getInetAddress().getHostAddress().equals(SLOW_SOURCE);
                    Thread.ofPlatform().daemon().start(() -> pump(socket, slow));
                } catch (IOException closed) {
                    return;
                }
            }
        });
    }

    private static void pump(Socket socket, boolean slow) {
        try (socket; InputStream in = socket.getInputStream(); OutputStream out = socket.getOutputStream()) {
            byte[] buffer = new byte[8192];
            int n;
            while ((n = in.read(buffer)) > 0) {
                if (slow) {
                    Thread.sleep(SLOW_ANSWER_MS);
                }
                out.write(buffer, 0, n);
            }
        } catch (IOException | InterruptedException gone) {
            // the client went away
        }
    }

    @AfterEach
    void stopAll() throws Exception {
        for (LocalProcess process : processes) {
            process.close();
        }
        echo.close();
    }

    /** The shared load spec, as a ConfigMap's load.args would hold it. */
    private Path loadArgs(String duration) throws IOException {
        return Files.writeString(dir.resolve("load.args"), """
                # the load every agent and the coordinator share
                --target 127.0.0.1:%d --app echo
                --connections 6 --rate 300 --warmup 1s --duration %s
                --threads 1 --poller nio --progress none --no-summary
                """.formatted(echo.getLocalPort(), duration));
    }

    private Path token() throws IOException {
        return Files.writeString(dir.resolve("token"), "e2e-" + System.nanoTime() + "\n");
    }

    private LocalProcess coordinator(Path args, int agents, String deadline, Path out) throws Exception {
        LocalProcess coordinator = start("coordinator", List.of("coordinate", "@" + args, "--agents",
                String.valueOf(agents), "--token-file", dir.resolve("token").toString(), "--listen", "127.0.0.1:0",
                "--ready-deadline", deadline, "--out", out.toString()), Map.of());
        return coordinator;
    }

    private int port(LocalProcess coordinator) throws Exception {
        java.util.Optional<Matcher> listening = coordinator.awaitOutput(LISTENING, 60_000);
        assertThat(listening).as("the coordinator never listened: " + coordinator.output()).isPresent();
        return Integer.parseInt(listening.get().group(1));
    }

    /** Agent {@code index} of {@code agents}: by --shard, or (agent 2) by --shard-count and the pod index variable. */
    private LocalProcess agent(Path args, int port, int index, int agents, List<String> extra) throws Exception {
        List<String> command = new ArrayList<>(List.of("load", "@" + args, "--coordinator", "127.0.0.1:" + port,
                "--token-file", dir.resolve("token").toString()));
        Map<String, String> environment = Map.of();
        if (index == 2) {
            command.addAll(List.of("--shard-count", String.valueOf(agents)));
            environment = Map.of("JOB_COMPLETION_INDEX", "2");
        } else {
            command.addAll(List.of("--shard", index + "/" + agents));
        }
        command.addAll(extra);
        return start("agent-" + index, command, environment);
    }

    private LocalProcess start(String name, List<String> args, Map<String, String> environment) throws IOException {
        LocalProcess process = LocalProcess.start(LocalProcess.reactorbench(args), environment,
                dir.resolve(name + ".log"));
        processes.add(process);
        return process;
    }

    @Test
    void shouldMergeThreeAgentProcessesExactlyWithTheSlowAgentInTheMergedTail() throws Exception {
        Path args = loadArgs("3s");
        token();
        Path out = dir.resolve("runs/dist-1");
        LocalProcess coordinator = coordinator(args, 3, "90s", out);
        int port = port(coordinator);
        List<LocalProcess> agents = List.of(agent(args, port, 0, 3, List.of()), agent(args, port, 1, 3, List.of()),
                agent(args, port, 2, 3, List.of("--source", SLOW_SOURCE)));

        assertThat(coordinator.awaitExit(EXIT_WAIT_MS)).as(coordinator.output()).isZero();
        for (LocalProcess agent : agents) {
            assertThat(agent.awaitExit(EXIT_WAIT_MS)).as(agent.output()).isZero();
        }

        RunManifest run = Results.readRun(out);
        assertThat(run.status()).isEqualTo(RunStatus.COMPLETE);
        assertThat(run.cells()).hasSize(1);
        Path cell = out.resolve(run.cells().getFirst().dir());
        LoadResult merged = LoadJson.read(cell.resolve("load.json"));
        List<LoadResult> each = new ArrayList<>();
        Histogram added = new Histogram(3);
        for (int i = 0; i < 3; i++) {
            each.add(LoadJson.read(cell.resolve("agents/agent-" + i + ".json")));
            for (Histogram interval : Results.readLatencyIntervals(cell.resolve("agents/agent-" + i + ".hlog"), null)) {
                if (interval.getTag() == null) {
                    added.add(interval);
                }
            }
        }
        assertThat(each).allSatisfy(r -> assertThat(r.requests()).isPositive());
        assertThat(merged.errors().total()).as(merged.firstErrors().toString()).isZero();
        assertThat(merged.requests()).isEqualTo(each.stream().mapToLong(LoadResult::requests).sum());
        assertThat(merged.latencyNs().corrected().count())
                .isEqualTo(each.stream().mapToLong(r -> r.latencyNs().corrected().count()).sum())
                .isEqualTo(added.getTotalCount());
        assertThat(merged.latencyNs().corrected().p99()).isEqualTo(added.getValueAtPercentile(99));
        // the slow path is a third of the requests: the merged p99 is the slow agent's, not an average
        assertThat(each.get(2).latencyNs().corrected().p50()).isGreaterThanOrEqualTo(SLOW_ANSWER_MS * 1_000_000);
        assertThat(merged.latencyNs().corrected().p99()).isGreaterThanOrEqualTo(SLOW_ANSWER_MS * 1_000_000);
        assertThat(merged.coordination().missingAgents()).isEmpty();
        assertThat(merged.coordination().agents()).extracting(AgentClock::index).containsExactly(0, 1, 2);
        CellSummary summary = Results.readSummary(cell);
        assertThat(summary.ok()).as(summary.reason()).isTrue();
        assertThat(summary.design()).isEqualTo("external:127.0.0.1:" + echo.getLocalPort());
        assertThat(summary.loadPlacement().coordination()).isEqualTo(merged.coordination());

        ReportCliFixture.Outcome report = ReportCliFixture.execute("report", out.toString());
        assertThat(report.exitCode()).as(report.err()).isZero();
        assertThat(Files.readString(out.resolve("report/report.md"))).contains("Clock offsets against the coordinator");
        ReportCliFixture.Outcome baseline = ReportCliFixture.execute("baseline", "save", out.toString(), "--to",
                dir.resolve("baseline.json").toString());
        assertThat(baseline.exitCode()).as(baseline.err()).isZero();
        ReportCliFixture.Outcome gate = ReportCliFixture.execute("gate", "--baseline",
                dir.resolve("baseline.json").toString(), "--candidate", out.toString());
        assertThat(gate.exitCode()).as(gate.err() + gate.out()).isZero();
    }

    @Test
    void shouldWriteAnIncompleteResultNamingAnAgentKilledMidRun() throws Exception {
        Path args = loadArgs("6s");
        token();
        Path out = dir.resolve("runs/dist-killed");
        LocalProcess coordinator = coordinator(args, 3, "90s", out);
        int port = port(coordinator);
        List<LocalProcess> agents = List.of(agent(args, port, 0, 3, List.of()), agent(args, port, 1, 3, List.of()),
                agent(args, port, 2, 3, List.of()));
        assertThat(coordinator.awaitOutput(Pattern.compile("started 3 agents"), 90_000)).as(coordinator.output())
                .isPresent();
        Thread.sleep(2_500);
        agents.get(1).kill();

        assertThat(coordinator.awaitExit(EXIT_WAIT_MS)).as(coordinator.output()).isEqualTo(1);
        assertThat(agents.get(0).awaitExit(EXIT_WAIT_MS)).as(agents.get(0).output()).isZero();
        assertThat(agents.get(2).awaitExit(EXIT_WAIT_MS)).as(agents.get(2).output()).isZero();
        assertThat(coordinator.output()).contains("incomplete: agent 1 missing from the result");
        assertThat(Results.readRun(out).status()).isEqualTo(RunStatus.INCOMPLETE);
        Path cell = out.resolve(Results.readRun(out).cells().getFirst().dir());
        LoadResult merged = LoadJson.read(cell.resolve("load.json"));
        assertThat(merged.coordination().missingAgents()).containsExactly(1);
        assertThat(merged.requests()).isPositive().isEqualTo(LoadJson.read(cell.resolve("agents/agent-0.json"))
                .requests() + LoadJson.read(cell.resolve("agents/agent-2.json")).requests());
        assertThat(cell.resolve("agents/agent-1.json")).doesNotExist();
        ReportCliFixture.Outcome gate = ReportCliFixture.execute("gate", "--baseline", out.toString(),
                "--candidate", out.toString());
        assertThat(gate.exitCode()).as("an incomplete run cannot be judged").isEqualTo(2);
    }

    @Test
    void shouldFailInOneLineNamingTheAgentThatNeverArrivedAndStartNone() throws Exception {
        Path args = loadArgs("3s");
        token();
        Path out = dir.resolve("runs/dist-missing");
        LocalProcess coordinator = coordinator(args, 2, "8s", out);
        int port = port(coordinator);
        LocalProcess agent0 = agent(args, port, 0, 2, List.of());

        assertThat(coordinator.awaitExit(EXIT_WAIT_MS)).as(coordinator.output()).isEqualTo(1);
        assertThat(coordinator.output().strip().lines().toList().getLast())
                .isEqualTo("coordinate: no agent started: agent 1 did not register within 8 s (--ready-deadline)");
        assertThat(agent0.awaitExit(EXIT_WAIT_MS)).isEqualTo(1);
        assertThat(agent0.output()).contains("gave the run up before the start").contains("no load was sent");
        assertThat(out).doesNotExist();
        assertThat(Files.list(out.getParent()).toList()).as("no temporary directory left").isEmpty();
    }

    @Test
    void shouldStopEveryAgentWithOneLineWhenTheCoordinatorGoesAway() throws Exception {
        Path args = loadArgs("30s");
        token();
        LocalProcess coordinator = coordinator(args, 2, "90s", dir.resolve("runs/dist-gone"));
        int port = port(coordinator);
        List<LocalProcess> agents = List.of(agent(args, port, 0, 2, List.of()), agent(args, port, 1, 2, List.of()));
        assertThat(coordinator.awaitOutput(Pattern.compile("started 2 agents"), 90_000)).as(coordinator.output())
                .isPresent();
        Thread.sleep(1_500);
        coordinator.kill();

        for (LocalProcess agent : agents) {
            assertThat(agent.awaitExit(EXIT_WAIT_MS)).as(agent.output()).isEqualTo(1);
            List<String> lines = agent.output().strip().lines().toList();
            assertThat(lines.getLast()).startsWith("load: ").contains("the coordinator at 127.0.0.1:" + port)
                    .endsWith(": stopped the load");
        }
        assertThat(dir.resolve("runs/dist-gone")).doesNotExist();
    }
}
