package io.reactorbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.reactorbench.results.load.CeilingStep;
import io.reactorbench.results.load.CeilingStop;
import io.reactorbench.results.load.LoadJson;
import io.reactorbench.results.load.LoadResult;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** {@code load --model ceiling} through the command line: one process, two agents, the memory guard, bad input. */
class LoadCeilingCliTest {

    /** What stdout shows of a ramp through 50, 100 and 200 connections, one process or several. */
    private static final List<String> STEPS_50_100_200 = List.of(
            "STEP 0 HOLD 50 connections", "STEP 0 DONE 50 connections",
            "STEP 1 HOLD 100 connections", "STEP 1 DONE 100 connections",
            "STEP 2 HOLD 200 connections", "STEP 2 DONE 200 connections");

    @TempDir
    Path dir;

    @RegisterExtension
    final LoadCliFixture fixture = new LoadCliFixture();

    private List<String> ceiling(String steps, String... more) {
        List<String> args = new ArrayList<>(List.of("load", "--target", fixture.target(), "--model", "ceiling",
                "--steps", steps, "--source", "127.0.0.2-127.0.0.3", "--hold", "1s", "--rate", "400",
                "--connect-rate", "5k", "--verify-rate", "5k", "--threads", "2", "--poller", "epoll",
                "--progress", "none", "--no-summary", "--json", dir.resolve("load.json").toString()));
        args.addAll(List.of(more));
        return args;
    }

    @Test
    void shouldRampThroughEveryStepAndPrintItsBoundaries() throws Exception {
        int exit = fixture.run(ceiling("50,100,200").toArray(String[]::new));

        assertThat(exit).as(fixture.err()).isZero();
        LoadResult r = LoadJson.read(dir.resolve("load.json"));
        assertThat(r.steps()).extracting(CeilingStep::heldConnections).containsExactly(50, 100, 200);
        assertThat(r.steps()).extracting(CeilingStep::verified).containsExactly(50, 100, 200);
        assertThat(r.steps()).allSatisfy(s -> assertThat(s.requests()).isPositive());
        assertThat(fixture.out().lines().filter(l -> l.startsWith("STEP"))).containsExactlyElementsOf(STEPS_50_100_200);
        assertThat(fixture.accepted()).isEqualTo(200);
    }

    @Test
    void shouldMergeTwoAgentsStepsAsTheSumOfWhatEachHeld() throws Exception {
        int exit = fixture.run(ceiling("50,100,200", "--agents", "2").toArray(String[]::new));

        assertThat(exit).as(fixture.err()).isZero();
        LoadResult merged = LoadJson.read(dir.resolve("load.json"));
        assertThat(merged.shards()).isEqualTo(2);
        assertThat(merged.steps()).extracting(CeilingStep::stoppedBy).containsExactly(null, null, null);
        assertThat(merged.steps()).extracting(CeilingStep::heldConnections).containsExactly(50, 100, 200);
        assertThat(merged.steps()).extracting(CeilingStep::verified).containsExactly(50, 100, 200);
        for (CeilingStep step : merged.steps()) {
            assertThat(step.requests()).isPositive().isEqualTo(step.latencyNs().count());
        }
        assertThat(merged.requests()).isEqualTo(merged.steps().stream().mapToLong(CeilingStep::requests).sum());
        assertThat(fixture.out().lines().filter(l -> l.startsWith("STEP"))).containsExactlyElementsOf(STEPS_50_100_200);
        assertThat(fixture.accepted()).isEqualTo(200);
    }

    @Test
    void shouldEndWithExitZeroAndNoWorkerLeftWhenTheMemoryFloorIsAboveWhatIsAvailable() throws Exception {
        int exit = fixture.run(ceiling("20,40", "--memory-floor", "100000GiB").toArray(String[]::new));

        assertThat(exit).as(fixture.err()).isZero();
        LoadResult r = LoadJson.read(dir.resolve("load.json"));
        assertThat(r.steps()).singleElement().satisfies(step -> {
            assertThat(step.stoppedBy()).isEqualTo(CeilingStop.MEMORY_GUARD);
            assertThat(step.heldConnections()).isZero();
        });
        assertThat(fixture.out()).contains("STEP 0 STOPPED memory-guard 0 connections: memory guard: MemAvailable");
        assertThat(Thread.getAllStackTraces().keySet()).noneMatch(t -> t.getName().startsWith("load-worker-")
                && t.isAlive());
        assertThat(fixture.accepted()).isZero();
    }

    @Test
    void shouldStopAtTheFileLimitWithFdLimitAndExitZero() throws Exception {
        // A child JVM allowed 250 open files (prlimit, util-linux) cannot hold a step of 400 connections.
        List<String> command = new ArrayList<>(List.of("prlimit", "--nofile=250:250", "--",
                ProcessHandle.current().info().command().orElse("java"), "--enable-native-access=ALL-UNNAMED", "-cp",
                System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(ceiling("100,400"));
        Process load = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(dir.resolve("load.out").toFile()).start();
        assertThat(load.waitFor(60, TimeUnit.SECONDS)).isTrue();

        String printed = java.nio.file.Files.readString(dir.resolve("load.out"));
        assertThat(load.exitValue()).as(printed).isZero();
        LoadResult r = LoadJson.read(dir.resolve("load.json"));
        assertThat(r.steps()).hasSize(2);
        assertThat(r.steps().getFirst().heldConnections()).isEqualTo(100);
        CeilingStep stopped = r.steps().get(1);
        assertThat(stopped.stoppedBy()).isEqualTo(CeilingStop.FD_LIMIT);
        assertThat(stopped.heldConnections()).isBetween(100, 399);
        assertThat(stopped.stopDetail()).contains("EMFILE");
        assertThat(printed).contains("STEP 1 STOPPED fd-limit ");
    }

    @Test
    void shouldRefuseCeilingOptionsThatCannotWorkWithExitTwo() {
        assertThat(fixture.run("load", "--target", fixture.target(), "--model", "ceiling", "--rate", "10"))
                .isEqualTo(2);
        assertThat(fixture.run("load", "--target", fixture.target(), "--steps", "10,5", "--rate", "10")).isEqualTo(2);
        assertThat(fixture.run("load", "--target", fixture.target(), "--hold", "1s", "--rate", "10")).isEqualTo(2);
        assertThat(fixture.run("load", "--target", fixture.target(), "--steps", "10", "--rate", "10", "--app", "rpc"))
                .isEqualTo(2);
        assertThat(fixture.run("load", "--target", fixture.target(), "--steps", "10", "--rate", "10", "--duration",
                "5s")).isEqualTo(2);
        assertThat(fixture.err()).contains("the ceiling model needs --steps",
                "--duration does not apply to the ceiling model",
                "--hold applies to the ceiling model only", "the ceiling model drives the echo app only");
    }
}
