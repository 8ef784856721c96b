package io.reactorbench.scenarios.run;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Counts a cell's server's system calls by name while the cell runs ({@code run --syscalls}, issue 21): {@code perf
 * stat} with the syscall tracepoints, attached to the server's processes, printing its counts every
 * {@value #INTERVAL_MS} ms into the cell's {@value #FILE}. Tracepoint counters are summed inside the kernel; nothing is
 * traced to user space per call. perf itself runs on the load generator's CPUs, so its reading of the counters is
 * not charged to the server. The tracepoints slow every system call (+5-13 % server CPU per echo round trip here:
 * {@code scripts/pingpong/syscall-count-overhead.sh}), which is why counting is opt-in.
 */
public final class SyscallCounter implements AutoCloseable {

    /** The calls that say how a design waits, reads and writes; every other one is in the total. */
    static final List<String> SYSCALLS = List.of("read", "readv", "recvfrom", "recvmsg", "write", "writev", "sendto",
            "sendmsg", "epoll_wait", "epoll_pwait", "epoll_pwait2", "io_uring_enter");
    /** Fine enough to leave the warm-up out of a 5 s window; each interval reads every counter of every thread. */
    static final long INTERVAL_MS = 500;
    static final String FILE = "syscalls.csv";
    static final String METHOD = "perf stat with the syscall tracepoints (in-kernel counters) on the server's"
            + " processes, " + INTERVAL_MS + " ms intervals inside the measured window; counting slows every system"
            + " call (+5-13 % server CPU per echo round trip where measured, docs/BENCHMARKS.md §10), so this run's CPU figures include its cost";
    /** perf's own start and its check of the events: seconds, not minutes, on any machine that has it. */
    private static final long CHECK_BOUND_SECONDS = 20;
    private static final long STOP_GRACE_MS = 2_000;

    private final Process perf;
    private final long startedAtMs;
    private final Path csv;
    private final ChildProcesses children;

    private SyscallCounter(Process perf, long startedAtMs, Path csv, ChildProcesses children) {
        this.perf = perf;
        this.startedAtMs = startedAtMs;
        this.csv = csv;
        this.children = children;
    }

    static String events() {
        return Stream.concat(SYSCALLS.stream().map(name -> "syscalls:sys_enter_" + name),
                Stream.of(SyscallIntervals.ALL_EVENT)).collect(Collectors.joining(","));
    }

    /**
     * Why system calls cannot be counted here (no perf, no syscall tracepoints, no permission to attach), or empty
     * when they can: checked by counting them once for {@code true}.
     */
    public static Optional<String> unavailability() {
        List<String> command = List.of("perf", "stat", "-x,", "-e", events(), "true");
        try {
            Process check = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(check.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!check.waitFor(CHECK_BOUND_SECONDS, TimeUnit.SECONDS)) {
                check.destroyForcibly();
                return Optional.of("perf stat did not finish within " + CHECK_BOUND_SECONDS + " s");
            }
            if (check.exitValue() != 0) {
                String firstLine = output.lines().filter(l -> !l.isBlank()).findFirst().orElse("no output");
                return Optional.of("perf cannot count syscall tracepoints here (exit " + check.exitValue() + ": "
                        + firstLine.trim() + "); it needs root or kernel.perf_event_paranoid <= -1 and tracefs");
            }
            return Optional.empty();
        } catch (IOException missing) {
            return Optional.of("perf is not installed (apt-get install -y linux-perf)");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.of("interrupted while checking perf");
        }
    }

    /** Starts counting the system calls of {@code servers} and their descendants into {@code cellDir}/syscalls.csv. */
    static SyscallCounter start(List<ProcessHandle> servers, List<String> cpuPrefix, Path cellDir,
                                ChildProcesses children) throws IOException {
        String pids = servers.stream().flatMap(p -> Stream.concat(Stream.of(p), p.descendants()))
                .map(p -> Long.toString(p.pid())).distinct().collect(Collectors.joining(","));
        Path csv = cellDir.resolve(FILE);
        List<String> command = new ArrayList<>(cpuPrefix);
        command.addAll(List.of("perf", "stat", "-x,", "-I", Long.toString(INTERVAL_MS), "-o", csv.toString(), "-e",
                events(), "-p", pids));
        long startedAtMs = System.currentTimeMillis();
        Process perf = children.track(new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start());
        return new SyscallCounter(perf, startedAtMs, csv, children);
    }

    /** Stops perf (SIGINT: it writes what it has) and reads the intervals it counted. */
    SyscallIntervals stop() throws IOException, InterruptedException {
        if (perf.isAlive()) {
            new ProcessBuilder("kill", "-INT", Long.toString(perf.pid())).start().waitFor(5, TimeUnit.SECONDS);
            if (!perf.waitFor(STOP_GRACE_MS, TimeUnit.MILLISECONDS)) {
                ChildProcesses.terminate(perf.toHandle(), STOP_GRACE_MS);
            }
        }
        children.untrack(perf);
        String counted = Files.isRegularFile(csv) ? Files.readString(csv) : "";
        return SyscallIntervals.parse(counted, startedAtMs);
    }

    @Override
    public void close() {
        if (perf.isAlive()) {
            ChildProcesses.terminate(perf.toHandle(), STOP_GRACE_MS);
        }
        children.untrack(perf);
    }
}
