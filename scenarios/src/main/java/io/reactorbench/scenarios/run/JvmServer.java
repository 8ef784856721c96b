package io.reactorbench.scenarios.run;

import io.reactorbench.loadgen.Endpoints;
import io.reactorbench.loadgen.Target;
import io.reactorbench.results.ProbeSample;
import io.reactorbench.scenarios.probe.ProbeProtocol;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A {@code reactorbench serve} child JVM. It prints {@code READY host:port} ({@code READY udp:host:port},
 * {@code READY unix:/path} with {@code --listen}) once bound and answers
 * {@code STATS} / {@code GC} lines on its standard input with one line each; it stops when its standard input
 * closes, so even a runner killed with SIGKILL does not leave it behind.
 */
final class JvmServer implements ServerUnderTest {

    /** A STATS answer should take milliseconds; a server that never answers is probed from outside only. */
    private static final long PROBE_TIMEOUT_MS = 3_000;
    /**
     * A server that has answered before and is slow now is busy, not silent: at a million connections ~100 JVMs
     * share two cores while connecting, and a sample missed there is a step's memory missed.
     */
    private static final long BUSY_PROBE_TIMEOUT_MS = 15_000;
    private static final long STOP_GRACE_MS = 5_000;
    private static final int KEPT_OUTPUT_LINES = 20;

    private final Process process;
    private final ChildProcesses children;
    private final Path logFile;
    private final OutputStream stdin;
    private final CompletableFuture<Target> ready = new CompletableFuture<>();
    private final BlockingQueue<String> answers = new LinkedBlockingQueue<>();
    private final Deque<String> lastOutput = new ArrayDeque<>();
    private volatile boolean insideProbe = true;
    private volatile boolean answeredBefore;
    private Target target;

    private JvmServer(Process process, ChildProcesses children, Path logFile) {
        this.process = process;
        this.children = children;
        this.logFile = logFile;
        this.stdin = process.getOutputStream();
        Thread.ofPlatform().daemon().name("serve-stdout-" + process.pid()).start(this::readOutput);
    }

    /**
     * Starts the server and waits for READY.
     *
     * @throws CellFailure when it exits or stays silent past the timeout (the process is then stopped)
     */
    static JvmServer start(List<String> command, Path logFile, ChildProcesses children, double startupTimeoutSeconds) {
        Process process;
        try {
            process = children.track(new ProcessBuilder(command)
                    .redirectError(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                    .start());
        } catch (IOException e) {
            throw new CellFailure("cannot start the server: " + e.getMessage());
        }
        JvmServer server = new JvmServer(process, children, logFile);
        try {
            server.target = server.ready.get((long) (startupTimeoutSeconds * 1000), TimeUnit.MILLISECONDS);
            return server;
        } catch (TimeoutException e) {
            server.close();
            throw new CellFailure("server did not print READY within " + (long) startupTimeoutSeconds + " s"
                    + server.lastLines());
        } catch (Exception e) {
            try {
                process.waitFor(2, TimeUnit.SECONDS); // output ends a moment before the exit is visible
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
            String reason = server.exitReason();
            server.close();
            throw new CellFailure(reason != null ? reason : "server failed to start: " + e.getMessage());
        }
    }

    private void readOutput() {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.startsWith("READY ") && !ready.isDone()) {
                    ready.complete(Endpoints.parseTarget(line.substring(6).trim()));
                } else if (ProbeProtocol.isAnswer(line)) {
                    answers.add(line);
                } else {
                    synchronized (lastOutput) {
                        lastOutput.addLast(line);
                        if (lastOutput.size() > KEPT_OUTPUT_LINES) {
                            lastOutput.removeFirst();
                        }
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            // the pipe closed: the process is gone, exitReason() tells why
        } finally {
            ready.completeExceptionally(new IOException("server output ended before READY"));
        }
    }

    @Override
    public Target target() {
        return target;
    }

    @Override
    public ProcessHandle process() {
        return process.toHandle();
    }

    @Override
    public boolean insideProbe() {
        return insideProbe;
    }

    @Override
    public synchronized ProbeSample probe(String label) {
        return ProbeSamples.of(label, ask(ProbeProtocol.STATS), process.toHandle());
    }

    @Override
    public synchronized ProbeSample collectGarbageAndProbe(String label) {
        ask(ProbeProtocol.GC);
        return probe(label);
    }

    /** Sends a probe command and returns the sample it answers, or null when the server does not answer. */
    private ProbeSample ask(String command) {
        if (!insideProbe || !process.isAlive()) {
            return null;
        }
        try {
            answers.clear();
            stdin.write((command + "\n").getBytes(StandardCharsets.US_ASCII));
            stdin.flush();
            String answer = answers.poll(answeredBefore ? BUSY_PROBE_TIMEOUT_MS : PROBE_TIMEOUT_MS,
                    TimeUnit.MILLISECONDS);
            if (answer == null) {
                if (!answeredBefore) {
                    insideProbe = false; // does not speak the probe protocol: stop waiting for it every second
                }
                return null; // one that answered before is busy (a hundred JVMs on two cores), not silent
            }
            answeredBefore = true;
            return ProbeProtocol.parseAnswer(answer);
        } catch (IOException | RuntimeException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    @Override
    public boolean alive() {
        return process.isAlive();
    }

    @Override
    public String exitReason() {
        if (process.isAlive()) {
            return null;
        }
        try {
            process.waitFor(1, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return "server exited with code " + process.exitValue() + lastLines();
    }

    private String lastLines() {
        String last = LogTail.lastLine(logFile);
        if (last == null) {
            synchronized (lastOutput) {
                last = lastOutput.peekLast();
            }
        }
        return last == null ? "" : ": " + last;
    }

    @Override
    public void close() {
        try {
            stdin.close(); // serve stops on end of input: the polite way
        } catch (IOException ignored) {
            // already closed: the process is gone
        }
        try {
            if (!process.waitFor(STOP_GRACE_MS, TimeUnit.MILLISECONDS)) {
                ChildProcesses.terminate(process.toHandle(), 3_000);
            }
        } catch (InterruptedException e) {
            ChildProcesses.terminate(process.toHandle(), 0);
            Thread.currentThread().interrupt();
        }
        children.untrack(process);
    }
}
