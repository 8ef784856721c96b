package io.reactorbench.scenarios.machine;

import io.reactorbench.scenarios.run.CpuPinning;
import io.reactorbench.scenarios.run.FdLimits;
import io.reactorbench.scenarios.run.ServerCpuQuota;
import io.reactorbench.scenarios.run.SyscallCounter;
import io.reactorbench.scenarios.suite.CpuSets;
import io.reactorbench.sys.IoUringFacts;
import io.reactorbench.sys.IoUringSupport;
import io.reactorbench.sys.PollerKind;
import io.reactorbench.wire.spi.Availability;
import io.reactorbench.wire.spi.ServerDesign;
import io.reactorbench.wire.spi.ServerDesigns;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** What {@code doctor} checks of this machine and the designs on the class path, in the order it prints them. */
public final class MachineChecks {

    /** Steal since boot would hide a neighbour that arrived an hour ago: sample it over this long instead. */
    private static final long STEAL_SAMPLE_MS = 500;

    private MachineChecks() {
    }

    /** JDK, cores, what makes numbers noisy now, pinning, CPU quota, limits and the kernel's network settings. */
    public static List<MachineCheck> machine() {
        List<MachineCheck> checks = new ArrayList<>();
        Runtime.Version version = Runtime.version();
        String jdk = System.getProperty("java.vm.vendor") + " " + version;
        checks.add(version.feature() >= 25 ? MachineCheck.ok("JDK", jdk) : MachineCheck.fail("JDK", jdk + ": reactorbench needs 25+"));
        int cores = Runtime.getRuntime().availableProcessors();
        checks.add(cores >= 2 ? MachineCheck.ok("cores", cores + " (server on CPU 0, load on CPU 1 by default)")
                : MachineCheck.warn("cores", cores + ": server and load will share a CPU; numbers will be noisy"));
        MachineNoise noise = new MachineNoise(Path.of("/"));
        checks.add(noise.loadAverage(cores));
        checks.add(stealOverHalfASecond(noise));
        checks.add(noise.governor());
        checks.add(noise.transparentHugePages());
        CpuPinning pinning = CpuPinning.decide(CpuSets.DEFAULT);
        checks.add(pinning.applied() ? MachineCheck.ok("taskset", "works (taskset -c 0 and -c 1)")
                : MachineCheck.warn("taskset", pinning.note()));
        ServerCpuQuota.Hierarchy quotas = ServerCpuQuota.Hierarchy.find(Path.of("/sys/fs/cgroup"));
        checks.add(quotas.available()
                ? MachineCheck.ok("server CPU quota", "works (" + quotas.describe() + "): suites may cap a server with serverCpuQuota")
                : MachineCheck.warn("server CPU quota", "cells with a serverCpuQuota will fail: " + quotas.describe()));
        checks.add(ioUring(IoUringSupport.unavailabilityCause(), IoUringFacts.here(),
                PollerKind.AUTO.resolveForServer(false, false).poller()));
        checks.add(SyscallCounter.unavailability()
                .map(cause -> MachineCheck.note("syscall counting", "run --syscalls cannot count here: " + cause))
                .orElse(MachineCheck.ok("syscall counting", "perf counts syscall tracepoints: run --syscalls works")));
        FdLimits fds = FdLimits.current();
        checks.add(fds.soft() < 0 ? MachineCheck.warn("open files", "unknown")
                : MachineCheck.ok("open files", "soft " + limit(fds.soft()) + ", hard " + limit(fds.hard())));
        Long ports = ProcValues.ephemeralPorts();
        checks.add(ports == null ? MachineCheck.warn("ephemeral ports", "unknown")
                : MachineCheck.ok("ephemeral ports", ProcValues.procValue("/proc/sys/net/ipv4/ip_local_port_range")
                        + " (" + ports + " connections per client/server address pair)"));
        for (String[] sysctl : new String[][] {
            {"somaxconn", "/proc/sys/net/core/somaxconn"},
            {"tcp_max_syn_backlog", "/proc/sys/net/ipv4/tcp_max_syn_backlog"},
            {"tcp_mem (pages)", "/proc/sys/net/ipv4/tcp_mem"},
            {"pid_max", "/proc/sys/kernel/pid_max"},
            {"threads-max", "/proc/sys/kernel/threads-max"}}) {
            String value = ProcValues.procValue(sysctl[1]);
            checks.add(value == null ? MachineCheck.warn(sysctl[0], "unknown") : MachineCheck.ok(sysctl[0], value));
        }
        return checks;
    }

    /**
     * Whether the engine's io_uring ring works here ({@code cause} null) with the facts that allow it, or why not (the
     * cause already names the kernel, sysctl or seccomp filter that refuses it), and so which poller the {@code engine}
     * design's auto runs for streams here ({@code autoStreamPoller}: uring, or what it fell back to).
     */
    static MachineCheck ioUring(String cause, IoUringFacts facts, PollerKind autoStreamPoller) {
        String auto = "; engine (auto) serves TCP and Unix streams on " + autoStreamPoller.id();
        return cause == null
                ? MachineCheck.ok("io_uring", "rings work (kernel " + facts.kernelRelease()
                        + (facts.disabledSetting() == null ? "" : ", kernel.io_uring_disabled = " + facts.disabledSetting())
                        + (facts.seccompFiltered() ? ", a seccomp filter that allows it" : "") + ")" + auto)
                : MachineCheck.warn("io_uring", "unavailable: " + cause + auto);
    }

    /** Every design on the class path, and whether it can run here. */
    public static List<MachineCheck> designs() {
        List<MachineCheck> checks = new ArrayList<>();
        List<ServerDesign> all = ServerDesigns.all();
        if (all.isEmpty()) {
            checks.add(MachineCheck.fail("designs", "none on the class path"));
        }
        for (ServerDesign design : all) {
            Availability availability = design.availability();
            checks.add(availability.available() ? MachineCheck.ok("design " + design.id(), "available")
                    : MachineCheck.warn("design " + design.id(), "unavailable: " + availability.cause()));
        }
        return checks;
    }

    /** How many connections a scenario may hold under the open-files limit. */
    public static MachineCheck maxConnections(FdLimits fds) {
        return MachineCheck.note("max connections", fds.maxConnections() < 0 ? "unknown (no /proc/self/limits)"
                : fds.maxConnections() + " per scenario (open files soft limit " + fds.soft() + " minus "
                + FdLimits.RESERVE + "; one descriptor per connection in the server and in the load process)");
    }

    private static MachineCheck stealOverHalfASecond(MachineNoise noise) {
        String before = noise.read("proc/stat");
        try {
            Thread.sleep(STEAL_SAMPLE_MS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return MachineNoise.cpuSteal(before, noise.read("proc/stat"), STEAL_SAMPLE_MS / 1000.0);
    }

    static String limit(long value) {
        return value == Long.MAX_VALUE ? "unlimited" : Long.toString(value);
    }
}
