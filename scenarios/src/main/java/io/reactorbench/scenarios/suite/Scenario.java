package io.reactorbench.scenarios.suite;

import io.reactorbench.wire.spi.Transport;
import java.util.List;

/**
 * One scenario variant: a workload with every swept parameter fixed to one value. Units are in the names.
 *
 * @param variant          swept values, e.g. {@code connections=1000}; empty when the scenario sweeps nothing
 * @param model            {@code closed}, {@code open}, {@code idle}, {@code churn}, {@code slowread} or {@code ceiling}
 * @param connections      connections the load generator holds; {@link #MAX_CONNECTIONS} until the runner
 *                         replaced it by what this machine allows
 * @param rate             open loop: requests per second in total; 0 otherwise
 * @param connectRate      new connections per second (churn, and the ramp-up of idle scenarios); 0 = unbounded
 * @param heartbeatSeconds idle: each connection sends one request this often; 0 = silent
 * @param loadThreads      threads of the load generator; 0 = its default
 * @param maxErrorRatio    a cell whose errors exceed this share of requests is recorded as failed
 * @param line             where the scenario starts in the suite file
 * @param readRate         slowread: bytes per second each connection reads of its answers; 0 otherwise
 * @param serverCpuQuotaPercent the server's CPU cap in percent of one CPU (a CFS bandwidth quota), 0 = uncapped.
 *                         On a machine with as many cores as server and load generator get, a load generator as
 *                         expensive per request as the server bounds the throughput; capping the server gives the
 *                         load generator headroom, so the cell measures the server (the "server-bound" cells).
 * @param transport        what the server listens on and the load generator connects with: TCP (the default), a
 *                         Unix-domain socket, or UDP (echo only, one datagram per request)
 * @param ceiling          model {@code ceiling}: its ramp of connection steps; null for every other model
 * @param sweep            model {@code sweep}: its rates or its search of the highest sustained rate; null for every
 *                         other model
 * @param designs          the names of the suite's designs this scenario runs on; empty for every one of them
 */
public record Scenario(
        String name,
        String variant,
        String app,
        String model,
        int connections,
        double rate,
        int depth,
        int size,
        int responseSize,
        long cpuNs,
        long blockUs,
        double heartbeatSeconds,
        double connectRate,
        int loadThreads,
        double warmupSeconds,
        double durationSeconds,
        double maxErrorRatio,
        int line,
        long readRate,
        double serverCpuQuotaPercent,
        Transport transport,
        CeilingRamp ceiling,
        RateSteps sweep,
        List<String> designs) {

    public Scenario {
        designs = designs == null ? List.of() : List.copyOf(designs);
    }

    /** Placeholder for "as many connections as this machine allows", resolved by the runner. */
    public static final int MAX_CONNECTIONS = -1;

    /** A scenario of a model that has no read rate (every model but slowread). */
    public Scenario(String name, String variant, String app, String model, int connections, double rate, int depth,
                    int size, int responseSize, long cpuNs, long blockUs, double heartbeatSeconds, double connectRate,
                    int loadThreads, double warmupSeconds, double durationSeconds, double maxErrorRatio, int line) {
        this(name, variant, app, model, connections, rate, depth, size, responseSize, cpuNs, blockUs, heartbeatSeconds,
                connectRate, loadThreads, warmupSeconds, durationSeconds, maxErrorRatio, line, 0, 0, Transport.TCP, null, null,
                List.of());
    }

    /** A scenario of any model but ceiling and sweep. */
    public Scenario(String name, String variant, String app, String model, int connections, double rate, int depth,
                    int size, int responseSize, long cpuNs, long blockUs, double heartbeatSeconds, double connectRate,
                    int loadThreads, double warmupSeconds, double durationSeconds, double maxErrorRatio, int line,
                    long readRate, double serverCpuQuotaPercent, Transport transport) {
        this(name, variant, app, model, connections, rate, depth, size, responseSize, cpuNs, blockUs, heartbeatSeconds,
                connectRate, loadThreads, warmupSeconds, durationSeconds, maxErrorRatio, line, readRate,
                serverCpuQuotaPercent, transport, null, null, List.of());
    }

    /** True for a connection-ceiling ramp (see {@link CeilingRamp}). */
    public boolean ceilingRamp() {
        return ceiling != null;
    }

    /** Whether this scenario runs on {@code design} (every design of the suite unless it names some). */
    public boolean runsOn(DesignSpec design) {
        return designs.isEmpty() || designs.contains(design.name());
    }

    /** True for a rate sweep (see {@link RateSteps}). */
    public boolean rateSweep() {
        return sweep != null;
    }

    /** True when the server runs under a CPU quota (see {@link #serverCpuQuotaPercent}). */
    public boolean serverCpuCapped() {
        return serverCpuQuotaPercent > 0;
    }

    public String key() {
        return variant.isEmpty() ? name : name + "@" + variant;
    }

    public boolean idle() {
        return "idle".equals(model);
    }

    public boolean churn() {
        return "churn".equals(model);
    }

    /**
     * Idle scenarios measure memory per connection, except over UDP: its server holds no connections (one socket
     * answers every client), so a figure per "connection" would divide by something the server never kept.
     */
    public boolean measuresMemoryPerConnection() {
        return idle() && transport != Transport.UDP;
    }

    public Scenario withConnections(int newConnections, String newVariant) {
        return new Scenario(name, newVariant, app, model, newConnections, rate, depth, size, responseSize, cpuNs,
                blockUs, heartbeatSeconds, connectRate, loadThreads, warmupSeconds, durationSeconds, maxErrorRatio, line,
                readRate, serverCpuQuotaPercent, transport, ceiling, sweep, designs);
    }

    public Scenario withWindow(double newWarmupSeconds, double newDurationSeconds) {
        return new Scenario(name, variant, app, model, connections, rate, depth, size, responseSize, cpuNs,
                blockUs, heartbeatSeconds, connectRate, loadThreads, newWarmupSeconds, newDurationSeconds, maxErrorRatio, line,
                readRate, serverCpuQuotaPercent, transport, ceiling, sweep, designs);
    }
}
