package io.reactorbench.scenarios.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * What {@code /proc} says about a process from outside, so any server (also an {@code external:} one) is
 * measured the same way. A process tree is summed: a design started under {@code sh -c} or {@code taskset}
 * does its work in a descendant.
 */
public final class ProcFs {

    /** Linux's USER_HZ: utime and stime in /proc/PID/stat count in 1/100 s on every mainstream kernel. */
    private static final long NS_PER_TICK = 10_000_000L;

    private ProcFs() {
    }

    public static boolean available() {
        return Files.isReadable(Path.of("/proc/self/stat"));
    }

    /** utime+stime of the process and its live descendants in ns, or null when /proc cannot tell. */
    public static Long cpuNs(ProcessHandle process) {
        long total = 0;
        boolean any = false;
        for (ProcessHandle handle : tree(process)) {
            Long ns = cpuNs(handle.pid());
            if (ns != null) {
                total += ns;
                any = true;
            }
        }
        return any ? total : null;
    }

    /** VmRSS of the process and its live descendants in bytes, or null. */
    public static Long rssBytes(ProcessHandle process) {
        long total = 0;
        boolean any = false;
        for (ProcessHandle handle : tree(process)) {
            Long bytes = rssBytes(handle.pid());
            if (bytes != null) {
                total += bytes;
                any = true;
            }
        }
        return any ? total : null;
    }

    /** Open file descriptors of the process tree (sockets included), or -1 when unreadable. */
    public static int openFds(ProcessHandle process) {
        int total = 0;
        for (ProcessHandle handle : tree(process)) {
            try (Stream<Path> fds = Files.list(Path.of("/proc", Long.toString(handle.pid()), "fd"))) {
                total += (int) fds.count();
            } catch (IOException | SecurityException e) {
                return -1;
            }
        }
        return total;
    }

    static Long cpuNs(long pid) {
        try {
            String stat;
            // A stream, not Files.readString: /proc files report sizes that do not match their content.
            try (var in = Files.newInputStream(Path.of("/proc", Long.toString(pid), "stat"))) {
                stat = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.US_ASCII);
            }
            // The command name (field 2) may hold spaces and parentheses: fields are counted after the last ')'.
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).trim().split(" ");
            long utime = Long.parseLong(fields[11]);
            long stime = Long.parseLong(fields[12]);
            return (utime + stime) * NS_PER_TICK;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    static Long rssBytes(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    String[] parts = line.substring(6).trim().split("\\s+");
                    return Long.parseLong(parts[0]) * 1024;
                }
            }
            return null;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static List<ProcessHandle> tree(ProcessHandle process) {
        return Stream.concat(Stream.of(process), process.descendants()).filter(ProcessHandle::isAlive).toList();
    }
}
