package io.reactorbench.cli;

import io.reactorbench.loadgen.LoadAgents;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The command line of one agent of {@code load --agents K}: this CLI's {@code load} with the parent's own
 * options, less those the parent resolves itself, plus the agent's share, files and start barrier.
 */
final class LoadAgentCommand implements LoadAgents.AgentCommand {

    /** Options the parent resolves itself (thresholds judge the merged run) and must not pass on to children. */
    private static final Set<String> NOT_FOR_CHILDREN = Set.of("--agents", "--json", "--hlog", "--shard",
            "--progress", "--threshold", "--start-barrier");
    private static final Set<String> FLAGS_NOT_FOR_CHILDREN = Set.of("--no-summary", "--report-memory");

    private final List<String> loadArgs;

    /** {@code loadArgs}: the parent's arguments after {@code load}. */
    LoadAgentCommand(List<String> loadArgs) {
        this.loadArgs = List.copyOf(loadArgs);
    }

    /**
     * The parent's own JVM options (heap size, GC), so whoever sized the parent for its share sized every agent:
     * the runner sizes them per agent for a million connections, where 51 agents with the default heap (a quarter
     * of the machine each) could together claim more memory than it has. A debugger agent is not passed on: the
     * children would all try to listen on its port.
     */
    private static List<String> inheritedJvmOptions() {
        List<String> options = new ArrayList<>();
        for (String option : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (!option.startsWith("-agentlib:") && !option.startsWith("-javaagent:")
                    && !option.startsWith("-Xrunjdwp") && !option.equals("--enable-native-access=ALL-UNNAMED")) {
                options.add(option);
            }
        }
        return options;
    }

    @Override
    public List<String> command(int index, int agents, Path json, Path hlog, Path ready) {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.add("--enable-native-access=ALL-UNNAMED");
        command.addAll(inheritedJvmOptions());
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(Main.class.getName());
        command.add("load");
        for (int i = 0; i < loadArgs.size(); i++) {
            String arg = loadArgs.get(i);
            String name = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
            if (FLAGS_NOT_FOR_CHILDREN.contains(arg)) {
                continue;
            }
            if (NOT_FOR_CHILDREN.contains(name)) {
                if (!arg.contains("=")) {
                    i++;
                }
                continue;
            }
            command.add(arg);
        }
        command.addAll(List.of("--shard", index + "/" + agents, "--json", json.toString(), "--hlog", hlog.toString(),
                "--start-barrier", ready.toString(), "--progress", "none", "--no-summary"));
        return command;
    }
}
