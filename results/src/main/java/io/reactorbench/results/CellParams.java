package io.reactorbench.results;

import io.reactorbench.wire.spi.Transport;

/**
 * The workload of one cell, as given to the load generator.
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
        String transport) {

    public CellParams {
        transport = transport == null ? Transport.TCP.id() : transport;
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
}
