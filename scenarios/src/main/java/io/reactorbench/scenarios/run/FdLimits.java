package io.reactorbench.scenarios.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The open-files limit of this process (children inherit it), from {@code /proc/self/limits}, and the most
 * connections one server and one load process can each hold under it.
 *
 * @param soft current limit ({@code ulimit -n}); -1 when unknown
 * @param hard the ceiling the soft limit may be raised to without privileges; -1 = unlimited or unknown
 */
public record FdLimits(long soft, long hard) {

    /** Descriptors kept for jars, logs, epoll/eventfd, pipes and the listening socket of each process. */
    public static final int RESERVE = 200;

    public static FdLimits current() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/limits"))) {
                if (line.startsWith("Max open files")) {
                    String[] parts = line.substring("Max open files".length()).trim().split("\\s+");
                    return new FdLimits(parse(parts[0]), parse(parts[1]));
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux, or /proc hidden: unknown
        }
        return new FdLimits(-1, -1);
    }

    private static long parse(String value) {
        return value.equals("unlimited") ? Long.MAX_VALUE : Long.parseLong(value);
    }

    /**
     * Connections this machine allows per scenario: each connection costs one descriptor in the server and
     * one in the load process, so the soft limit minus {@link #RESERVE} bounds both. -1 when unknown.
     */
    public long maxConnections() {
        if (soft < 0) {
            return -1;
        }
        return Math.max(0, Math.min(soft, 1_000_000) - RESERVE);
    }

    /** The same bound if the soft limit were raised to the hard limit. */
    public long maxConnectionsAtHardLimit() {
        if (hard < 0) {
            return -1;
        }
        return Math.max(0, Math.min(hard, 1_000_000) - RESERVE);
    }
}
