package io.reactorbench.scenarios.run;

import io.reactorbench.scenarios.machine.CapacityPlan;
import io.reactorbench.scenarios.machine.ConnectionCost;
import io.reactorbench.scenarios.machine.MachineLimits;
import io.reactorbench.scenarios.suite.DesignSpec;
import io.reactorbench.scenarios.suite.Scenario;
import io.reactorbench.scenarios.suite.Suite;
import io.reactorbench.scenarios.suite.SuiteError;
import io.reactorbench.scenarios.suite.VariantNames;
import io.reactorbench.wire.spi.Availability;
import io.reactorbench.wire.spi.NearestName;
import io.reactorbench.wire.spi.ServerDesign;
import io.reactorbench.wire.spi.ServerDesigns;
import io.reactorbench.wire.spi.Transport;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The suite checked against this machine before the first cell: unknown designs are errors (with the suite's
 * file and line), unavailable ones (no io_uring, no FFM) are left out with a note, since that is a fact of the
 * machine rather than a failure of the design, a design that cannot listen on a scenario's transport is an error
 * (naming both, so a run does not find out cell by cell), and {@code connections: max} becomes the largest count
 * one server and one load process can hold over one source address (fds and ephemeral ports). A design that runs as
 * several processes ({@code processes: K} or {@code auto}) must be able to share its port (SO_REUSEPORT) and is
 * refused over anything but tcp; what {@code auto} comes to per scenario is a note.
 *
 * @param suite        the suite with {@code max} resolved and unavailable designs left out
 * @param notes        sentences to print before the run and keep in run.json
 * @param limits       the machine's limits the plan was made against (cells resolve {@code processes: auto} with them)
 */
public record RunPlan(Suite suite, List<String> notes, MachineLimits limits) {

    /** The most connections a suite may ask for (SuiteParser's bound too). */
    private static final long MAX_SUITE_CONNECTIONS = 1_000_000;

    /** With the open-files limit given and this machine's other limits (ports) read from /proc. */
    public static RunPlan of(Suite suite, FdLimits fds) {
        return of(suite, MachineLimits.withFds(fds), ServerDesigns.all());
    }

    /** Against the designs in {@code registry} (those on the class path; empty: every id passes, serve judges). */
    static RunPlan of(Suite suite, MachineLimits limits, List<ServerDesign> registry) {
        List<String> notes = new ArrayList<>();
        List<DesignSpec> runnable = new ArrayList<>();
        for (DesignSpec design : suite.designs()) {
            if (design.external()) {
                checkTransports(suite, design, Set.of(Transport.TCP), "tcp only, as its command takes a {port}");
            }
            if (design.sharesPort()) {
                checkSharedPortTransport(suite, design);
            }
            if (design.external() || registry.isEmpty()) {
                runnable.add(design); // no registry on this class path: serve reports an unknown design per cell
                continue;
            }
            Optional<ServerDesign> found = registry.stream().filter(d -> d.id().equals(design.id())).findFirst();
            if (found.isEmpty()) {
                String sentence = "unknown server design '" + design.id() + "' (known: "
                        + String.join(", ", ServerDesigns.ids()) + "; or external:<command with {port}>)."
                        + NearestName.hint(design.id(), ServerDesigns.ids());
                throw design.line() > 0 ? new SuiteError(suite.source(), design.line(), sentence)
                        : new IllegalArgumentException("--designs: " + sentence);
            }
            Availability availability = found.get().availability();
            if (availability.available()) {
                checkTransports(suite, design, found.get().transports(), ServerDesigns.transportList(found.get()));
                if (design.sharesPort() && !found.get().sharesPort()) {
                    throw new SuiteError(suite.source(), design.line(), "design " + design.name() + " cannot share its"
                            + " port with other processes (no SO_REUSEPORT listener), so it cannot run as 'processes: "
                            + processesText(design) + "'; drop 'processes'");
                }
                runnable.add(design);
            } else {
                notes.add(design.name() + " skipped: unavailable on this machine (" + availability.cause() + ")");
            }
        }
        if (runnable.isEmpty()) {
            throw new IllegalArgumentException("no design of suite " + suite.name() + " can run here: " + String.join("; ", notes));
        }
        suite.scenarios().stream().filter(s -> s.idle() && !s.measuresMemoryPerConnection()).map(Scenario::name)
                .distinct().forEach(name -> notes.add("no memory per connection for " + name + ": it runs over udp,"
                        + " whose server holds no connections (one socket answers every client)"));
        List<Scenario> scenarios = resolveConnections(suite, runnable, limits, notes);
        runnable.stream().filter(d -> d.processes() == DesignSpec.AUTO_PROCESSES)
                .forEach(design -> notes.add(autoProcessesNote(design, scenarios, limits)));
        return new RunPlan(suite.withDesigns(runnable).withScenarios(scenarios), notes, limits);
    }

