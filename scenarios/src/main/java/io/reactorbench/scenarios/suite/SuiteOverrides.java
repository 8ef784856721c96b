package io.reactorbench.scenarios.suite;

import io.reactorbench.results.yaml.YamlNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The {@code --set} overrides of one run, applied to the suite's YAML tree <em>before</em> it is validated, so an
 * override passes exactly the checks the same line in the file would (unknown key, type, range, rpc-only keys).
 * Each override's value carries a negative line number ({@code -1} for the first override, {@code -2} for the
 * second...) so that an error about it is reported as {@code --set 'rpc-blocking.cpuNs=-5': ...} instead of a
 * line of the file.
 *
 * <p>Rules: later overrides win over earlier ones; a suite key that scenarios may also set ({@code warmup},
 * {@code duration}, {@code maxErrorRatio}) replaces the scenarios' own values too (an override is the last word);
 * {@code designs} and {@code scenarios} are not set this way ({@code --designs}, {@code --only} do that);
 * {@code *.KEY} skips the scenarios the key does not apply to (e.g. {@code cpuNs} on an echo scenario) and fails
 * only when it applies to none, while {@code SCENARIO.KEY} on a scenario it does not apply to is rejected.
 */
public final class SuiteOverrides {

    public static final SuiteOverrides NONE = new SuiteOverrides(List.of());

    /** Suite keys that are the default of the scenarios' key of the same name. */
    private static final Set<String> SCENARIO_DEFAULTS = Set.of("warmup", "duration", "maxErrorRatio");
    /** Suite keys whose shape is a list of mappings: narrowed with --designs / --only instead. */
    private static final Set<String> NOT_OVERRIDABLE = Set.of("designs", "scenarios");

    /**
     * Scenario keys that apply to some scenarios only, as {@link SuiteParser} rules them: which scenario key
     * decides, its default, and which of its values accept the key.
     */
    private record Applicability(String decidedBy, String defaultValue, Predicate<String> accepts, String says) {
    }

    private static final Applicability RPC_ONLY = new Applicability("app", "", "rpc"::equals, "app rpc");
    private static final Map<String, Applicability> APPLIES_TO = Map.of(
            "cpuNs", RPC_ONLY,
            "blockUs", RPC_ONLY,
            "responseSize", RPC_ONLY,
            "heartbeat", new Applicability("model", "closed", "idle"::equals, "model idle"),
            "rate", new Applicability("model", "closed", model -> !model.equals("closed"), "models open, idle and churn"));

    /**
     * The suite as it will run, and one note that says which overrides were applied where (empty without overrides).
     */
    public record Applied(Suite suite, List<String> notes) {
        public Applied {
            notes = List.copyOf(notes);
        }
    }

    private final List<SuiteOverride> overrides;

    private SuiteOverrides(List<SuiteOverride> overrides) {
        this.overrides = List.copyOf(overrides);
    }

    /** Checks the shape of each {@code --set} text; keys and values are checked when applied to a suite. */
    public static SuiteOverrides parse(List<String> texts) {
        return new SuiteOverrides(texts.stream().map(SuiteOverride::parse).toList());
    }

    public List<SuiteOverride> overrides() {
        return overrides;
    }

    public boolean isEmpty() {
        return overrides.isEmpty();
    }

    /** Reads the suite text, applies the overrides and validates the result. */
    Applied applyTo(String source, String text) {
        YamlNode root = SuiteYaml.read(source, text);
        if (overrides.isEmpty()) {
            return new Applied(SuiteParser.parse(source, root), List.of());
        }
        List<String> applied = new ArrayList<>();
        for (int i = 0; i < overrides.size(); i++) {
            root = apply(root, overrides.get(i), markerLine(i), applied);
        }
        try {
            return new Applied(SuiteParser.parse(source, root),
                    List.of("overrides applied (--set): " + String.join("; ", applied)));
        } catch (SuiteError e) {
            if (e.line() < 0) {
                throw overrides.get(-e.line() - 1).error(e.sentence());
            }
            // Not about an override's value, but perhaps caused by one (e.g. model=open without a rate): say so.
            throw new SuiteError(source, e.line(), e.sentence() + " (with --set "
                    + String.join(", ", overrides.stream().map(SuiteOverride::text).toList()) + ")");
        }
    }

    private static int markerLine(int index) {
        return -(index + 1);
    }

