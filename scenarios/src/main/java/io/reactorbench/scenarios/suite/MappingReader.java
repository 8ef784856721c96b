package io.reactorbench.scenarios.suite;

import io.reactorbench.results.yaml.YamlNode;
import io.reactorbench.wire.units.Durations;
import io.reactorbench.wire.units.Quantities;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Typed, located access to one YAML mapping: every getter fails with {@code file:line: sentence} naming the
 * key, what was expected and what was found; {@link #rejectUnknownKeys} names the keys that are allowed.
 */
final class MappingReader {

    private final String source;
    private final String where;
    private final YamlNode.Mapping map;

    MappingReader(String source, String where, YamlNode node) {
        this.source = source;
        this.where = where;
        if (!(node instanceof YamlNode.Mapping m)) {
            throw new SuiteError(source, node.line(), where + " must be a mapping (key: value lines), got " + node.kind());
        }
        this.map = m;
    }

    int line() {
        return map.line();
    }

    String where() {
        return where;
    }

    boolean has(String key) {
        return map.entries().containsKey(key);
    }

    YamlNode node(String key) {
        return map.entries().get(key);
    }

    int lineOf(String key) {
        YamlNode node = node(key);
        return node == null ? map.line() : node.line();
    }

    void rejectUnknownKeys(Set<String> known) {
        map.firstUnknownKey(known).ifPresent(key -> {
            throw new SuiteError(source, map.entries().get(key).line(),
                    YamlNode.Mapping.unknownKeyMessage(key, where, known));
        });
    }

    SuiteError error(String key, String sentence) {
        return new SuiteError(source, lineOf(key), sentence);
    }

    String requireString(String key) {
        if (!has(key)) {
            throw new SuiteError(source, map.line(), where + " needs '" + key + "'");
        }
        return string(key, null);
    }

    /** A text value; numbers are accepted as their text (e.g. {@code server: 0} for a CPU list). */
    String string(String key, String defaultValue) {
        YamlNode node = node(key);
        if (node == null || node instanceof YamlNode.Scalar(int l, Object v, String _) && v == null) {
            return defaultValue;
        }
        return scalarText(node, "'" + key + "' in " + where);
    }

    String scalarText(YamlNode node, String what) {
        if (node instanceof YamlNode.Scalar(int l, Object v, String _) && v != null && !(v instanceof Boolean)) {
            return v instanceof Double d && d == Math.rint(d) ? Long.toString(d.longValue()) : v.toString();
        }
        throw new SuiteError(source, node.line(), what + " must be text, got " + node.kind());
    }

    long wholeNumber(String key, long defaultValue, long min, long max) {
        YamlNode node = node(key);
        return node == null ? defaultValue : wholeNumber(node, "'" + key + "' in " + where, min, max);
    }

    /** A whole number, written plainly or with a suffix of the shared parser ({@code 20k}, {@code 1KiB}). */
    long wholeNumber(YamlNode node, String what, long min, long max) {
        long number;
        if (node instanceof YamlNode.Scalar(int l, Object v, String _) && v instanceof Long plain) {
            number = plain;
        } else if (node instanceof YamlNode.Scalar(int l, Object v, String _) && v instanceof String text) {
            try {
                number = Quantities.parseWholeBytes(text);
            } catch (IllegalArgumentException e) {
                throw new SuiteError(source, node.line(), what + " must be a whole number, got text '" + text
                        + "'");
            }
        } else {
            throw new SuiteError(source, node.line(), what + " must be a whole number, got " + node.kind());
        }
        if (number < min || number > max) {
            throw new SuiteError(source, node.line(), what + " must be " + range(min, max) + ", got " + number);
        }
        return number;
    }

    double number(String key, double defaultValue, double min, double max) {
        YamlNode node = node(key);
        return node == null ? defaultValue : number(node, "'" + key + "' in " + where, min, max);
    }

    /** A number, written plainly or with a suffix of the shared parser ({@code 20k}, {@code 1.5M}). */
    double number(YamlNode node, String what, double min, double max) {
        double value;
        if (node instanceof YamlNode.Scalar(int l, Object v, String _) && v instanceof Number plain) {
            value = plain.doubleValue();
        } else if (node instanceof YamlNode.Scalar(int l, Object v, String _) && v instanceof String text) {
            try {
                value = Quantities.parseCount(text);
            } catch (IllegalArgumentException e) {
                throw new SuiteError(source, node.line(), what + " must be a number, got text '" + text + "'");
            }
        } else {
            throw new SuiteError(source, node.line(), what + " must be a number, got " + node.kind());
        }
        if (!(value >= min && value <= max)) {
            throw new SuiteError(source, node.line(), what + " must be " + range(min, max) + ", got " + format(value));
        }
        return value;
    }

    /** A percentage: {@code 50%} or a plain number of percent ({@code 50}); {@code defaultValue} when absent. */
    double percent(String key, double defaultValue, double min, double max) {
        YamlNode node = node(key);
        if (node == null) {
            return defaultValue;
        }
        String what = "'" + key + "' in " + where;
        double value;
        if (node instanceof YamlNode.Scalar(int l, Object v, String _) && v instanceof Number n) {
            value = n.doubleValue();
        } else if (node instanceof YamlNode.Scalar(int l, Object v, String _) && v instanceof String text
                && text.trim().matches("[0-9]+(\\.[0-9]+)?\\s*%")) {
            value = Double.parseDouble(text.trim().replace("%", "").trim());
        } else {
            throw new SuiteError(source, node.line(), what + " must be a percentage like 50%, got "
                    + (node instanceof YamlNode.Scalar(int l, Object v, String _) && v instanceof String t ? "text '" + t + "'" : node.kind()));
        }
        if (!(value >= min && value <= max)) {
            throw new SuiteError(source, node.line(), what + " must be " + range(min, max) + " (percent), got " + format(value) + "%");
        }
        return value;
    }

    /** A duration: {@code 500ms}, {@code 2s}, {@code 1.5s}, {@code 2m}, or a plain number of seconds. */
    double seconds(String key, double defaultSeconds, double minSeconds) {
        YamlNode node = node(key);
        if (node == null) {
            return defaultSeconds;
        }
        String what = "'" + key + "' in " + where;
        double value;
        if (node instanceof YamlNode.Scalar(int l, Object v, String _) && v instanceof Number n) {
            value = n.doubleValue();
        } else if (node instanceof YamlNode.Scalar(int l, Object v, String _) && v instanceof String text) {
            value = parseSeconds(text.trim(), node, what);
        } else {
            throw new SuiteError(source, node.line(), what + " must be a duration like 2s or 500ms, got " + node.kind());
        }
        if (!(value >= minSeconds) || value > 86_400) {
            throw new SuiteError(source, node.line(), what + " must be at least " + minSeconds + "s and at most a day, got " + value + "s");
        }
        return value;
    }

    private double parseSeconds(String text, YamlNode node, String what) {
        try {
            return Durations.parseNs(text) / 1e9;
        } catch (IllegalArgumentException e) {
            throw new SuiteError(source, node.line(), what + " must be a duration like 2s or 500ms, got text '" + text
                    + "'");
        }
    }

    boolean flag(String key, boolean defaultValue) {
        YamlNode node = node(key);
        if (node == null) {
            return defaultValue;
        }
        if (node instanceof YamlNode.Scalar(int l, Object v, String _) && v instanceof Boolean b) {
            return b;
        }
        throw new SuiteError(source, node.line(), "'" + key + "' in " + where + " must be true or false, got " + node.kind());
    }

    List<String> stringList(String key) {
        YamlNode node = node(key);
        if (node == null) {
            return List.of();
        }
        if (!(node instanceof YamlNode.Sequence(int l, List<YamlNode> items))) {
            throw new SuiteError(source, node.line(), "'" + key + "' in " + where + " must be a list, got " + node.kind());
        }
        List<String> values = new ArrayList<>();
        for (YamlNode item : items) {
            values.add(scalarText(item, "an item of '" + key + "' in " + where));
        }
        return values;
    }

    /** A mapping of text to text (design options); scalar values of any type are kept as their text. */
    Map<String, String> stringMap(String key) {
        YamlNode node = node(key);
        if (node == null) {
            return Map.of();
        }
        MappingReader inner = new MappingReader(source, "'" + key + "' in " + where, node);
        Map<String, String> values = new LinkedHashMap<>();
        for (Map.Entry<String, YamlNode> entry : inner.map.entries().entrySet()) {
            YamlNode value = entry.getValue();
            if (value instanceof YamlNode.Scalar(int l, Object v, String _) && v != null) {
                values.put(entry.getKey(), v.toString());
            } else {
                throw new SuiteError(source, value.line(), "option '" + entry.getKey() + "' in " + inner.where
                        + " must be a single value, got " + value.kind());
            }
        }
        return values;
    }

    private static String range(double min, double max) {
        if (max >= Long.MAX_VALUE / 2.0) {
            return min == 0 ? "zero or more" : min == 1 ? "positive" : "at least " + format(min);
        }
        return "between " + format(min) + " and " + format(max);
    }

    private static String format(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }
}