    /** Processes sharing a port share a TCP port: a Unix-domain path has one listener, and UDP has no connections. */
    private static void checkSharedPortTransport(Suite suite, DesignSpec design) {
        for (Scenario s : suite.scenarios()) {
            if (s.transport() != Transport.TCP) {
                throw new SuiteError(suite.source(), s.line(), "scenario '" + s.name() + "' runs over "
                        + s.transport().id() + ", but design " + design.name() + " runs as 'processes: "
                        + processesText(design) + "', which share one tcp port; drop 'processes' or give this scenario"
                        + " its own suite");
            }
        }
    }

    private static String processesText(DesignSpec design) {
        return design.processes() == DesignSpec.AUTO_PROCESSES ? "auto" : Integer.toString(design.processes());
    }

    /** "processes: auto for X = 1 for echo@connections=1000, 3 for echo@connections=40000 (...)". */
    private static String autoProcessesNote(DesignSpec design, List<Scenario> scenarios, MachineLimits limits) {
        List<String> counts = scenarios.stream()
                .map(s -> ServerProcesses.forCell(design, s, limits) + " for " + s.key()).toList();
        long perProcess = limits.fds().maxConnectionsAtHardLimit();
        return "processes: auto for " + design.name() + " = " + String.join(", ", counts)
                + (perProcess > 0 ? " (at most " + perProcess + " connections per process under the open-files hard"
                + " limit " + limits.fds().hard() + ")" : " (open-files hard limit unknown: one process)");
    }

    private static void checkTransports(Suite suite, DesignSpec design, Set<Transport> served, String servedText) {
        for (Scenario s : suite.scenarios()) {
            if (!served.contains(s.transport())) {
                throw new SuiteError(suite.source(), s.line(), "scenario '" + s.name() + "' runs over "
                        + s.transport().id() + ", which design " + design.name() + " cannot listen on (it serves: "
                        + servedText + "); drop the design or the scenario, or give this one its own suite");
            }
        }
    }

    /**
     * {@code connections: max} and the check of a count against the machine. One process pair holds what the
     * open-files limit allows; a suite whose every design runs as several processes ({@code processes}) holds as
     * many more, and {@code processes: auto} holds what the machine's memory allows (the load spreads over agents
     * and source addresses by itself, {@link LoadSplit}).
     */
    private static List<Scenario> resolveConnections(Suite suite, List<DesignSpec> designs, MachineLimits limits,
                                                     List<String> notes) {
        FdLimits fds = limits.fds();
        long perPair = limits.maxConnectionsPerProcessPair();
        long machineMax = CapacityPlan.maxConnections(limits, ConnectionCost.DEFAULT, MAX_SUITE_CONNECTIONS);
        long max = perPair;
        DesignSpec narrowest = null;
        for (DesignSpec design : designs) {
            long allows = design.processes() == DesignSpec.AUTO_PROCESSES ? machineMax
                    : perPair > 0 ? perPair * design.processes() : -1;
            if (narrowest == null || allows < max) {
                max = allows;
                narrowest = design;
            }
        }
        boolean spread = narrowest != null && max > perPair;
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
                notes.add(spread
                        ? "connections: max = " + max + " for " + s.name() + " (what this machine's memory holds above"
                        + " the memory guard's floor with every design spread over processes, "
                        + ConnectionCost.DEFAULT.bytesPerConnection() + " B per connection; 'reactorbench doctor"
                        + " --connections " + max + "' shows the plan)"
                        : "connections: max = " + max + " for " + s.name() + " (open files soft limit " + fds.soft()
                        + " minus " + FdLimits.RESERVE + " kept for the JVM, and at most " + limits.ephemeralPorts()
                        + " ephemeral ports per source address; each connection takes one descriptor in the"
                        + " server and one in the load process; designs with 'processes: auto' hold more;"
                        + " 'reactorbench doctor --connections N' says how to allow more)");
                String key = scenario.key();
                if (resolved.stream().anyMatch(r -> r.key().equals(key))) {
                    continue;
                }
            } else if (max > 0 && s.connections() > max) {
                throw new SuiteError(suite.source(), s.line(), "scenario '" + s.key() + "' asks for " + s.connections()
                        + " connections but " + (narrowest != null && narrowest.processes() != DesignSpec.AUTO_PROCESSES
                        ? "this machine allows at most " + max + (narrowest.processes() == 1 ? " per process pair"
                        : " over design " + narrowest.name() + "'s " + narrowest.processes() + " processes")
                        + " (open files soft limit " + fds.soft() + ", ephemeral ports " + limits.ephemeralPorts()
                        + "); give design " + narrowest.name() + " 'processes: auto' to spread it"
                        : "this machine's memory holds at most " + max) + "; see 'reactorbench doctor --connections "
                        + s.connections() + "'");
            }
            resolved.add(scenario);
        }
        return resolved;
    }
}
