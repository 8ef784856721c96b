package io.reactorbench.report.model;

import io.reactorbench.wire.spi.Transport;

/**
 * The few scenario parameters the report shows or groups by. {@code rate} is NaN when unlimited,
 * {@code serverCpuQuotaPercent} NaN when the server ran uncapped; {@code transport} is {@code tcp}, {@code unix} or
 * {@code udp}.
 */
public record ScenarioParams(String app, String model, int connections, double rate, double serverCpuQuotaPercent,
                             String transport) {

    public static final ScenarioParams UNKNOWN = new ScenarioParams("", "", 0, Double.NaN);

    /** An uncapped server's scenario over TCP. */
    public ScenarioParams(String app, String model, int connections, double rate) {
        this(app, model, connections, rate, Double.NaN, Transport.TCP.id());
    }

    /** Whether it ran over something else than TCP (the default, which the report does not mention). */
    public boolean notTcp() {
        return !Transport.TCP.id().equals(transport);
    }

    public boolean serverCpuCapped() {
        return !Double.isNaN(serverCpuQuotaPercent);
    }

    public boolean isIdle() {
        return "idle".equals(model);
    }

    /** A connection-ceiling ramp (issue 18): connections opened in steps until one cannot be held. */
    public boolean isCeiling() {
        return "ceiling".equals(model);
    }

    /** A rate sweep (issue 19 B): open-loop rates in steps over the same connections. */
    public boolean isSweep() {
        return "sweep".equals(model);
    }

    public boolean isClosedLoop() {
        return "closed".equals(model);
    }
}
