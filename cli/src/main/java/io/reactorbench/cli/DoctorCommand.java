package io.reactorbench.cli;

import io.reactorbench.report.Fonts;
import io.reactorbench.scenarios.run.CpuPinning;
import io.reactorbench.scenarios.run.FdLimits;
import io.reactorbench.scenarios.run.ServerCpuQuota;
import io.reactorbench.scenarios.suite.CpuSets;
import io.reactorbench.wire.spi.Availability;
import io.reactorbench.wire.spi.ServerDesign;
import io.reactorbench.wire.spi.ServerDesigns;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "doctor", mixinStandardHelpOptions = true,
        description = {"Checks this machine: JDK, cores, limits, pollers; says what to change for N connections.",
            "Exit 0, or 1 when --connections asks for more than this machine can allow."})
final class DoctorCommand implements Callable<Integer> {

    /** Thread-per-connection servers need a thread (a kernel task) per connection, plus the JVM's own. */
    private static final long THREAD_RESERVE = 1_000;
    private static final long STEAL_SAMPLE_MS = 500;
    /** Kernel memory per idle loopback connection pair, measured here (MACHINE-NOTES): about 10 KB of slab. */
    private static final long KERNEL_BYTES_PER_PAIR = 10_240;

    @Option(names = "--connections", paramLabel = "N", description = "say what must change to hold N connections")
    Long connections;

    @Override
    public Integer call() {
        if (connections != null && connections < 1) {
            throw new UserError("--connections must be at least 1, got " + connections);
        }
        List<DoctorCheck> checks = new ArrayList<>();
        machine(checks);
        designs(checks);
        FdLimits fds = FdLimits.current();
        checks.add(DoctorCheck.note("max connections", fds.maxConnections() < 0 ? "unknown (no /proc/self/limits)"
                : fds.maxConnections() + " per scenario (open files soft limit " + fds.soft() + " minus "
                + FdLimits.RESERVE + "; one descriptor per connection in the server and in the load process)"));
        checks.forEach(c -> System.out.println(c.render()));
        if (connections == null) {
            return Main.EXIT_OK;
        }
        return forConnections(connections, fds, Privileges.current());
    }

    private static void machine(List<DoctorCheck> checks) {
        Runtime.Version version = Runtime.version();
        String jdk = System.getProperty("java.vm.vendor") + " " + version;
        checks.add(version.feature() >= 25 ? DoctorCheck.ok("JDK", jdk) : DoctorCheck.fail("JDK", jdk + ": reactorbench needs 25+"));
        int cores = Runtime.getRuntime().availableProcessors();
        checks.add(cores >= 2 ? DoctorCheck.ok("cores", cores + " (server on CPU 0, load on CPU 1 by default)")
                : DoctorCheck.warn("cores", cores + ": server and load will share a CPU; numbers will be noisy"));
        MachineNoise noise = new MachineNoise(Path.of("/"));
        checks.add(noise.loadAverage(cores));
        checks.add(stealOverHalfASecond(noise));
        checks.add(noise.governor());
        checks.add(noise.transparentHugePages());
        CpuPinning pinning = CpuPinning.decide(CpuSets.DEFAULT);
        checks.add(pinning.applied() ? DoctorCheck.ok("taskset", "works (taskset -c 0 and -c 1)")
                : DoctorCheck.warn("taskset", pinning.note()));
        ServerCpuQuota.Hierarchy quotas = ServerCpuQuota.Hierarchy.find(Path.of("/sys/fs/cgroup"));
        checks.add(quotas.available()
                ? DoctorCheck.ok("server CPU quota", "works (" + quotas.describe() + "): suites may cap a server with serverCpuQuota")
                : DoctorCheck.warn("server CPU quota", "cells with a serverCpuQuota will fail: " + quotas.describe()));
        FdLimits fds = FdLimits.current();
        checks.add(fds.soft() < 0 ? DoctorCheck.warn("open files", "unknown")
                : DoctorCheck.ok("open files", "soft " + limit(fds.soft()) + ", hard " + limit(fds.hard())));
        Long ports = DoctorMachine.ephemeralPorts();
        checks.add(ports == null ? DoctorCheck.warn("ephemeral ports", "unknown")
                : DoctorCheck.ok("ephemeral ports", DoctorMachine.procValue("/proc/sys/net/ipv4/ip_local_port_range")
                        + " (" + ports + " connections per client/server address pair)"));
        for (String[] sysctl : new String[][] {
            {"somaxconn", "/proc/sys/net/core/somaxconn"},
            {"tcp_max_syn_backlog", "/proc/sys/net/ipv4/tcp_max_syn_backlog"},
            {"tcp_mem (pages)", "/proc/sys/net/ipv4/tcp_mem"},
            {"pid_max", "/proc/sys/kernel/pid_max"},
            {"threads-max", "/proc/sys/kernel/threads-max"}}) {
            String value = DoctorMachine.procValue(sysctl[1]);
            checks.add(value == null ? DoctorCheck.warn(sysctl[0], "unknown") : DoctorCheck.ok(sysctl[0], value));
        }
        // The report module knows which font its charts ask for; ask it rather than grepping fc-list here.
        Fonts.Check fonts = Fonts.check();
        checks.add(!fonts.usable() ? DoctorCheck.fail("fonts", fonts.message())
                : fonts.preferredPresent() ? DoctorCheck.ok("fonts", fonts.message())
                : DoctorCheck.warn("fonts", fonts.message()));
    }

