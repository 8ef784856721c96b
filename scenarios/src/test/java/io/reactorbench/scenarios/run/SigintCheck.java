package io.reactorbench.scenarios.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.reactorbench.results.Results;
import io.reactorbench.results.RunManifest;
import io.reactorbench.results.RunStatus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * SIGINT to a runner JVM while a cell runs, and what must hold afterwards: every server and load child is gone
 * and the run reads as incomplete. Shared by scenarios' stand-in runner test and cli's test of the real
 * {@code reactorbench run}, so both check the same thing the same way.
 */
public final class SigintCheck {

    private SigintCheck() {
    }

    /**
     * Waits (up to {@code childrenTimeoutSeconds}) until {@code runner} has a server and a load child, sends it
     * SIGINT, and asserts it exits, leaves no child behind and wrote an incomplete run into {@code runs}. Kills
     * whatever is left in any case.
     */
    public static void interruptMidCellAndAssertCleanStop(Process runner, Path log, Path runs,
            long childrenTimeoutSeconds) throws Exception {
        try {
            List<ProcessHandle> children = awaitServerAndLoad(runner, log, childrenTimeoutSeconds);
            Process kill = new ProcessBuilder("kill", "-INT", Long.toString(runner.pid())).start();
            assertThat(kill.waitFor(10, TimeUnit.SECONDS)).isTrue();

            assertThat(runner.waitFor(30, TimeUnit.SECONDS)).as("runner exits on SIGINT").isTrue();
            for (ProcessHandle child : children) {
                child.onExit().get(5, TimeUnit.SECONDS);
                assertThat(child.isAlive()).as("child %d %s", child.pid(), child.info().commandLine()).isFalse();
            }
            RunManifest run = Results.readRun(Results.listRuns(runs).getFirst());
            assertThat(run.status()).isEqualTo(RunStatus.INCOMPLETE);
            assertThat(run.finishedAt()).isNotNull();
        } finally {
            runner.descendants().forEach(ProcessHandle::destroyForcibly);
            runner.destroyForcibly();
        }
    }

    /** Every descendant of the runner once both its server and its load child are running. */
    private static List<ProcessHandle> awaitServerAndLoad(Process runner, Path log, long timeoutSeconds)
            throws Exception {
        long deadlineNs = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSeconds);
        while (System.nanoTime() < deadlineNs) {
            List<ProcessHandle> descendants = runner.descendants().toList();
            boolean server = descendants.stream().anyMatch(p -> commandLine(p).contains(" serve "));
            boolean load = descendants.stream().anyMatch(p -> commandLine(p).contains(" load "));
            if (server && load) {
                Thread.sleep(500); // let the load child start its own work, so SIGINT lands mid-cell
                return runner.descendants().toList();
            }
            if (!runner.isAlive()) {
                throw new AssertionError("the runner exited early: " + Files.readString(log));
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no server and load child within " + timeoutSeconds + " s: " + Files.readString(log));
    }

    /** The whole command line: ProcessHandle.Info cuts long ones (the test class path is long) short. */
    public static String commandLine(ProcessHandle process) {
        try {
            return Files.readString(Path.of("/proc", Long.toString(process.pid()), "cmdline")).replace('\0', ' ');
        } catch (IOException e) {
            return "";
        }
    }
}
