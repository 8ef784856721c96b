package io.reactorbench.scenarios.run;

import io.reactorbench.scenarios.suite.DesignSpec;
import io.reactorbench.scenarios.suite.Scenario;
import io.reactorbench.scenarios.suite.Suite;
import io.reactorbench.scenarios.suite.SuiteError;
import io.reactorbench.scenarios.suite.VariantNames;
import io.reactorbench.wire.spi.Availability;
import io.reactorbench.wire.spi.ServerDesign;
import io.reactorbench.wire.spi.ServerDesigns;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The suite checked against this machine before the first cell: unknown designs are errors (with the suite's
 * file and line), unavailable ones are noted and their cells recorded as failed without running, and
 * {@code connections: max} becomes the largest count the fd limits allow.
 *
 * @param suite        the suite with {@code max} resolved
 * @param unavailable  design name to the reason it cannot run here
 * @param notes        lines to print before the run starts
 */
public record RunPlan(Suite suite, Map<String, String> unavailable, List<String> notes) {

    public static RunPlan of(Suite suite, FdLimits fds) {
        List<String> notes = new ArrayList<>();
        Map<String, String> unavailable = new LinkedHashMap<>();
        List<ServerDesign> registry = ServerDesigns.all();
        for (DesignSpec design : suite.designs()) {
            if (design.external() || registry.isEmpty()) {
                continue; // no registry on this class path: serve reports an unknown design per cell
            }
            Optional<ServerDesign> found = registry.stream().filter(d -> d.id().equals(design.id())).findFirst();
            if (found.isEmpty()) {
                throw new SuiteError(suite.source(), design.line(), "unknown server design '" + design.id()
                        + "' (known: " + String.join(", ", ServerDesigns.ids()) + "; or external:<command with {port}>)");
            }
            Availability availability = found.get().availability();
            if (!availability.available()) {
                unavailable.put(design.name(), "unavailable here: " + availability.cause());
                notes.add(design.name() + " is unavailable here (" + availability.cause() + "): its cells are recorded as failed");
            }
        }
        return new RunPlan(suite.withScenarios(resolveConnections(suite, fds, notes)), unavailable, notes);
    }

    private static List<Scenario> resolveConnections(Suite suite, FdLimits fds, List<String> notes) {
        long max = fds.maxConnections();
        List<Scenario> resolved = new ArrayList<>();
        for (Scenario s : suite.scenarios()) {
            Scenario scenario = s;
            if (s.connections() == Scenario.MAX_CONNECTIONS) {
                if (max <= 0) {
                    throw new SuiteError(suite.source(), s.line(), "scenario '" + s.name()
                            + "' asks for 'max' connections, but the open-files limit of this machine is unknown");
                }
                String variant = s.variant().replace("connections=max", "connections=" + VariantNames.value("connections", max));
                scenario = s.withConnections((int) max, variant);
                notes.add("connections: max = " + max + " for " + s.name() + " (open files soft limit " + fds.soft()
                        + " minus " + FdLimits.RESERVE + " kept for the JVM; each connection takes one descriptor in the"
                        + " server and one in the load process; 'reactorbench doctor --connections N' says how to allow more)");
                String key = scenario.key();
                if (resolved.stream().anyMatch(r -> r.key().equals(key))) {
                    continue;
                }
            } else if (max > 0 && s.connections() > max) {
                throw new SuiteError(suite.source(), s.line(), "scenario '" + s.key() + "' asks for " + s.connections()
                        + " connections but this machine allows at most " + max + " per process (open files soft limit "
                        + fds.soft() + "); see 'reactorbench doctor --connections " + s.connections() + "'");
            }
            resolved.add(scenario);
        }
        return resolved;
    }
}
