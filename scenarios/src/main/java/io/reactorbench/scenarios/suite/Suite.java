package io.reactorbench.scenarios.suite;

import java.util.List;
import java.util.Map;

/**
 * A suite after parsing, defaults and sweep expansion: what the runner runs. Immutable; the CLI's
 * overrides ({@code --trials}, {@code --designs}, {@code --only}) make changed copies.
 *
 * @param source             file name or {@code builtin:<name>}, for messages
 * @param serverLoops        loops for every design unless a design says otherwise; null = each design's default
 * @param serverOptions      options for every design that supports them (silently skipped by the others)
 * @param serverJvmOptions   JVM options of every server JVM
 * @param startupTimeoutSeconds how long a server may take to print READY (or an external one to accept)
 */
public record Suite(
        String name,
        String description,
        String source,
        int trials,
        CpuSets cpus,
        Integer serverLoops,
        Map<String, String> serverOptions,
        List<String> serverJvmOptions,
        double startupTimeoutSeconds,
        List<DesignSpec> designs,
        List<Scenario> scenarios) {

    public Suite {
        serverOptions = Map.copyOf(serverOptions);
        serverJvmOptions = List.copyOf(serverJvmOptions);
        designs = List.copyOf(designs);
        scenarios = List.copyOf(scenarios);
    }

    public Suite withTrials(int newTrials) {
        return new Suite(name, description, source, newTrials, cpus, serverLoops, serverOptions, serverJvmOptions,
                startupTimeoutSeconds, designs, scenarios);
    }

    public Suite withDesigns(List<DesignSpec> newDesigns) {
        return new Suite(name, description, source, trials, cpus, serverLoops, serverOptions, serverJvmOptions,
                startupTimeoutSeconds, newDesigns, scenarios);
    }

    public Suite withScenarios(List<Scenario> newScenarios) {
        return new Suite(name, description, source, trials, cpus, serverLoops, serverOptions, serverJvmOptions,
                startupTimeoutSeconds, designs, newScenarios);
    }

    public Suite withCpus(CpuSets newCpus) {
        return new Suite(name, description, source, trials, newCpus, serverLoops, serverOptions, serverJvmOptions,
                startupTimeoutSeconds, designs, scenarios);
    }

    /** Cells one trial runs: each scenario variant on each design it runs on. */
    public int cellsPerTrial() {
        return scenarios.stream().mapToInt(s -> designsOf(s).size()).sum();
    }

    /** The suite's designs {@code scenario} runs on, in the suite's order. */
    public List<DesignSpec> designsOf(Scenario scenario) {
        return designs.stream().filter(scenario::runsOn).toList();
    }
}
