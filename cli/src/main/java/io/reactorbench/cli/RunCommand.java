package io.reactorbench.cli;

import io.reactorbench.report.console.CellLine;
import io.reactorbench.report.console.EndOfRunTable;
import io.reactorbench.scenarios.run.DryRun;
import io.reactorbench.scenarios.run.FdLimits;
import io.reactorbench.scenarios.run.Launcher;
import io.reactorbench.scenarios.run.SuiteRunner;
import io.reactorbench.scenarios.run.SummaryRenderer;
import io.reactorbench.scenarios.run.SyscallCounter;
import io.reactorbench.scenarios.suite.DesignSpec;
import io.reactorbench.scenarios.suite.Scenario;
import io.reactorbench.scenarios.suite.Suite;
import io.reactorbench.scenarios.suite.SuiteOverrides;
import io.reactorbench.scenarios.suite.Suites;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Runs a suite of scenarios across designs and trials and writes a results directory.",
            "SUITE is a built-in suite (smoke, standard, connections, engine-vs-netty, million) or a YAML file.",
            "Exit 0 when every cell ran, 1 when some cell failed, 2 for a suite that cannot run."})
final class RunCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "SUITE", description = "smoke, standard, connections, engine-vs-netty, million, or a suite file")
    String suiteName;

    @Option(names = "--out", paramLabel = "DIR", description = "parent of the run directory (default: ${DEFAULT-VALUE})",
            defaultValue = "runs")
    Path out;

    @Option(names = "--trials", paramLabel = "K", description = "trials per cell instead of the suite's")
    Integer trials;

    @Option(names = "--designs", paramLabel = "ID", split = ",",
            description = "run these designs instead of the suite's (ids, or external:<command with {port}>)")
    List<String> designs;

    @Option(names = "--only", paramLabel = "SCENARIO", split = ",",
            description = "run only these scenarios (name, or name@variant)")
    List<String> only;

    @Option(names = "--set", paramLabel = "KEY=VALUE",
            description = {"Override a suite value, validated like the suite file; repeatable, later wins.",
                "KEY=VALUE sets a suite key (trials=3, duration=3s: also replaces scenarios' own warmup/duration);",
                "SCENARIO.KEY=VALUE one scenario (rpc-blocking.cpuNs=50000);",
                "*.KEY=VALUE every scenario the key applies to (others skipped). Listed in run.json's notes."})
    List<String> sets;

    @Option(names = "--dry-run",
            description = "Check the suite (keys, values, designs, --set, fd limits) and print the cells it would run,"
                    + " without running or writing anything. Exit 0 when it can run, 2 when not.")
    boolean dryRun;

    @Option(names = "--syscalls",
            description = {"Count each cell's server system calls by name (perf stat's syscall tracepoints, root):",
                "summary.json's server.syscalls and the report's 'System calls per request'. Counting slows every",
                "system call a little, so compare CPU per request only between runs counted alike."})
    boolean syscalls;

    /** How child JVMs are started; tests replace it to run from the test class path. */
    Launcher launcher = Launcher.current(Main.class.getName());

    @Override
    public Integer call() {
        SuiteOverrides.Applied loaded = Suites.load(suiteName, SuiteOverrides.parse(sets == null ? List.of() : sets));
        Suite suite = narrowed(loaded.suite());
        if (syscalls) {
            SyscallCounter.unavailability().ifPresent(cause -> {
                throw new UserError("--syscalls: " + cause);
            });
        }
        if (dryRun) {
            loaded.notes().forEach(note -> System.out.println("note: " + note));
            DryRun.print(suite, FdLimits.current(), System.out);
            return Main.EXIT_OK;
        }
        SuiteRunner.Outcome outcome = new SuiteRunner(launcher, System.out,
                SummaryRenderer.of(CellLine::of, EndOfRunTable::render)).countingSyscalls(syscalls)
                .run(suite, out, loaded.notes());
        RunPostSteps.afterRun(outcome, System.out);
        long failed = outcome.summaries().stream().filter(s -> !s.ok()).count();
        if (failed > 0) {
            System.out.println(failed + " of " + outcome.summaries().size() + " cells failed; see their summary.json"
                    + " and server.log / load.log");
            return Main.EXIT_CHECK_FAILED;
        }
        return Main.EXIT_OK;
    }

    private Suite narrowed(Suite suite) {
        if (trials != null) {
            if (trials < 1) {
                throw new UserError("--trials must be at least 1, got " + trials);
            }
            suite = suite.withTrials(trials);
        }
        if (designs != null && !designs.isEmpty()) {
            List<DesignSpec> chosen = new ArrayList<>();
            for (String id : new LinkedHashSet<>(designs)) {
                chosen.add(suite.designs().stream().filter(d -> d.name().equals(id) || d.id().equals(id)).findFirst()
                        .orElse(DesignSpec.of(id.trim())));
            }
            suite = suite.withDesigns(chosen);
        }
        if (only != null && !only.isEmpty()) {
            Set<String> wanted = new LinkedHashSet<>(only);
            List<Scenario> kept = suite.scenarios().stream()
                    .filter(s -> wanted.contains(s.name()) || wanted.contains(s.key())).toList();
            for (String name : wanted) {
                if (suite.scenarios().stream().noneMatch(s -> s.name().equals(name) || s.key().equals(name))) {
                    throw new UserError("--only: suite " + suite.name() + " has no scenario '" + name + "' (it has: "
                            + String.join(", ", suite.scenarios().stream().map(Scenario::key).distinct().toList()) + ")");
                }
            }
            suite = suite.withScenarios(kept);
        }
        return suite;
    }
}
