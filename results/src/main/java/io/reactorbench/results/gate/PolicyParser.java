package io.reactorbench.results.gate;

import io.reactorbench.results.metric.Metric;
import io.reactorbench.results.metric.QuantityUnit;
import io.reactorbench.results.yaml.YamlNode;
import io.reactorbench.results.yaml.YamlReader;
import io.reactorbench.results.yaml.YamlSyntaxError;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a policy file (YAML, see {@code docs/ci.md}) into a {@link Policy}. Every mistake is reported as
 * {@code file:line: reason}; nothing is guessed or silently ignored (an unknown key is an error, since a typo
 * in a gate would otherwise switch a check off without anyone noticing).
 */
public final class PolicyParser {

    public static final String SCHEMA = "reactorbench.gate-policy/1";

    private static final Set<String> TOP_KEYS = Set.of("schema", "alpha", "minTrials", "correction", "grossFactor",
            "rules");
    private static final Set<String> RULE_KEYS = Set.of("name", "scenario", "design", "optional", "budget", "regression",
            "normalizeBy");
    private static final Set<String> THRESHOLD_KEYS = Set.of("maxRise", "maxDrop", "grossLimit", "atLeast");
    private static final Pattern BUDGET = Pattern.compile(
            "\\s*(?:ratio\\s+(\\S+)/(\\S+)\\s+)?([A-Za-z][A-Za-z0-9]*)\\s*(<=|>=|==|!=|<|>)\\s*(\\S.*?)\\s*");

    private final String source;
    /** The policy's {@code grossFactor}: the gross limit of thresholds that set none is this times their amount. */
    private double grossFactor = Threshold.DEFAULT_GROSS_FACTOR;

    private PolicyParser(String source) {
        this.source = source;
    }

    public static Policy parse(Path file) {
        String text;
        try {
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new PolicyException(file.toString(), 0, "no such file");
        } catch (IOException e) {
            throw new PolicyException(file.toString(), 0, "cannot read: " + e.getMessage());
        }
        return parse(text, file.toString());
    }

    /** @param source the name used in messages, usually the file's path */
    public static Policy parse(String text, String source) {
        PolicyParser parser = new PolicyParser(source);
        try {
            // An empty file is a policy of no rules, which the parser refuses with its own sentence.
            return parser.policy(YamlReader.read(text).orElse(new YamlNode.Mapping(1, Map.of())));
        } catch (YamlSyntaxError e) {
            throw new PolicyException(source, e.line(), e.reason());
        }
    }

    private Policy policy(YamlNode root) {
        YamlNode.Mapping top = mapping(root, "the policy");
        checkKeys(top, TOP_KEYS, "the policy");
        YamlNode schema = top.entries().get("schema");
        if (schema != null && !SCHEMA.equals(scalar(schema, "schema"))) {
            throw error(schema, "unknown schema '" + scalar(schema, "schema") + "', this reader understands '" + SCHEMA + "'");
        }
        StatisticsSettings defaults = StatisticsSettings.DEFAULT;
        double alpha = top.entries().containsKey("alpha")
                ? number(top.entries().get("alpha"), QuantityUnit.RATIO, "alpha") : defaults.alpha();
        YamlNode minTrialsNode = top.entries().get("minTrials");
        int minTrials = minTrialsNode == null ? defaults.minTrials() : (int) number(minTrialsNode, QuantityUnit.COUNT, "minTrials");
        YamlNode correctionNode = top.entries().get("correction");
        Correction correction = defaults.correction();
        if (correctionNode != null) {
            try {
                correction = Correction.byPolicyName(scalar(correctionNode, "correction"));
            } catch (IllegalArgumentException e) {
                throw error(correctionNode, e.getMessage());
            }
        }
        StatisticsSettings statistics;
        try {
            statistics = new StatisticsSettings(alpha, minTrials, correction);
        } catch (IllegalArgumentException e) {
            throw error(top.entries().getOrDefault("alpha", top), e.getMessage());
        }
        YamlNode grossFactorNode = top.entries().get("grossFactor");
        if (grossFactorNode != null) {
            grossFactor = number(grossFactorNode, QuantityUnit.RATIO, "grossFactor");
            if (!(grossFactor >= 1)) {
                throw error(grossFactorNode, "grossFactor must be at least 1 (a gross limit below the threshold would "
                        + "fail changes the threshold allows), got " + scalar(grossFactorNode, "grossFactor"));
            }
        }
        YamlNode rulesNode = top.entries().get("rules");
        if (rulesNode == null) {
            throw error(top, "a policy needs 'rules'");
        }
        if (!(rulesNode instanceof YamlNode.Sequence rules)) {
            throw error(rulesNode, "'rules' must be a list, found " + rulesNode.kind());
        }
        if (rules.items().isEmpty()) {
            // A gate of no checks would print PASS having looked at nothing.
            throw error(rulesNode, "'rules' is empty: a policy needs at least one rule");
        }
        List<Rule> parsed = new ArrayList<>();
        for (YamlNode rule : rules.items()) {
            parsed.addAll(rule(rule));
        }
        return new Policy(source, statistics, parsed);
    }

