package io.reactorbench.scenarios.machine;

import io.reactorbench.scenarios.run.FdLimits;
import java.util.ArrayList;
import java.util.List;

/** What must change on this machine to hold N connections, as lines to paste, and whether it is possible at all. */
public final class ConnectionCapacity {

    /** Thread-per-connection servers need a thread (a kernel task) per connection, plus the JVM's own. */
    private static final long THREAD_RESERVE = 1_000;
    /** Kernel memory per idle loopback connection pair, measured here (MACHINE-NOTES): about 10 KB of slab. */
    private static final long KERNEL_BYTES_PER_PAIR = 10_240;

    /**
     * The advice as {@code doctor} prints it.
     *
     * @param lines    the lines to print, in order
     * @param possible false when this machine cannot hold N connections without privileges it lacks
     */
    public record Advice(List<String> lines, boolean possible) {
    }

    private ConnectionCapacity() {
    }

    /** For this process's limits and privileges. */
    public static Advice advise(long n, FdLimits fds) {
        return advise(n, fds, Privileges.current());
    }

    static Advice advise(long n, FdLimits fds, Privileges privileges) {
        List<String> lines = new ArrayList<>();
        lines.add("to hold " + n + " connections (one server process and one load process):");
        List<String> paste = new ArrayList<>();
        boolean possible = true;
        long fdsNeeded = n + FdLimits.RESERVE;
        if (fds.soft() >= 0 && fdsNeeded > fds.soft()) {
            if (fdsNeeded <= fds.hard()) {
                paste.add("ulimit -n " + fdsNeeded + "        # within the hard limit " + fds.hard() + ": no root needed");
            } else {
                possible = false;
                paste.add("# open files: needs " + fdsNeeded + ", hard limit is " + MachineChecks.limit(fds.hard())
                        + "; " + privileges.limitRemedy() + ":");
                paste.add("#   echo '* hard nofile " + fdsNeeded + "' >> /etc/security/limits.conf   # then log in again");
                paste.add("#   or: prlimit --pid $$ --nofile=" + fdsNeeded + ":" + fdsNeeded);
            }
        }
        Long ports = ProcValues.ephemeralPorts();
        if (ports != null && n > ports) {
            if (n > 64_511) {
                possible = false;
                paste.add("# " + n + " connections exceed the 64,511 ports one client address can use towards one server"
                        + " address; more needs several loopback addresses (127.0.0.2 ...)");
            } else {
                paste.add("sysctl -w net.ipv4.ip_local_port_range=\"1024 65535\"");
            }
        }
        Long somaxconn = ProcValues.procLong("/proc/sys/net/core/somaxconn");
        if (somaxconn != null && somaxconn < Math.min(n, 4096)) {
            paste.add("sysctl -w net.core.somaxconn=" + Math.min(n, 65535) + "   # connection bursts overflow a short accept queue");
        }
        Long synBacklog = ProcValues.procLong("/proc/sys/net/ipv4/tcp_max_syn_backlog");
        if (synBacklog != null && synBacklog < Math.min(n, 4096)) {
            paste.add("sysctl -w net.ipv4.tcp_max_syn_backlog=" + Math.min(n, 65535));
        }
        Long pidMax = ProcValues.procLong("/proc/sys/kernel/pid_max");
        if (pidMax != null && n + THREAD_RESERVE > pidMax) {
            paste.add("sysctl -w kernel.pid_max=" + Math.max(4 * n, 65536)
                    + "   # the 'threads' design starts one platform thread per connection");
        }
        Long threadsMax = ProcValues.procLong("/proc/sys/kernel/threads-max");
        if (threadsMax != null && n + THREAD_RESERVE > threadsMax) {
            paste.add("sysctl -w kernel.threads-max=" + Math.max(4 * n, 65536));
        }
        String memAvailable = ProcValues.procValue("/proc/meminfo");
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
            lines.add("  nothing to change: this machine allows it");
        } else {
            paste.forEach(line -> lines.add("  " + line));
        }
        long max = fds.maxConnectionsAtHardLimit();
        lines.add("this machine allows at most " + (max < 0 ? "an unknown number of" : Long.toString(max))
                + " connections per scenario " + privileges.limitObstacle() + " (open files hard limit "
                + MachineChecks.limit(fds.hard()) + ")"
                + (fds.maxConnections() < max ? ", " + fds.maxConnections() + " at the current soft limit" : ""));
        if (!possible) {
            lines.add(n + " connections are not possible here " + privileges.limitObstacle());
        }
        return new Advice(List.copyOf(lines), possible);
    }
}