    private static YamlNode apply(YamlNode root, SuiteOverride override, int line, List<String> applied) {
        if (!(root instanceof YamlNode.Mapping suite)) {
            return root; // not a suite at all: the parser says so
        }
        YamlNode value = valueOf(override, line);
        Map<String, YamlNode> entries = new LinkedHashMap<>(suite.entries());
        if (override.suiteKey()) {
            if (NOT_OVERRIDABLE.contains(override.key())) {
                throw override.error("'" + override.key() + "' cannot be set; choose with --designs or --only");
            }
            entries.put(override.key(), value);
            List<String> alsoIn = new ArrayList<>();
            if (SCENARIO_DEFAULTS.contains(override.key())) {
                entries.computeIfPresent("scenarios", (k, list) -> replaceInScenarios(list,
                        scenario -> scenario.entries().containsKey(override.key()), override.key(), value, alsoIn));
            }
            applied.add(override.text() + (alsoIn.isEmpty() ? "" : " (also replacing the own value of "
                    + String.join(", ", alsoIn) + ")"));
            return new YamlNode.Mapping(suite.line(), entries);
        }
        List<String> names = scenarioNames(entries.get("scenarios"));
        Applicability rule = APPLIES_TO.get(override.key());
        List<String> setIn = new ArrayList<>();
        Predicate<YamlNode.Mapping> chosen = override.everyScenario()
                ? scenario -> rule == null || rule.accepts().test(text(scenario, rule.decidedBy(), rule.defaultValue()))
                : scenario -> override.scenario().equals(text(scenario, "name", ""));
        entries.computeIfPresent("scenarios", (k, list) -> replaceInScenarios(list, chosen, override.key(), value, setIn));
        if (setIn.isEmpty()) {
            throw override.everyScenario()
                    ? override.error("no scenario takes '" + override.key() + "'"
                            + (rule == null ? "" : " (it applies to " + rule.says() + " only)"))
                    : override.error("the suite has no scenario '" + override.scenario() + "' (it has: "
                            + String.join(", ", names) + ")");
        }
        List<String> skipped = names.stream().filter(name -> !setIn.contains(name)).toList();
        applied.add(override.text() + (override.everyScenario() ? " in " + String.join(", ", setIn)
                + (skipped.isEmpty() || rule == null ? "" : " (skipped " + String.join(", ", skipped) + ": '" + override.key()
                        + "' applies to " + rule.says() + " only)") : ""));
        return new YamlNode.Mapping(suite.line(), entries);
    }

    private static YamlNode replaceInScenarios(YamlNode scenarios, Predicate<YamlNode.Mapping> chosen, String key,
            YamlNode value, List<String> replacedIn) {
        if (!(scenarios instanceof YamlNode.Sequence(int line, List<YamlNode> items))) {
            return scenarios;
        }
        List<YamlNode> replaced = new ArrayList<>();
        for (YamlNode item : items) {
            if (item instanceof YamlNode.Mapping scenario && chosen.test(scenario)) {
                Map<String, YamlNode> entries = new LinkedHashMap<>(scenario.entries());
                entries.put(key, value);
                replaced.add(new YamlNode.Mapping(scenario.line(), entries));
                replacedIn.add(text(scenario, "name", "?"));
            } else {
                replaced.add(item);
            }
        }
        return new YamlNode.Sequence(line, replaced);
    }

    private static List<String> scenarioNames(YamlNode scenarios) {
        if (!(scenarios instanceof YamlNode.Sequence(int line, List<YamlNode> items))) {
            return List.of();
        }
        return items.stream().filter(YamlNode.Mapping.class::isInstance)
                .map(item -> text((YamlNode.Mapping) item, "name", "?")).toList();
    }

    private static String text(YamlNode.Mapping map, String key, String defaultValue) {
        return map.entries().get(key) instanceof YamlNode.Scalar(int l, Object v, String _) && v != null ? v.toString() : defaultValue;
    }

    /** The value read as YAML, as if written in the file, every node marked with the override's line. */
    private static YamlNode valueOf(SuiteOverride override, int line) {
        try {
            return relabelled(SuiteYaml.read("--set", override.value()), line);
        } catch (SuiteError e) {
            throw override.error(e.sentence());
        }
    }

    private static YamlNode relabelled(YamlNode node, int line) {
        return switch (node) {
            case YamlNode.Scalar(int l, Object v, String text) -> new YamlNode.Scalar(line, v, text);
            case YamlNode.Sequence(int l, List<YamlNode> items) ->
                    new YamlNode.Sequence(line, items.stream().map(item -> relabelled(item, line)).toList());
            case YamlNode.Mapping map -> {
                Map<String, YamlNode> entries = new LinkedHashMap<>();
                map.entries().forEach((key, value) -> entries.put(key, relabelled(value, line)));
                yield new YamlNode.Mapping(line, entries);
            }
        };
    }
}
