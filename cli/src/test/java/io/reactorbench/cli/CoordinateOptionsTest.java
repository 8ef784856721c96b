package io.reactorbench.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.reactorbench.loadgen.LoadSpec;
import io.reactorbench.loadgen.coordinator.AgentToken;
import io.reactorbench.loadgen.coordinator.ClockSample;
import io.reactorbench.loadgen.coordinator.Coordinator;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The contract's inputs refused before anything runs (exit 2, one line): a missing or empty token file, load options
 * that belong to an agent, models a coordinator cannot run, an agent without its share or its token; and
 * {@code @FILE} expanded everywhere but as the value of {@code --body}.
 */
@Timeout(60)
class CoordinateOptionsTest {

    @RegisterExtension
    final LoadCliFixture fixture = new LoadCliFixture();

    @TempDir
    Path dir;

    @Test
    void shouldRefuseAMissingOrEmptyTokenFileWithExit2() throws Exception {
        assertThat(fixture.run("coordinate", "--target", fixture.target(), "--agents", "2", "--token-file",
                dir.resolve("absent").toString())).isEqualTo(2);
        Path empty = Files.writeString(dir.resolve("empty"), "\n");
        assertThat(fixture.run("coordinate", "--target", fixture.target(), "--agents", "2", "--token-file",
                empty.toString())).isEqualTo(2);
        assertThat(fixture.run("load", "--target", fixture.target(), "--coordinator", "127.0.0.1:1", "--shard", "0/2",
                "--token-file", empty.toString())).isEqualTo(2);
        assertThat(fixture.err().lines().toList()).containsExactly(
                "coordinate: --token-file " + dir.resolve("absent") + " does not exist",
                "coordinate: --token-file " + empty + " is empty",
                "load: --token-file " + empty + " is empty");
        assertThat(fixture.run("coordinate", "--target", fixture.target(), "--agents", "2")).isEqualTo(2);
        assertThat(fixture.accepted()).isZero();
    }

    @Test
    void shouldRefuseLoadOptionsThatBelongToAnAgentAndModelsItCannotCoordinate() throws Exception {
        Path token = Files.writeString(dir.resolve("token"), "t");
        Path args = Files.writeString(dir.resolve("load.args"), "--target " + fixture.target() + " --json x.json\n");
        assertThat(fixture.run("coordinate", "@" + args, "--agents", "2", "--token-file", token.toString()))
                .isEqualTo(2);
        assertThat(fixture.run("coordinate", "--target", fixture.target(), "--steps", "10,20", "--rate", "100",
                "--agents", "2", "--token-file", token.toString())).isEqualTo(2);
        assertThat(fixture.run("load", "--target", fixture.target(), "--coordinator", "127.0.0.1:1", "--token-file",
                token.toString())).isEqualTo(2);
        assertThat(fixture.run("load", "--target", fixture.target(), "--shard-count", "2", "--token-file",
                token.toString())).isEqualTo(2);
        assertThat(fixture.err().lines().toList()).containsExactly(
                "coordinate: --json is for 'load' as an agent, not for the coordinator (which writes load.json and"
                        + " latency.hlog into --out)",
                "coordinate: the ceiling model cannot run under a coordinator (its steps need the whole load's verdict"
                        + " between them); run it with load --agents K on one machine",
                "load: --coordinator needs this agent's share: --shard i/K, or --shard-count K with"
                        + " JOB_COMPLETION_INDEX set",
                "load: --token-file and --shard-count are for an agent of a coordinated load: give --coordinator"
                        + " HOST:PORT too");
        assertThat(fixture.accepted()).isZero();
    }

    @Test
    void shouldTakeTheAgentsIndexFromTheIndexedJobsVariableOnly() throws Exception {
        assumeTrue(System.getenv(CoordinatedAgent.INDEX_VARIABLE) == null, "the test JVM runs as an indexed pod");
        Path token = Files.writeString(dir.resolve("token"), "t");
        assertThat(fixture.run("load", "--target", fixture.target(), "--coordinator", "127.0.0.1:1", "--token-file",
                token.toString(), "--shard-count", "3")).isEqualTo(2);
        assertThat(fixture.err()).isEqualTo("load: --shard-count takes this agent's index from JOB_COMPLETION_INDEX,"
                + " which is not set (or give --shard i/K)\n");
    }

    @Test
    void shouldExit2WithTheCoordinatorsReasonWhenItRefusesTheAgent() throws Exception {
        Path token = Files.writeString(dir.resolve("token"), "not-the-run's");
        LoadSpec whole = load("--target", fixture.target(), "--connections", "4", "--rate", "100", "--duration", "1s");
        Coordinator coordinator = new Coordinator(new Coordinator.Settings(whole, 2, new AgentToken("the-run's"),
                10_000, dir.resolve("cell")), new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), line -> { },
                ClockSample::nowUs);
        ExecutorService thread = Executors.newSingleThreadExecutor();
        try {
            thread.submit(coordinator::run);
            assertThat(fixture.run("load", "--target", fixture.target(), "--connections", "4", "--rate", "100",
                    "--duration", "1s", "--coordinator", "127.0.0.1:" + coordinator.address().getPort(),
                    "--token-file", token.toString(), "--shard", "1/2")).isEqualTo(2);
        } finally {
            coordinator.close();
            thread.shutdownNow();
        }
        assertThat(fixture.err()).isEqualTo("load: the coordinator at 127.0.0.1:" + coordinator.address().getPort()
                + " refused this agent: wrong token\n");
        assertThat(fixture.accepted()).isZero();
    }

    @Test
    void shouldExpandArgumentFilesButNotTheBodysFile() throws Exception {
        Path args = Files.writeString(dir.resolve("load.args"), """
                # shared by the coordinator and its agents
                --target 127.0.0.1:9 --app http
                --header "X-Run: a b"
                """);

        String[] expanded = ArgumentFiles.expand(new String[] {"load", "@" + args, "--body", "@req.json", "--x"});

        assertThat(expanded).containsExactly("load", "--target", "127.0.0.1:9", "--app", "http", "--header",
                "X-Run: a b", "--body", "@req.json", "--x");
        assertThatThrownBy(() -> ArgumentFiles.expand(new String[] {"load", "@" + dir.resolve("absent")}))
                .hasMessage("cannot read the argument file " + dir.resolve("absent") + " (given as @"
                        + dir.resolve("absent") + ")");
        assertThat(fixture.run("load", "@" + dir.resolve("absent"))).isEqualTo(2);
    }

    private static LoadSpec load(String... args) {
        CommandLine cli = new CommandLine(new LoadCommand());
        cli.parseArgs(args);
        return ((LoadCommand) cli.getCommand()).buildSpec();
    }

}
