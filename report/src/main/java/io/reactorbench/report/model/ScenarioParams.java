package io.reactorbench.report.model;

/**
 * The few scenario parameters the report shows or groups by. {@code rate} is NaN when unlimited,
 * {@code serverCpuQuotaPercent} NaN when the server ran uncapped.
 */
public record ScenarioParams(String app, String model, int connections, double rate, double serverCpuQuotaPercent) {

    public static final ScenarioParams UNKNOWN = new ScenarioParams("", "", 0, Double.NaN);

    /** An uncapped server's scenario. */
    public ScenarioParams(String app, String model, int connections, double rate) {
        this(app, model, connections, rate, Double.NaN);
    }

    public boolean serverCpuCapped() {
        return !Double.isNaN(serverCpuQuotaPercent);
    }

    public boolean isIdle() {
        return "idle".equals(model);
    }

    public boolean isClosedLoop() {
        return "closed".equals(model);
    }
}
