package io.reactorbench.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/**
 * {@code load --help} with its three dozen options under headings. A help-section renderer keyed by option name,
 * not {@code @ArgGroup}s, so that {@code LoadCommand}'s fields stay where they are; an option nobody placed here
 * (a new one) still shows, under "Other".
 */
final class LoadOptionGroups implements CommandLine.IHelpSectionRenderer {

    private static final Map<String, List<String>> GROUPS = new LinkedHashMap<>();

    static {
        GROUPS.put("What to load", List.of("--target", "--url", "--app", "--method", "--header", "--body",
                "--source", "--allow-remote"));
        GROUPS.put("Connections and pacing", List.of("--connections", "--connect-rate", "--threads", "--model",
                "--rate", "--stages", "--depth", "--batch", "--heartbeat", "--poller"));
        GROUPS.put("Requests (echo, rpc)", List.of("--size", "--response-size", "--cpu-ns", "--block-us"));
        GROUPS.put("Slow reader", List.of("--read-rate", "--max-in-flight"));
        GROUPS.put("Connection ceiling", List.of("--steps", "--hold", "--verify-rate", "--settle", "--memory-floor"));
        GROUPS.put("How long", List.of("--duration", "--warmup", "--requests", "--timeout"));
        GROUPS.put("Checks", List.of("--threshold"));
        GROUPS.put("Output", List.of("--json", "--hlog", "--progress", "--no-summary", "--report-memory"));
        GROUPS.put("Several agents", List.of("--agents", "--shard", "--start-barrier"));
        GROUPS.put("One agent of a coordinated load", List.of("--coordinator", "--token-file", "--shard-count"));
    }

    static void install(CommandLine load) {
        load.getHelpSectionMap().put(CommandLine.Model.UsageMessageSpec.SECTION_KEY_OPTION_LIST,
                new LoadOptionGroups());
    }

    @Override
    public String render(CommandLine.Help help) {
        List<OptionSpec> all = help.commandSpec().options();
        List<OptionSpec> placed = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        for (Map.Entry<String, List<String>> group : GROUPS.entrySet()) {
            List<OptionSpec> members = new ArrayList<>();
            for (String name : group.getValue()) {
                OptionSpec option = help.commandSpec().findOption(name);
                if (option != null && !option.hidden()) {
                    members.add(option);
                }
            }
            placed.addAll(members);
            text.append(section(help, group.getKey(), members));
        }
        List<OptionSpec> rest = all.stream().filter(o -> !placed.contains(o) && !o.hidden()).toList();
        return text.append(section(help, "Other", rest)).toString();
    }

    private static String section(CommandLine.Help help, String heading, List<OptionSpec> options) {
        if (options.isEmpty()) {
            return "";
        }
        CommandLine.Help.Layout layout = help.createDefaultLayout();
        layout.addOptions(options, help.createDefaultParamLabelRenderer());
        return System.lineSeparator() + heading + ":" + System.lineSeparator() + layout;
    }
}
