package io.reactorbench.cli;

import io.reactorbench.report.Fonts;
import io.reactorbench.scenarios.machine.ConnectionCapacity;
import io.reactorbench.scenarios.machine.MachineCheck;
import io.reactorbench.scenarios.machine.MachineChecks;
import io.reactorbench.scenarios.machine.MachineLimits;
import io.reactorbench.scenarios.run.FdLimits;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "doctor", mixinStandardHelpOptions = true,
        description = {"Checks this machine: JDK, cores, limits, pollers; says what to change for N connections.",
            "Exit 0, or 1 when --connections asks for more than this machine can hold with any number of processes."})
final class DoctorCommand implements Callable<Integer> {

    @Option(names = "--connections", paramLabel = "N", description = {"say which limit binds first for N concurrent loopback",
        "connections, what lifts each, and how many server processes, load processes and source addresses they take"})
    Long connections;

    @Override
    public Integer call() {
        if (connections != null && connections < 1) {
            throw new UserError("--connections must be at least 1, got " + connections);
        }
        List<MachineCheck> checks = new ArrayList<>(MachineChecks.machine());
        checks.add(fonts());
        checks.addAll(MachineChecks.designs());
        FdLimits fds = FdLimits.current();
        checks.add(MachineChecks.maxConnections(fds));
        checks.forEach(c -> System.out.println(c.render()));
        if (connections == null) {
            return Main.EXIT_OK;
        }
        System.out.println();
        ConnectionCapacity.Advice advice = ConnectionCapacity.advise(connections, MachineLimits.withFds(fds));
        advice.lines().forEach(System.out::println);
        return advice.possible() ? Main.EXIT_OK : Main.EXIT_CHECK_FAILED;
    }

    /** The report module knows which font its charts ask for; ask it rather than grepping fc-list here. */
    private static MachineCheck fonts() {
        Fonts.Check fonts = Fonts.check();
        return !fonts.usable() ? MachineCheck.fail("fonts", fonts.message())
                : fonts.preferredPresent() ? MachineCheck.ok("fonts", fonts.message())
                : MachineCheck.warn("fonts", fonts.message());
    }
}
