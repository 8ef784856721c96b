package io.reactorbench.report.model;

/** The few scenario parameters the report shows or groups by. {@code rate} is NaN when unlimited. */
public record ScenarioParams(String app, String model, int connections, double rate) {

    public static final ScenarioParams UNKNOWN = new ScenarioParams("", "", 0, Double.NaN);

    public boolean isIdle() {
        return "idle".equals(model);
    }

    public boolean isClosedLoop() {
        return "closed".equals(model);
    }
}
