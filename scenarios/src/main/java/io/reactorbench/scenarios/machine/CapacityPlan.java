package io.reactorbench.scenarios.machine;

import io.reactorbench.loadgen.SourcePorts;
import io.reactorbench.scenarios.run.FdLimits;
import io.reactorbench.scenarios.run.LoadSplit;
import io.reactorbench.sys.MemInfo;
import io.reactorbench.sys.MemoryGuard;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * How N concurrent loopback connections fit on a machine with the given limits: how many server processes, load
 * processes and source addresses they take, whether the memory suffices, which limit binds first and what lifts
 * each one. A pure function of its inputs, so it is tested with any machine's numbers.
 *
 * @param connections      N
 * @param serverProcesses  processes sharing the port (SO_REUSEPORT) so that none exceeds the open-files hard limit
 * @param loadProcesses    load agents, for the same reason (one descriptor per client connection)
 * @param sourceAddresses  127.0.0.x addresses the clients bind, so that no address pair runs out of ports
 * @param memoryNeededBytes kernel, server and client bytes per connection plus every JVM's own footprint
 * @param memoryUsableBytes MemAvailable above the memory guard's floor; -1 when unknown
 * @param limits           one entry per limit, in the order doctor prints them
 */
public record CapacityPlan(long connections, long serverProcesses, long loadProcesses, long sourceAddresses,
        long memoryNeededBytes, long memoryUsableBytes, List<Limit> limits) {

    /** Server processes sharing a port are planned this full (percent of what one holds): the hash is uneven. */
    static final long REUSEPORT_FILL_PERCENT = 95;
    /** Threads a thread-per-connection design needs besides one per connection (the JVM's own, the load's). */
    private static final long THREAD_RESERVE = 1_000;
    /** The kernel's default {@code fs.nr_open}: no RLIMIT_NOFILE may exceed it until it is raised. */
    private static final long DEFAULT_NR_OPEN = 1_048_576;

    /**
     * One limit as it stands for N connections.
     *
     * @param name          what doctor calls it
     * @param onePairAllows connections it allows ONE server and ONE load process over ONE source address
     *                      ({@link Long#MAX_VALUE}: it does not cap the count)
     * @param finding       the values and what they mean for N
     * @param changes       the lines that lift it (a shell line, with the why after a #); empty: nothing to change
     * @param blocks        true when no process count or address count gets past it
     */
    public record Limit(String name, long onePairAllows, String finding, List<String> changes, boolean blocks) {
    }

    public static CapacityPlan of(MachineLimits machine, long connections, ConnectionCost cost) {
        if (connections < 1) {
            throw new IllegalArgumentException("connections must be at least 1, got " + connections);
        }
        FdLimits fds = machine.fds();
        long perProcess = fds.maxConnectionsAtHardLimit();
        long loadProcesses = perProcess > 0 ? Math.ceilDiv(connections, perProcess) : 1;
        // The kernel spreads a shared port's connections by a hash, not evenly: fill each server to 95 % at most.
        long serverProcesses = loadProcesses <= 1 ? loadProcesses
                : Math.ceilDiv(connections, perProcess * REUSEPORT_FILL_PERCENT / 100);
        long ports = machine.ephemeralPorts();
        long addresses = connections < LoadSplit.SOURCES_FROM_CONNECTIONS ? 1
                : Math.max(2, Math.ceilDiv(connections, LoadSplit.CONNECTIONS_PER_SOURCE));
        long processes = serverProcesses + loadProcesses;
        long needed = connections * cost.bytesPerConnection() + processes * cost.jvmBytesPerProcess();
        MemInfo memory = machine.memory();
        long usable = memory.availableBytes() < 0 ? -1
                : Math.max(0, memory.availableBytes() - MemoryGuard.defaultFloorBytes(memory));

        List<Limit> limits = new ArrayList<>();
        limits.add(openFiles(fds, connections, serverProcesses, loadProcesses));
        limits.add(ports(ports, connections, addresses));
        limits.add(tasks(machine, connections, processes, cost));
        limits.add(acceptQueue(machine.somaxconn(), machine.synBacklog(), connections));
        limits.add(memory(memory, usable, connections, needed, processes, cost));
        return new CapacityPlan(connections, serverProcesses, loadProcesses, addresses, needed, usable,
                List.copyOf(limits));
    }

    /**
     * The most concurrent loopback connections this machine holds when servers and load both spread over as many
     * processes and source addresses as they need: what its memory allows above the memory guard's floor, counting
     * every JVM the connections take; at most {@code cap}. -1 when the open-files limit or the memory is unknown.
     */
    public static long maxConnections(MachineLimits machine, ConnectionCost cost, long cap) {
        long perProcess = machine.fds().maxConnectionsAtHardLimit();
        MemInfo memory = machine.memory();
        if (perProcess <= 0 || memory.availableBytes() < 0) {
            return -1;
        }
        long usable = Math.max(0, memory.availableBytes() - MemoryGuard.defaultFloorBytes(memory));
        // N bytesPerConnection + 2 ceil(N / perProcess) jvmBytes <= usable
        double perConnection = cost.bytesPerConnection() + 2.0 * cost.jvmBytesPerProcess() / perProcess;
        return Math.min(cap, (long) (usable / perConnection));
    }

    /** The limit that caps one process pair on one address earliest below N; empty when none does. */
    public Optional<Limit> firstBinding() {
        return limits.stream().filter(l -> l.onePairAllows() < connections)
                .min(Comparator.comparingLong(Limit::onePairAllows));
    }

    public boolean feasible() {
        return limits.stream().noneMatch(Limit::blocks);
    }

    /** "feasible with K server processes, M load processes and A source addresses", or what blocks it. */
    public String verdict() {
        if (feasible()) {
            return "feasible with " + serverProcesses + " server process" + (serverProcesses == 1 ? "" : "es") + ", "
                    + loadProcesses + " load process" + (loadProcesses == 1 ? "" : "es") + " and " + sourceAddresses
                    + " source address" + (sourceAddresses == 1 ? "" : "es");
        }
        return connections + " connections are not possible here: blocked by " + String.join(", ",
                limits.stream().filter(Limit::blocks).map(Limit::name).toList());
    }

    private static Limit openFiles(FdLimits fds, long n, long serverProcesses, long loadProcesses) {
        if (fds.soft() < 0) {
            return new Limit("open files", Long.MAX_VALUE, "unknown (no /proc/self/limits)", List.of(), false);
        }
        long perProcess = fds.maxConnectionsAtHardLimit();
        String finding = "soft " + MachineChecks.limit(fds.soft()) + ", hard " + MachineChecks.limit(fds.hard())
                + " per process: one process holds " + perProcess + " connections (" + FdLimits.RESERVE
                + " descriptors kept for the JVM)" + (loadProcesses > 1 ? ", so " + serverProcesses
                + " server and " + loadProcesses + " load processes" : "");
        List<String> changes = new ArrayList<>();
        long fdsNeeded = n + FdLimits.RESERVE;
        if (n > fds.maxConnections() && n <= perProcess) {
            changes.add("ulimit -n " + fdsNeeded + "   # within the hard limit " + fds.hard() + ": no root needed");
        } else if (n > perProcess) {
            changes.add("# " + serverProcesses + " server processes sharing the port (SO_REUSEPORT; the kernel's hash"
                    + " spreads connections unevenly, so each is filled to " + REUSEPORT_FILL_PERCENT + " %) and "
                    + loadProcesses + " load processes of up to " + perProcess + " connections");
            if (fds.soft() < fds.hard()) {
                changes.add("ulimit -n " + fds.hard() + "   # those counts assume the hard limit: no root needed");
            }
            if (fdsNeeded > DEFAULT_NR_OPEN) {
                changes.add("sysctl -w fs.nr_open=" + fdsNeeded + "   # or one process per side: no fd limit may exceed nr_open");
            }
            changes.add("prlimit --pid $$ --nofile=" + fdsNeeded + ":" + fdsNeeded
                    + "   # or raise the hard limit (needs CAP_SYS_RESOURCE)");
        }
        return new Limit("open files", fds.maxConnections(), finding, List.copyOf(changes), false);
    }

    /**
     * Ports: the kernel picks from the ephemeral range per source/destination pair, which caps one address pair; the
     * runner binds source addresses 127.0.0.2, ... itself from 10,000 connections on and picks each port (1024-65535,
     * {@link SourcePorts}), at most {@link LoadSplit#CONNECTIONS_PER_SOURCE} per address: nothing to change.
     */
    private static Limit ports(long ports, long n, long addresses) {
        if (ports < 0) {
            return new Limit("ephemeral ports", Long.MAX_VALUE, "unknown (no ip_local_port_range)", List.of(), false);
        }
        String finding = ports + " per source/destination address pair" + (addresses > 1 ? "; the runner binds " + addresses
                + " source addresses (127.0.0.2-127.0.0." + (addresses + 1) + ") and picks their ports itself"
                + " (1024-65535, at most " + LoadSplit.CONNECTIONS_PER_SOURCE + " per address)" : "");
        List<String> changes = new ArrayList<>();
        if (n > ports) {
            changes.add("# nothing to change: loopback answers on all of 127.0.0.0/8, and 'load --source"
                    + " 127.0.0.2-127.0.0." + (addresses + 1) + "' does the same outside the runner");
        }
        return new Limit("ephemeral ports", ports, finding, List.copyOf(changes), false);
    }

    /** pid_max and threads-max count every thread of every process; only thread-per-connection designs scale them. */
    private static Limit tasks(MachineLimits machine, long n, long processes, ConnectionCost cost) {
        long pidMax = machine.pidMax();
        long threadsMax = machine.threadsMax();
        long tasks = Math.min(pidMax < 0 ? Long.MAX_VALUE : pidMax, threadsMax < 0 ? Long.MAX_VALUE : threadsMax);
        if (tasks == Long.MAX_VALUE) {
            return new Limit("pid_max / threads-max", Long.MAX_VALUE, "unknown", List.of(), false);
        }
        long jvmThreads = processes * cost.threadsPerProcess();
        String finding = "pid_max " + pidMax + ", threads-max " + threadsMax + ": " + processes + " JVMs take ~"
                + jvmThreads + " threads; a thread-per-connection design stops near " + (tasks - THREAD_RESERVE) / 2
                + " connections (a thread in the server and one in the load per connection)";
        List<String> changes = new ArrayList<>();
        long threadDesignNeeds = 2 * n + THREAD_RESERVE;
        if (threadDesignNeeds > tasks || jvmThreads > tasks) {
            long raised = Math.min(4_194_304, Math.max(threadDesignNeeds, jvmThreads));
            changes.add("sysctl -w kernel.pid_max=" + raised + "   # the 'threads' design starts a platform thread per connection");
            if (threadsMax < raised) {
                changes.add("sysctl -w kernel.threads-max=" + raised);
            }
        }
        return new Limit("pid_max / threads-max", Long.MAX_VALUE, finding, List.copyOf(changes), jvmThreads > tasks);
    }

    /** Both queues pace a burst of connects (overflow drops SYNs, the client retries a second later); neither caps N. */
    private static Limit acceptQueue(long somaxconn, long synBacklog, long n) {
        if (somaxconn < 0) {
            return new Limit("somaxconn", Long.MAX_VALUE, "unknown", List.of(), false);
        }
        long wanted = Math.min(n, 4096);
        List<String> changes = new ArrayList<>();
        if (somaxconn < wanted) {
            changes.add("sysctl -w net.core.somaxconn=" + Math.min(n, 65535) + "   # connection bursts overflow a short accept queue");
        }
        if (synBacklog >= 0 && synBacklog < wanted) {
            changes.add("sysctl -w net.ipv4.tcp_max_syn_backlog=" + Math.min(n, 65535));
        }
        return new Limit("somaxconn", Long.MAX_VALUE, somaxconn + " (tcp_max_syn_backlog "
                + (synBacklog < 0 ? "unknown" : synBacklog) + "): the queues pace connects (count SYN drops),"
                + " they do not cap the count", List.copyOf(changes), false);
    }

    private static Limit memory(MemInfo memory, long usable, long n, long needed, long processes, ConnectionCost cost) {
        if (usable < 0) {
            return new Limit("memory", Long.MAX_VALUE, "unknown (no MemAvailable)", List.of(), false);
        }
        long floor = MemoryGuard.defaultFloorBytes(memory);
        long onePair = Math.max(0, usable - 2 * cost.jvmBytesPerProcess()) / cost.bytesPerConnection();
        boolean blocks = needed > usable;
        String finding = "needs " + MemInfo.gib(needed) + " (" + cost.bytesPerConnection() + " B per connection: "
                + cost.kernelBytesPerPair() + " kernel, " + cost.serverBytesPerConnection() + " server, "
                + cost.clientBytesPerConnection() + " client; " + processes + " JVMs at "
                + (cost.jvmBytesPerProcess() >> 20) + " MiB) of " + MemInfo.gib(usable) + " usable (MemAvailable "
                + MemInfo.gib(memory.availableBytes()) + " minus the " + MemInfo.gib(floor) + " memory guard floor)";
        List<String> changes = blocks
                ? List.of("# no setting lifts it: at most ~" + onePair + " connections fit, or less memory per connection")
                : List.of();
        return new Limit("memory", onePair, finding, changes, blocks);
    }
}
