package io.reactorbench.scenarios.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.reactorbench.results.Results;
import io.reactorbench.results.RunManifest;
import io.reactorbench.results.RunStatus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SIGINT to a runner JVM mid-run: every child is gone afterwards, and the run reads as incomplete. */
class RunnerInterruptTest {

    @TempDir
    Path temp;

    @Test
    void shouldLeaveNoChildAndAnIncompleteRunOnSigint() throws Exception {
        Path suite = temp.resolve("long.yaml");
        Files.writeString(suite, """
                name: long
                trials: 1
                warmup: 1s
                duration: 60s
                designs: [alpha, beta]
                scenarios:
                  - {name: echo, app: echo, connections: 1}
                """);
        Path runs = temp.resolve("runs");
        Process runner = new ProcessBuilder(StandIns.java(), "-cp", System.getProperty("java.class.path"),
                StandInRunnerMain.class.getName(), suite.toString(), runs.toString())
                .redirectErrorStream(true).redirectOutput(temp.resolve("runner.log").toFile()).start();
        try {
            List<ProcessHandle> children = awaitLoadRunning(runner, temp.resolve("runner.log"));
            Process kill = new ProcessBuilder("kill", "-INT", Long.toString(runner.pid())).start();
            assertThat(kill.waitFor(10, TimeUnit.SECONDS)).isTrue();

            assertThat(runner.waitFor(30, TimeUnit.SECONDS)).as("runner exits on SIGINT").isTrue();
            for (ProcessHandle child : children) {
                child.onExit().get(5, TimeUnit.SECONDS);
                assertThat(child.isAlive()).as("child " + child.pid() + " " + child.info().commandLine()).isFalse();
            }
            Path runDir = Results.listRuns(runs).getFirst();
            RunManifest run = Results.readRun(runDir);
            assertThat(run.status()).isEqualTo(RunStatus.INCOMPLETE);
            assertThat(run.finishedAt()).isNotNull();
        } finally {
            runner.descendants().forEach(ProcessHandle::destroyForcibly);
            runner.destroyForcibly();
        }
    }

    /** Waits until the runner has both a server and a load child, and returns every descendant it has then. */
    private static List<ProcessHandle> awaitLoadRunning(Process runner, Path log) throws Exception {
        long deadlineNs = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadlineNs) {
            List<ProcessHandle> descendants = runner.descendants().toList();
            boolean server = descendants.stream().anyMatch(p -> commandLine(p).contains(" serve "));
            boolean load = descendants.stream().anyMatch(p -> commandLine(p).contains(" load "));
            if (server && load) {
                Thread.sleep(300);
                return runner.descendants().toList();
            }
            if (!runner.isAlive()) {
                throw new AssertionError("the runner exited early: " + Files.readString(log));
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the runner never had a server and a load child");
    }

    /** The whole command line: ProcessHandle.Info cuts long ones (the test class path is long) short. */
    private static String commandLine(ProcessHandle process) {
        try {
            return Files.readString(Path.of("/proc", Long.toString(process.pid()), "cmdline")).replace('\0', ' ');
        } catch (java.io.IOException e) {
            return "";
        }
    }
}
