package io.reactorbench.scenarios.machine;

import io.reactorbench.scenarios.run.FdLimits;
import io.reactorbench.sys.MemInfo;

/**
 * The limits of this machine that decide how many loopback connections it can hold, read once from /proc.
 * Every count is -1 when unknown.
 *
 * @param fds            open files per process (RLIMIT_NOFILE, soft and hard)
 * @param ephemeralPorts size of {@code ip_local_port_range}: connections per source/destination address pair
 * @param pidMax         {@code kernel.pid_max}: every thread of every process takes one
 * @param threadsMax     {@code kernel.threads-max}
 * @param somaxconn      {@code net.core.somaxconn}: the accept queue, which paces connects rather than capping them
 * @param synBacklog     {@code net.ipv4.tcp_max_syn_backlog}: half-open connections, which pace connects too
 * @param memory         MemTotal and MemAvailable
 */
public record MachineLimits(FdLimits fds, long ephemeralPorts, long pidMax, long threadsMax, long somaxconn,
        long synBacklog, MemInfo memory) {

    public static MachineLimits current() {
        return withFds(FdLimits.current());
    }

    /** This machine's limits, with the open-files limit given (the one a caller already read or was handed). */
    public static MachineLimits withFds(FdLimits fds) {
        return new MachineLimits(fds, orUnknown(ProcValues.ephemeralPorts()),
                orUnknown(ProcValues.procLong("/proc/sys/kernel/pid_max")),
                orUnknown(ProcValues.procLong("/proc/sys/kernel/threads-max")),
                orUnknown(ProcValues.procLong("/proc/sys/net/core/somaxconn")),
                orUnknown(ProcValues.procLong("/proc/sys/net/ipv4/tcp_max_syn_backlog")), MemInfo.current());
    }

    private static long orUnknown(Long value) {
        return value == null ? -1 : value;
    }

    /**
     * The most connections ONE server process and ONE load process can hold over ONE source address: the open-files
     * soft limit minus the reserve, and no more than the ephemeral ports of one address pair. -1 when the fd limit
     * is unknown. What {@code connections: max} means until a suite spreads a cell over several processes.
     */
    public long maxConnectionsPerProcessPair() {
        long byFds = fds.maxConnections();
        if (byFds < 0) {
            return -1;
        }
        return ephemeralPorts < 0 ? byFds : Math.min(byFds, ephemeralPorts);
    }
}
