package io.reactorbench.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One local process started from a command line and an environment, as a pod would run it (a coordinator or an agent
 * of a distributed load), its stdout and stderr together in a log file the test reads while it runs. Every wait is
 * bounded; {@link #close()} kills what is still running.
 */
public final class LocalProcess implements AutoCloseable {

    private static final long POLL_MS = 50;

    private final Process process;
    private final Path log;

    private LocalProcess(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    /** Starts {@code command} with {@code environment} added to this process's, its output into {@code log}. */
    public static LocalProcess start(List<String> command, Map<String, String> environment, Path log)
            throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(log.toFile()).redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
        builder.environment().putAll(environment);
        return new LocalProcess(builder.start(), log);
    }

    /**
     * {@code reactorbench ARGS} as a JVM on the test class path: what the {@code reactorbench} launcher runs, so a
     * test can put it where a pod spec says {@code reactorbench}.
     */
    public static List<String> reactorbench(List<String> args) {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED", "-Xmx256m", "-XX:TieredStopAtLevel=1",
                "-cp", System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")),
                Main.class.getName()));
        command.addAll(args);
        return command;
    }

    /** The first match of {@code pattern} in the output, waiting up to {@code timeoutMs} for it; empty if none. */
    public Optional<Matcher> awaitOutput(Pattern pattern, long timeoutMs) throws IOException, InterruptedException {
        long deadlineNs = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMs);
        while (true) {
            Matcher matcher = pattern.matcher(output());
            if (matcher.find()) {
                return Optional.of(matcher);
            }
            if (System.nanoTime() > deadlineNs || !process.isAlive() && !pattern.matcher(output()).find()) {
                return Optional.empty();
            }
            Thread.sleep(POLL_MS);
        }
    }

    /** The exit code, waiting up to {@code timeoutMs}; killed and -1 when it runs longer. */
    public int awaitExit(long timeoutMs) throws InterruptedException {
        if (!process.waitFor(timeoutMs, TimeUnit.MILLISECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            return -1;
        }
        return process.exitValue();
    }

    /** SIGKILL: a process that dies without a word, as a pod whose node went away. */
    public void kill() throws InterruptedException {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }

    public String output() throws IOException {
        return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            kill();
        }
    }
}