    private static void designs(List<DoctorCheck> checks) {
        List<ServerDesign> all = ServerDesigns.all();
        if (all.isEmpty()) {
            checks.add(DoctorCheck.fail("designs", "none on the class path"));
        }
        for (ServerDesign design : all) {
            Availability availability = design.availability();
            checks.add(availability.available() ? DoctorCheck.ok("design " + design.id(), "available")
                    : DoctorCheck.warn("design " + design.id(), "unavailable: " + availability.cause()));
        }
    }

    private static DoctorCheck stealOverHalfASecond(MachineNoise noise) {
        String before = noise.read("proc/stat");
        try {
            Thread.sleep(STEAL_SAMPLE_MS); // steal since boot would hide a neighbour that arrived an hour ago
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return MachineNoise.cpuSteal(before, noise.read("proc/stat"), STEAL_SAMPLE_MS / 1000.0);
    }

    /** What must change for N connections, as lines to paste, and whether it is possible at all here. */
    static int forConnections(long n, FdLimits fds, Privileges privileges) {
        System.out.println();
        System.out.println("to hold " + n + " connections (one server process and one load process):");
        List<String> paste = new ArrayList<>();
        boolean possible = true;
        long fdsNeeded = n + FdLimits.RESERVE;
        if (fds.soft() >= 0 && fdsNeeded > fds.soft()) {
            if (fdsNeeded <= fds.hard()) {
                paste.add("ulimit -n " + fdsNeeded + "        # within the hard limit " + fds.hard() + ": no root needed");
            } else {
                possible = false;
                paste.add("# open files: needs " + fdsNeeded + ", hard limit is " + limit(fds.hard())
                        + "; " + privileges.limitRemedy() + ":");
                paste.add("#   echo '* hard nofile " + fdsNeeded + "' >> /etc/security/limits.conf   # then log in again");
                paste.add("#   or: prlimit --pid $$ --nofile=" + fdsNeeded + ":" + fdsNeeded);
            }
        }
        Long ports = DoctorMachine.ephemeralPorts();
        if (ports != null && n > ports) {
            if (n > 64_511) {
                possible = false;
                paste.add("# " + n + " connections exceed the 64,511 ports one client address can use towards one server"
                        + " address; more needs several loopback addresses (127.0.0.2 ...)");
            } else {
                paste.add("sysctl -w net.ipv4.ip_local_port_range=\"1024 65535\"");
            }
        }
        Long somaxconn = DoctorMachine.procLong("/proc/sys/net/core/somaxconn");
        if (somaxconn != null && somaxconn < Math.min(n, 4096)) {
            paste.add("sysctl -w net.core.somaxconn=" + Math.min(n, 65535) + "   # connection bursts overflow a short accept queue");
        }
        Long synBacklog = DoctorMachine.procLong("/proc/sys/net/ipv4/tcp_max_syn_backlog");
        if (synBacklog != null && synBacklog < Math.min(n, 4096)) {
            paste.add("sysctl -w net.ipv4.tcp_max_syn_backlog=" + Math.min(n, 65535));
        }
        Long pidMax = DoctorMachine.procLong("/proc/sys/kernel/pid_max");
        if (pidMax != null && n + THREAD_RESERVE > pidMax) {
            paste.add("sysctl -w kernel.pid_max=" + Math.max(4 * n, 65536)
                    + "   # the 'threads' design starts one platform thread per connection");
        }
        Long threadsMax = DoctorMachine.procLong("/proc/sys/kernel/threads-max");
        if (threadsMax != null && n + THREAD_RESERVE > threadsMax) {
            paste.add("sysctl -w kernel.threads-max=" + Math.max(4 * n, 65536));
        }
        String memAvailable = DoctorMachine.procValue("/proc/meminfo");
        long kernelBytes = n * KERNEL_BYTES_PER_PAIR;
        if (memAvailable != null) {
            for (String line : memAvailable.split("(?=MemAvailable:)")) {
                if (line.startsWith("MemAvailable:")) {
                    long availableKb = Long.parseLong(line.split(" ")[1]);
                    if (kernelBytes / 1024 > availableKb / 2) {
                        paste.add("# kernel socket memory ~" + kernelBytes / (1 << 20) + " MiB exceeds half the available memory");
                    }
                }
            }
        }
        if (paste.isEmpty()) {
            System.out.println("  nothing to change: this machine allows it");
        } else {
            paste.forEach(line -> System.out.println("  " + line));
        }
        long max = fds.maxConnectionsAtHardLimit();
        System.out.println("this machine allows at most " + (max < 0 ? "an unknown number of" : Long.toString(max))
                + " connections per scenario " + privileges.limitObstacle() + " (open files hard limit "
                + limit(fds.hard()) + ")"
                + (fds.maxConnections() < max ? ", " + fds.maxConnections() + " at the current soft limit" : ""));
        if (!possible) {
            System.out.println(n + " connections are not possible here " + privileges.limitObstacle());
            return Main.EXIT_CHECK_FAILED;
        }
        return Main.EXIT_OK;
    }

    private static String limit(long value) {
        return value == Long.MAX_VALUE ? "unlimited" : Long.toString(value);
    }
}
