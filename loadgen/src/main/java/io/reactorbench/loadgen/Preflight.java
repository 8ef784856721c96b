package io.reactorbench.loadgen;

import io.reactorbench.wire.spi.Transport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks, before any connection is opened, whether the process's open-file limit and the ephemeral port
 * range can hold the connections asked for, and says plainly what would fail and how to raise it.
 *
 * @param problems one sentence each; empty when all is well
 * @param fatal true when the run would certainly fail
 */
public record Preflight(List<String> problems, boolean fatal) {

    /** File descriptors a JVM and the load generator need beyond the sockets (jars, selectors, logs). */
    static final int FDS_BESIDES_SOCKETS = 64;

    /**
     * @param whole the whole load (all agents)
     * @param agents processes the connections are split over
     * @param openFileLimit soft limit of open files per process; negative when unknown
     * @param ephemeralPorts size of the ephemeral port range; negative when unknown
     */
    public static Preflight check(LoadSpec whole, int agents, long openFileLimit, int ephemeralPorts) {
        List<String> problems = new ArrayList<>();
        boolean fatal = false;
        int perProcess = (whole.connections() + agents - 1) / agents;
        if (openFileLimit > 0) {
            long needed = perProcess + FDS_BESIDES_SOCKETS;
            if (needed > openFileLimit) {
                int agentsNeeded = (int) Math.ceil(whole.connections() / (double) (openFileLimit - FDS_BESIDES_SOCKETS));
                problems.add(perProcess + " connections per process need about " + needed
                        + " open files but the limit is " + openFileLimit + ": connects would fail with 'Too many"
                        + " open files'. Raise it with 'ulimit -n " + needed + "' (needs the hard limit or root), or"
                        + " split the load over processes with --agents " + Math.max(agentsNeeded, agents + 1) + ".");
                fatal = true;
            }
        }
        // Unix-domain sockets take no port.
        if (ephemeralPorts > 0 && whole.transport() != Transport.UNIX) {
            // With --source the load generator picks each port itself from all of 1024-65535 (SourcePorts);
            // without it the kernel picks from the ephemeral range, and may reuse a port for different destinations.
            boolean bySource = !whole.sources().isEmpty();
            int pairs = bySource ? whole.sources().size() : distinctDestinations(whole);
            int perPair = (whole.connections() + pairs - 1) / pairs;
            long portsPerPair = bySource ? SourcePorts.PER_ADDRESS : ephemeralPorts;
            if (perPair > portsPerPair) {
                problems.add(perPair + " connections per " + (bySource ? "source address" : "destination")
                        + " exceed the " + portsPerPair + (bySource ? " ports of one address (1024-65535)"
                        : " ephemeral ports (/proc/sys/net/ipv4/ip_local_port_range)")
                        + ": connects would fail with 'Cannot assign"
                        + " requested address'. Spread them over more " + (bySource ? "--source addresses"
                        : "destinations (a server on 0.0.0.0 answers at 127.0.0.2, 127.0.0.3, ...: repeat --target)"
                        + " or --source addresses, or widen the range: sysctl -w"
                        + " net.ipv4.ip_local_port_range='1024 65535'") + ".");
                fatal = true;
            }
            if (whole.model() == LoadModel.CHURN) {
                problems.add("churn closes connections from this side: each leaves a port in TIME_WAIT for 60 s;"
                        + " above " + (ephemeralPorts / 60) + " connections/s per " + (bySource ? "source" : "destination")
                        + " new connects may fail unless net.ipv4.tcp_tw_reuse allows reuse.");
            }
        }
        // A ceiling ramp is meant to find where a limit binds: it stops there (fd-limit, port-limit) with the steps
        // it reached, so a limit below its top step is a warning, not a reason not to run.
        return new Preflight(List.copyOf(problems), fatal && whole.model() != LoadModel.CEILING);
    }

    /** The same check with this machine's limits, read from /proc (skipped where /proc does not say). */
    public static Preflight checkThisMachine(LoadSpec whole, int agents) {
        return check(whole, agents, readOpenFileLimit(), readEphemeralPorts());
    }

    private static int distinctDestinations(LoadSpec spec) {
        return (int) spec.targets().stream().distinct().count();
    }

    /** Soft "Max open files" of this process, or -1. */
    static long readOpenFileLimit() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/limits"))) {
                if (line.startsWith("Max open files")) {
                    String soft = line.substring("Max open files".length()).trim().split("\\s+")[0];
                    return soft.equals("unlimited") ? Long.MAX_VALUE : Long.parseLong(soft);
                }
            }
        } catch (IOException | RuntimeException e) {
            return -1;
        }
        return -1;
    }

    /** Ports in net.ipv4.ip_local_port_range, or -1. */
    static int readEphemeralPorts() {
        try {
            // readAllLines, not readString: on this kernel readString returns only the first byte of this file.
            String[] range = Files.readAllLines(Path.of("/proc/sys/net/ipv4/ip_local_port_range")).getFirst().trim()
                    .split("\\s+");
            return Integer.parseInt(range[1]) - Integer.parseInt(range[0]) + 1;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }
}
