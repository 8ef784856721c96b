package io.reactorbench.results;

import io.reactorbench.wire.spi.Transport;
import java.util.List;

/**
 * The workload of one cell, as given to the load generator, and how its server was deployed (processes, JVM options).
 *
 * @param app         {@code echo}, {@code rpc} or {@code http}
 * @param model       {@code closed}, {@code open}, {@code idle} or {@code churn}
 * @param rate        requests per second in total (open loop) or new connections per second (churn); 0 = unbounded
 * @param size        request bytes
 * @param depth       requests in flight per connection (pipelining)
 * @param responseSize response bytes (rpc)
 * @param cpuSpinNs   server CPU work per request (rpc)
 * @param blockUs     server blocking work per request (rpc)
 * @param serverCpuQuotaPercent the server's CPU cap in percent of one CPU (a cgroup CFS quota); null = uncapped
 * @param transport   {@code tcp}, {@code unix} or {@code udp}: what the server listened on; summaries written before
 *                    the field existed were all TCP, and read back as {@code tcp}
 * @param serverProcesses server processes that shared the port (SO_REUSEPORT; the design's {@code processes});
 *                    summaries written before the field existed ran one, and read back as 1
 * @param serverJvmOptions the options each server JVM was started with (the heap as sized for the cell; without the
 *                    class-data-sharing archive's); null for an {@code external:} design and in older summaries
 */
public record CellParams(
        String app,
        String model,
        int connections,
        double rate,
        int size,
        int depth,
        int responseSize,
        long cpuSpinNs,
        long blockUs,
        double warmupSeconds,
        double durationSeconds,
        Double serverCpuQuotaPercent,
        String transport,
        Integer serverProcesses,
        List<String> serverJvmOptions) {

    public CellParams {
        transport = transport == null ? Transport.TCP.id() : transport;
        serverProcesses = serverProcesses == null ? 1 : serverProcesses;
        serverJvmOptions = serverJvmOptions == null ? null : List.copyOf(serverJvmOptions);
    }

    /** The workload over {@code transport}, served by one process whose JVM options are not recorded. */
    public CellParams(String app, String model, int connections, double rate, int size, int depth, int responseSize,
                      long cpuSpinNs, long blockUs, double warmupSeconds, double durationSeconds,
                      Double serverCpuQuotaPercent, String transport) {
        this(app, model, connections, rate, size, depth, responseSize, cpuSpinNs, blockUs, warmupSeconds,
                durationSeconds, serverCpuQuotaPercent, transport, 1, null);
    }

    /** The workload over TCP. */
    public CellParams(String app, String model, int connections, double rate, int size, int depth, int responseSize,
                      long cpuSpinNs, long blockUs, double warmupSeconds, double durationSeconds,
                      Double serverCpuQuotaPercent) {
        this(app, model, connections, rate, size, depth, responseSize, cpuSpinNs, blockUs, warmupSeconds,
                durationSeconds, serverCpuQuotaPercent, Transport.TCP.id());
    }

    /** The workload of an uncapped server over TCP (as summaries written before the CPU quota existed read back). */
    public CellParams(String app, String model, int connections, double rate, int size, int depth, int responseSize,
                      long cpuSpinNs, long blockUs, double warmupSeconds, double durationSeconds) {
        this(app, model, connections, rate, size, depth, responseSize, cpuSpinNs, blockUs, warmupSeconds,
                durationSeconds, null, Transport.TCP.id());
    }

    /** The same workload served by {@code processes} processes started with {@code jvmOptions} (null: not a JVM). */
    public CellParams withServer(int processes, List<String> jvmOptions) {
        return new CellParams(app, model, connections, rate, size, depth, responseSize, cpuSpinNs, blockUs,
                warmupSeconds, durationSeconds, serverCpuQuotaPercent, transport, processes, jvmOptions);
    }
}
