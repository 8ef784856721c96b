package io.reactorbench.scenarios.machine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * {@code doctor}'s checks of what makes numbers noisy on this machine right now: other load, CPU stolen by a
 * hypervisor, a clock that follows load, transparent huge pages compacting under the JVM. Reads files under a
 * root ({@code /} here, a temp tree in tests); a file that is missing says so instead of guessing.
 */
final class MachineNoise {

    /** CPU stolen above this share of a sample means another guest shares the cores: timings wander. */
    static final double STEAL_WARN_SHARE = 0.02;

    private final Path root;

    MachineNoise(Path root) {
        this.root = root;
    }

    /** 1-minute load average against the cores: more runnable threads than cores means the run competes. */
    MachineCheck loadAverage(int cores) {
        String text = read("proc/loadavg");
        if (text == null) {
            return MachineCheck.warn("load average", "unknown (no /proc/loadavg)");
        }
        double oneMinute = Double.parseDouble(text.strip().split("\\s+")[0]);
        String finding = String.format(Locale.ROOT, "%.2f over the last minute on %d cores", oneMinute, cores);
        return oneMinute >= cores * 0.5
                ? MachineCheck.warn("load average", finding + ": other work is running; numbers will be noisy"
                        + " (see top; run benchmarks on a quiet machine)")
                : MachineCheck.ok("load average", finding);
    }

    /**
     * Share of CPU time stolen by the hypervisor between two readings of /proc/stat ({@code cpu} line:
     * user nice system idle iowait irq softirq steal ...).
     */
    static MachineCheck cpuSteal(String statBefore, String statAfter, double sampleSeconds) {
        long[] before = cpuTimes(statBefore);
        long[] after = cpuTimes(statAfter);
        if (before == null || after == null || before.length < 8 || after.length < 8) {
            return MachineCheck.warn("CPU steal", "unknown (no steal column in /proc/stat)");
        }
        long total = 0;
        for (int i = 0; i < 8; i++) {
            total += after[i] - before[i];
        }
        double share = total <= 0 ? 0 : (after[7] - before[7]) / (double) total;
        String finding = String.format(Locale.ROOT, "%.1f%% of CPU time over %.1f s", share * 100, sampleSeconds);
        return share > STEAL_WARN_SHARE
                ? MachineCheck.warn("CPU steal", finding + ": the hypervisor gives these cores to others; timings will"
                        + " wander (use a dedicated or bare-metal machine for numbers worth quoting)")
                : MachineCheck.ok("CPU steal", finding);
    }

    /** The cpufreq governors of all CPUs: anything but performance lets the clock follow the load. */
    MachineCheck governor() {
        TreeSet<String> governors = new TreeSet<>();
        Path cpus = root.resolve("sys/devices/system/cpu");
        try (Stream<Path> entries = Files.exists(cpus) ? Files.list(cpus) : Stream.empty()) {
            for (Path cpu : entries.filter(p -> p.getFileName().toString().matches("cpu\\d+")).toList()) {
                String g = read(root.relativize(cpu.resolve("cpufreq/scaling_governor")).toString());
                if (g != null) {
                    governors.add(g.strip());
                }
            }
        } catch (IOException e) {
            return MachineCheck.warn("CPU governor", "unknown (" + e.getMessage() + ")");
        }
        if (governors.isEmpty()) {
            return MachineCheck.note("CPU governor", "none visible (no cpufreq here: a VM or container, the host"
                    + " sets the clock)");
        }
        String found = String.join(", ", governors);
        return governors.equals(new TreeSet<>(List.of("performance")))
                ? MachineCheck.ok("CPU governor", found)
                : MachineCheck.warn("CPU governor", found + ": the clock follows the load, so short runs measure"
                        + " ramp-up; for steady numbers: cpupower frequency-set -g performance");
    }

    /** Transparent huge pages: 'always' lets khugepaged and compaction stall the JVM at random moments. */
    MachineCheck transparentHugePages() {
        String enabled = read("sys/kernel/mm/transparent_hugepage/enabled");
        if (enabled == null) {
            return MachineCheck.note("transparent hugepages", "not available here");
        }
        String chosen = selected(enabled);
        return "always".equals(chosen)
                ? MachineCheck.warn("transparent hugepages", "always: compaction and khugepaged can stall the JVM"
                        + " (latency outliers); echo madvise > /sys/kernel/mm/transparent_hugepage/enabled")
                : MachineCheck.ok("transparent hugepages", chosen + " (the JVM uses them only when asked)");
    }

    /** The bracketed choice of a sysfs selector, e.g. {@code always [madvise] never} → madvise. */
    static String selected(String selector) {
        int open = selector.indexOf('[');
        int close = selector.indexOf(']', open + 1);
        return open >= 0 && close > open ? selector.substring(open + 1, close) : selector.strip();
    }

    private static long[] cpuTimes(String stat) {
        if (stat == null) {
            return null;
        }
        for (String line : stat.split("\n")) {
            if (line.startsWith("cpu ")) {
                String[] fields = line.strip().split("\\s+");
                List<Long> values = new ArrayList<>();
                for (int i = 1; i < fields.length; i++) {
                    values.add(Long.parseLong(fields[i]));
                }
                return values.stream().mapToLong(Long::longValue).toArray();
            }
        }
        return null;
    }

    String read(String relative) {
        try {
            return Files.readString(root.resolve(relative));
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
