package io.reactorbench.scenarios.run;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The load generator of one cell: a child JVM whose output goes to the cell's {@code load.log}. */
final class LoadProcess implements AutoCloseable {

    private final Process process;
    private final ChildProcesses children;
    private final Path logFile;
    private final long startedAtMs;
    private long exitedAtMs;

    private LoadProcess(Process process, ChildProcesses children, Path logFile, long startedAtMs) {
        this.process = process;
        this.children = children;
        this.logFile = logFile;
        this.startedAtMs = startedAtMs;
    }

    static LoadProcess start(List<String> command, Path logFile, ChildProcesses children) {
        try {
            long startedAtMs = System.currentTimeMillis();
            Process process = children.track(new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                    .redirectInput(ProcessBuilder.Redirect.PIPE)
                    .start());
            return new LoadProcess(process, children, logFile, startedAtMs);
        } catch (IOException e) {
            throw new CellFailure("cannot start the load generator: " + e.getMessage());
        }
    }

    long startedAtMs() {
        return startedAtMs;
    }

    /** Wall-clock time the process was seen to exit (0 while it runs). */
    long exitedAtMs() {
        return exitedAtMs;
    }

    boolean alive() {
        return process.isAlive();
    }

    /** Waits up to {@code ms} for the exit; true when it exited. */
    boolean awaitExit(long ms) throws InterruptedException {
        if (process.waitFor(ms, TimeUnit.MILLISECONDS)) {
            if (exitedAtMs == 0) {
                exitedAtMs = System.currentTimeMillis();
            }
            return true;
        }
        return false;
    }

    int exitCode() {
        return process.exitValue();
    }

    String failureReason() {
        String last = LogTail.lastLine(logFile);
        return "load generator exited with code " + process.exitValue() + (last == null ? "" : ": " + last);
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            ChildProcesses.terminate(process.toHandle(), 2_000);
        }
        children.untrack(process);
    }
}