    private List<Rule> rule(YamlNode node) {
        YamlNode.Mapping rule = mapping(node, "a rule");
        checkKeys(rule, RULE_KEYS, "a rule");
        Map<String, YamlNode> entries = rule.entries();
        String name = entries.containsKey("name") ? scalar(entries.get("name"), "name") : null;
        Glob scenario = glob(entries.get("scenario"));
        Glob design = glob(entries.get("design"));
        Selector selector = new Selector(scenario, design, entries.containsKey("optional")
                && bool(entries.get("optional"), "optional"));
        boolean budget = entries.containsKey("budget");
        boolean regression = entries.containsKey("regression");
        if (budget == regression) {
            throw error(rule, "a rule needs exactly one of 'budget' or 'regression'");
        }
        if (budget) {
            if (entries.containsKey("normalizeBy")) {
                throw error(entries.get("normalizeBy"), "'normalizeBy' belongs to regression rules; for a same-run ratio "
                        + "budget write 'budget: ratio <design>/<reference> <metric> <op> <value>'");
            }
            YamlNode budgets = entries.get("budget");
            List<YamlNode> items = budgets instanceof YamlNode.Sequence list ? list.items() : List.of(budgets);
            List<Rule> result = new ArrayList<>();
            for (YamlNode item : items) {
                result.add(budget(item, name, selector, entries.containsKey("design")));
            }
            return result;
        }
        String normalizeBy = entries.containsKey("normalizeBy") ? scalar(entries.get("normalizeBy"), "normalizeBy") : null;
        YamlNode.Mapping metrics = mapping(entries.get("regression"), "'regression'");
        if (metrics.entries().isEmpty()) {
            throw error(metrics, "'regression' names no metric");
        }
        List<Rule> result = new ArrayList<>();
        for (Map.Entry<String, YamlNode> entry : metrics.entries().entrySet()) {
            int keyLine = metrics.keyLines().get(entry.getKey());
            Metric metric = metric(entry.getKey(), keyLine);
            Threshold threshold = threshold(entry.getValue(), metric, normalizeBy != null);
            RegressionRule draft = new RegressionRule("", selector, metric, threshold, normalizeBy, keyLine);
            result.add(new RegressionRule(name == null ? draft.expression() : name, selector, metric, threshold,
                    normalizeBy, keyLine));
        }
        return result;
    }

    private Rule budget(YamlNode node, String name, Selector selector, boolean designGiven) {
        String text = scalar(node, "a budget");
        Matcher m = BUDGET.matcher(text);
        if (!m.matches()) {
            throw error(node, "cannot read budget '" + text + "': write '<metric> <op> <value>' (e.g. 'p99 < 5ms') or "
                    + "'ratio <design>/<reference> <metric> <op> <value>'");
        }
        Metric metric = metric(m.group(3), node.line());
        Comparison comparison = Comparison.bySymbol(m.group(4));
        if (m.group(1) != null) {
            if (designGiven) {
                throw error(node, "a ratio budget names its designs itself; remove 'design' from this rule");
            }
            double limit = quantity(node, m.group(5), QuantityUnit.RATIO);
            RatioBudgetRule draft = new RatioBudgetRule("", selector, m.group(1), m.group(2), metric, comparison, limit,
                    node.line());
            return new RatioBudgetRule(name == null ? draft.expression() : name, selector, m.group(1), m.group(2), metric,
                    comparison, limit, node.line());
        }
        double limit = quantity(node, m.group(5), metric.unit());
        BudgetRule draft = new BudgetRule("", selector, metric, comparison, limit, node.line());
        return new BudgetRule(name == null ? draft.expression() : name, selector, metric, comparison, limit, node.line());
    }

