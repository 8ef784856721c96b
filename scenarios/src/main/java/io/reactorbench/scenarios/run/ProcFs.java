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

    /**
     * Resident memory of the process tree by kind, from {@code /proc/<pid>/smaps_rollup} (Linux 4.14+).
     *
     * @param rssBytes          {@code Rss}: like VmRSS
     * @param anonBytes         {@code Anonymous}: resident pages the process made itself (heap, malloc, stacks, JIT
     *                          code), without the file pages (jars, shared libraries) it maps and touches
     * @param privateDirtyBytes {@code Private_Dirty}
     */
    public record MemoryRollup(long rssBytes, long anonBytes, long privateDirtyBytes) {
    }

    /** The tree's smaps_rollup summed, or null when any of it cannot be read (an older kernel, a vanished pid). */
    public static MemoryRollup memoryRollup(ProcessHandle process) {
        long rss = 0;
        long anon = 0;
        long dirty = 0;
        List<ProcessHandle> handles = tree(process);
        if (handles.isEmpty()) {
            return null;
        }
        for (ProcessHandle handle : handles) {
            MemoryRollup one = memoryRollup(handle.pid());
            if (one == null) {
                return null;
            }
            rss += one.rssBytes();
            anon += one.anonBytes();
            dirty += one.privateDirtyBytes();
        }
        return new MemoryRollup(rss, anon, dirty);
    }

    static MemoryRollup memoryRollup(long pid) {
        try {
            String text;
            try (var in = Files.newInputStream(Path.of("/proc", Long.toString(pid), "smaps_rollup"))) {
                text = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.US_ASCII);
            }
            return parseRollup(text);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** Parses smaps_rollup text ("Rss:  1234 kB" lines); null when a field is missing. */
    static MemoryRollup parseRollup(String text) {
        Long rss = null;
        Long anon = null;
        Long dirty = null;
        for (String line : text.split("\n")) {
            int colon = line.indexOf(':');
            if (colon < 0) {
                continue;
            }
            String key = line.substring(0, colon);
            if (!key.equals("Rss") && !key.equals("Anonymous") && !key.equals("Private_Dirty")) {
                continue;
            }
            long bytes = kilobytesAfterColon(line, colon);
            switch (key) {
                case "Rss" -> rss = bytes;
                case "Anonymous" -> anon = bytes;
                default -> dirty = bytes;
            }
        }
        return rss == null || anon == null || dirty == null ? null : new MemoryRollup(rss, anon, dirty);
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
                    return kilobytesAfterColon(line, "VmRSS".length());
                }
            }
            return null;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** The bytes of a {@code /proc} line like {@code "VmRSS:   1234 kB"}, whose colon is at {@code colon}. */
    private static long kilobytesAfterColon(String line, int colon) {
        return Long.parseLong(line.substring(colon + 1).trim().split("\\s+")[0]) * 1024;
    }

    /** The process and its live descendants. */
    static List<ProcessHandle> tree(ProcessHandle process) {
        return Stream.concat(Stream.of(process), process.descendants()).filter(ProcessHandle::isAlive).toList();
    }
}
