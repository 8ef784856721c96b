package io.reactorbench.scenarios.run;

import io.reactorbench.scenarios.machine.CapacityPlan;
import io.reactorbench.scenarios.machine.ConnectionCost;
import io.reactorbench.scenarios.machine.MachineLimits;
import io.reactorbench.scenarios.suite.DesignSpec;
import io.reactorbench.scenarios.suite.Scenario;

/**
 * How many server processes one cell runs: the design's {@code processes}, or for {@code auto} as many as the capacity
 * model gives for the cell's connections (each process holds at most what the open-files hard limit allows).
 */
final class ServerProcesses {

    private ServerProcesses() {
    }

    /** For a scenario whose {@code connections: max} is already resolved. */
    static int forCell(DesignSpec design, Scenario scenario, MachineLimits limits) {
        if (design.processes() != DesignSpec.AUTO_PROCESSES) {
            return design.processes();
        }
        return Math.toIntExact(CapacityPlan.of(limits, scenario.connections(), ConnectionCost.DEFAULT)
                .serverProcesses());
    }
}
