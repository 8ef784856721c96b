package io.reactorbench.scenarios.run;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Caps a server's CPU with a CFS bandwidth quota: the server (and its descendants) moves into a cgroup of its own
 * that may run {@code percent} of one CPU in every {@link #PERIOD_US} period. cgroup v2 ({@code cpu.max}) and the
 * v1 cpu controller ({@code cpu.cfs_quota_us}) both work; either needs write access to the hierarchy (root).
 *
 * <p>Why a runner caps its own server: on a 2-core machine server and load generator get one core each, and for
 * loopback ping-pong the load generator pays as much kernel TCP work per round trip as the server does (the
 * sender runs the receiver's TCP input path). It is then the bottleneck, and every design serves what the client
 * can send. With the server capped at, say, half a core, the client has twice the server's CPU, the server is the
 * bottleneck, and round trips per second compare servers again: what a faster load machine would show.
 */
public final class ServerCpuQuota implements AutoCloseable {

    /**
     * 10 ms periods: a capped server that used its quota waits for the next period, so the period bounds the
     * stalls a capped cell adds to latency (the kernel's 100 ms default would stall a 50 % server for 50 ms).
     */
    static final long PERIOD_US = 10_000;
    /** The smallest quota the kernel accepts (cpu.cfs_quota_us, cpu.max). */
    private static final long MIN_QUOTA_US = 1_000;
    static final String GROUP_PREFIX = "reactorbench-";

    private final Path group;

    private ServerCpuQuota(Path group) {
        this.group = group;
    }

    /**
     * Where quota groups go: the cpu controller of cgroup v2 or v1 under {@code /sys/fs/cgroup}, or why there is none
     * usable (not mounted, or no write access: creating a group needs root).
     */
    public record Hierarchy(Path root, boolean v2, String unavailabilityCause) {

        /** Finds the hierarchy and checks it by creating and removing a group; changes nothing else. */
        public static Hierarchy find(Path sysFsCgroup) {
            Path unified = sysFsCgroup.resolve("cgroup.controllers");
            Path v1 = sysFsCgroup.resolve("cpu");
            Hierarchy found;
            try {
                if (Files.isRegularFile(unified) && words(unified).contains("cpu")) {
                    found = new Hierarchy(sysFsCgroup, true, null);
                } else if (Files.isRegularFile(v1.resolve("cpu.cfs_quota_us"))) {
                    found = new Hierarchy(v1, false, null);
                } else {
                    return new Hierarchy(sysFsCgroup, false, "no cgroup cpu controller under " + sysFsCgroup);
                }
                Path probe = found.root().resolve(GROUP_PREFIX + "probe-" + ProcessHandle.current().pid());
                Files.createDirectories(probe);
                Files.delete(probe);
            } catch (IOException | RuntimeException e) {
                return new Hierarchy(sysFsCgroup, false, "cannot create a cgroup under " + sysFsCgroup
                        + " (needs root): " + e);
            }
            return found;
        }

        public boolean available() {
            return unavailabilityCause == null;
        }

        /** "cgroup v1 cpu controller at /sys/fs/cgroup/cpu", or why none is usable. */
        public String describe() {
            return available() ? "cgroup " + (v2 ? "v2" : "v1") + " cpu controller at " + root : unavailabilityCause;
        }

        /**
         * Readies the hierarchy for a run: on v2 the root delegates the cpu controller to its children (a child's
         * {@code cpu.max} exists only then), and groups earlier runs left empty (a run killed with SIGKILL) go.
         */
        void prepare() {
            if (!available()) {
                return;
            }
            if (v2) {
                try {
                    Path subtree = root.resolve("cgroup.subtree_control");
                    if (!words(subtree).contains("cpu")) {
                        Files.writeString(subtree, "+cpu");
                    }
                } catch (IOException e) {
                    // apply() then fails the capped cells with the kernel's reason
                }
            }
            removeEmptyGroups(GROUP_PREFIX);
        }

        /** Removes the empty groups whose names start with {@code prefix}; groups with a process left in them stay. */
        void removeEmptyGroups(String prefix) {
            if (!available()) {
                return;
            }
            try (DirectoryStream<Path> groups = Files.newDirectoryStream(root, prefix + "*")) {
                for (Path group : groups) {
                    try {
                        Files.delete(group);
                    } catch (IOException stillInUse) {
                        // a server is still in it (another run's)
                    }
                }
            } catch (IOException unreadable) {
                // nothing to tidy
            }
        }

        private static List<String> words(Path file) throws IOException {
            return List.of(Files.readString(file).trim().split("\\s+"));
        }
    }

    /**
     * Moves {@code process} and its descendants into a new group {@code name} capped at {@code percent} of one CPU.
     *
     * @throws CellFailure when the hierarchy is unavailable or the kernel refuses a write
     */
    static ServerCpuQuota apply(Hierarchy hierarchy, String name, double percent, ProcessHandle process) {
        return apply(hierarchy, name, percent, List.of(process));
    }

    /**
     * Moves every one of {@code processes} (a server of K processes sharing a port) and their descendants into one
     * new group: the quota caps the server as a whole, as it caps a server of one process.
     */
    static ServerCpuQuota apply(Hierarchy hierarchy, String name, double percent, List<ProcessHandle> processes) {
        if (!hierarchy.available()) {
            throw new CellFailure("serverCpuQuota " + percentText(percent) + " cannot be applied: "
                    + hierarchy.unavailabilityCause());
        }
        Path group = hierarchy.root().resolve(GROUP_PREFIX + name);
        try {
            Files.createDirectories(group);
            long[] quotaAndPeriod = quotaAndPeriodUs(percent);
            long quotaUs = quotaAndPeriod[0];
            long periodUs = quotaAndPeriod[1];
            if (hierarchy.v2()) {
                Files.writeString(group.resolve("cpu.max"), quotaUs + " " + periodUs);
            } else {
                Files.writeString(group.resolve("cpu.cfs_period_us"), Long.toString(periodUs));
                Files.writeString(group.resolve("cpu.cfs_quota_us"), Long.toString(quotaUs));
            }
            for (ProcessHandle process : processes) {
                for (ProcessHandle member : ProcFs.tree(process)) {
                    // cgroup.procs takes one pid per write and moves all of that process's threads
                    Files.writeString(group.resolve("cgroup.procs"), Long.toString(member.pid()));
                }
            }
        } catch (IOException e) {
            new ServerCpuQuota(group).close();
            throw new CellFailure("serverCpuQuota " + percentText(percent) + ": cannot cap the server in " + group
                    + ": " + e.getMessage());
        }
        return new ServerCpuQuota(group);
    }

    /**
     * {@code percent} of one CPU as {quota, period} in µs: {@link #PERIOD_US} periods, longer ones below 10 % because
     * the kernel refuses quotas under 1 ms (1 % is 1 ms per 100 ms).
     */
    static long[] quotaAndPeriodUs(double percent) {
        long quotaUs = Math.round(PERIOD_US * percent / 100);
        if (quotaUs >= MIN_QUOTA_US) {
            return new long[] {quotaUs, PERIOD_US};
        }
        return new long[] {MIN_QUOTA_US, Math.round(MIN_QUOTA_US * 100 / percent)};
    }

    Path group() {
        return group;
    }

    static String percentText(double percent) {
        return String.format(Locale.ROOT, percent == Math.rint(percent) ? "%.0f%%" : "%.1f%%", percent);
    }

    /** Removes the group; call once its processes have exited (a cgroup with members cannot be removed). */
    @Override
    public void close() {
        for (int attempt = 0; attempt < 20 && Files.isDirectory(group); attempt++) {
            try {
                Files.delete(group);
                return;
            } catch (java.nio.file.DirectoryNotEmptyException notACgroup) {
                return; // a plain directory (tests): a real cgroup directory is removable once it has no members
            } catch (IOException busy) {
                try {
                    Thread.sleep(100); // the last exited process is still being reaped
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }
}