    private Threshold threshold(YamlNode node, Metric metric, boolean normalised) {
        YamlNode.Mapping spec = mapping(node, "the threshold of '" + metric.policyName() + "' (e.g. {maxRise: 10%})");
        checkKeys(spec, THRESHOLD_KEYS, "a threshold");
        Map<String, YamlNode> entries = spec.entries();
        if (entries.containsKey("maxRise") == entries.containsKey("maxDrop")) {
            throw error(spec, "a threshold needs exactly one of 'maxRise' or 'maxDrop'");
        }
        Threshold.Direction direction = entries.containsKey("maxRise") ? Threshold.Direction.RISE : Threshold.Direction.DROP;
        YamlNode amountNode = entries.get(direction.key());
        String amountText = scalar(amountNode, direction.key());
        boolean relative = amountText.strip().endsWith("%");
        QuantityUnit unit = normalised ? QuantityUnit.RATIO : metric.unit();
        double amount = relative ? percent(amountNode, amountText) : quantity(amountNode, amountText, unit);
        double grossLimit = Threshold.grossLimitOf(direction, amount, relative, grossFactor);
        YamlNode limitNode = entries.get("grossLimit");
        if (limitNode != null) {
            String limitText = scalar(limitNode, "grossLimit");
            if (limitText.strip().endsWith("%") != relative) {
                throw error(limitNode, "grossLimit must be of the same kind as " + direction.key()
                        + (relative ? " (a percentage)" : " (an absolute amount)"));
            }
            grossLimit = relative ? percent(limitNode, limitText) : quantity(limitNode, limitText, unit);
            if (grossLimit < amount) {
                throw error(limitNode, "grossLimit must not be below " + direction.key());
            }
        }
        YamlNode floorNode = entries.get("atLeast");
        Double atLeast = null;
        if (floorNode != null) {
            String floorText = scalar(floorNode, "atLeast");
            if (!relative || floorText.strip().endsWith("%")) {
                throw error(floorNode, "atLeast is an absolute amount that goes with a percentage " + direction.key()
                        + " (e.g. {maxRise: 10%, atLeast: 64}); an absolute " + direction.key() + " is its own floor");
            }
            atLeast = quantity(floorNode, floorText, unit);
        }
        try {
            return new Threshold(direction, amount, relative, grossLimit, atLeast);
        } catch (IllegalArgumentException e) {
            throw error(amountNode, e.getMessage());
        }
    }

    private double percent(YamlNode node, String text) {
        String number = text.strip();
        number = number.substring(0, number.length() - 1).strip();
        try {
            return Double.parseDouble(number) / 100;
        } catch (NumberFormatException e) {
            throw error(node, "'" + text + "' is not a percentage");
        }
    }

    private double quantity(YamlNode node, String text, QuantityUnit unit) {
        try {
            return unit.parse(text);
        } catch (IllegalArgumentException e) {
            throw error(node, e.getMessage());
        }
    }

    private double number(YamlNode node, QuantityUnit unit, String what) {
        return quantity(node, scalar(node, what), unit);
    }

    private Metric metric(String id, int line) {
        try {
            return Metric.byPolicyName(id);
        } catch (IllegalArgumentException e) {
            throw new PolicyException(source, line, e.getMessage());
        }
    }

    private Glob glob(YamlNode node) {
        if (node == null) {
            return Glob.ANY;
        }
        try {
            return Glob.of(scalar(node, "a pattern"));
        } catch (IllegalArgumentException e) {
            throw error(node, e.getMessage());
        }
    }

    private boolean bool(YamlNode node, String what) {
        String text = scalar(node, what);
        return switch (text) {
            case "true" -> true;
            case "false" -> false;
            default -> throw error(node, what + " must be true or false, found '" + text + "'");
        };
    }

    private YamlNode.Mapping mapping(YamlNode node, String what) {
        if (node instanceof YamlNode.Mapping mapping) {
            return mapping;
        }
        throw error(node, what + " must be a mapping, found " + node.kind());
    }

    private String scalar(YamlNode node, String what) {
        if (node instanceof YamlNode.Scalar scalar && !scalar.text().isBlank()) {
            return scalar.text();
        }
        throw error(node, what + " must be a non-empty value, found " + node.kind());
    }

    private void checkKeys(YamlNode.Mapping mapping, Set<String> known, String what) {
        for (Map.Entry<String, Integer> key : mapping.keyLines().entrySet()) {
            if (key.getKey().equals("fewTrialsLimit")) {
                throw new PolicyException(source, key.getValue(), "'fewTrialsLimit' is now 'grossLimit': a change beyond "
                        + "it fails whatever the trial count (docs/ci.md)");
            }
            if (!known.contains(key.getKey())) {
                throw new PolicyException(source, key.getValue(),
                        YamlNode.Mapping.unknownKeyMessage(key.getKey(), what, known));
            }
        }
    }

    private PolicyException error(YamlNode node, String reason) {
        return new PolicyException(source, node.line(), reason);
    }
}
