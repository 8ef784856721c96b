package io.reactorbench.results.yaml;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * A YAML document as a tree that remembers the line of every node, so that every validation error can say
 * {@code file:line} (Jackson's {@code JsonNode} tree forgets locations; this keeps them). Suites and gate
 * policies are read into it by {@link YamlReader}.
 */
public sealed interface YamlNode {

    /** 1-based line of the node's first token. */
    int line();

    /** What the node is, in words, for "expected X, got Y" messages. */
    String kind();

    /**
     * A mapping, keys in document order.
     *
     * @param keyLines the line of each key (a value may start on a later line than its key)
     */
    record Mapping(int line, Map<String, YamlNode> entries, Map<String, Integer> keyLines) implements YamlNode {
        public Mapping {
            entries = Collections.unmodifiableMap(new LinkedHashMap<>(entries));
            keyLines = Collections.unmodifiableMap(new LinkedHashMap<>(keyLines));
        }

        /** A mapping built in code (e.g. a suite with a {@code --set} override applied): each key on its value's line. */
        public Mapping(int line, Map<String, YamlNode> entries) {
            this(line, entries, linesOf(entries));
        }

        private static Map<String, Integer> linesOf(Map<String, YamlNode> entries) {
            Map<String, Integer> lines = new LinkedHashMap<>();
            entries.forEach((key, value) -> lines.put(key, value.line()));
            return lines;
        }

        @Override
        public String kind() {
            return "a mapping";
        }

        /** The first key (in file order) that is not in {@code known}, if any. */
        public Optional<String> firstUnknownKey(Set<String> known) {
            return keyLines.keySet().stream().filter(key -> !known.contains(key)).findFirst();
        }

        /** What suites and gate policies both say about a key they do not know, listing the known ones. */
        public static String unknownKeyMessage(String key, String where, Set<String> known) {
            return "unknown key '" + key + "' in " + where + " (known: " + String.join(", ", new TreeSet<>(known))
                    + ")";
        }
    }

    record Sequence(int line, List<YamlNode> items) implements YamlNode {
        public Sequence {
            items = List.copyOf(items);
        }

        @Override
        public String kind() {
            return "a list";
        }
    }

    /**
     * A scalar, both as YAML typed it and as it was written: suites take YAML's types, gate policies give the text
     * their own meaning ({@code 5%}, {@code 5ms}, {@code 100k}), not YAML's number rules.
     *
     * @param value a String, Long, Double, Boolean or null
     * @param text  the scalar as written; empty for null
     */
    record Scalar(int line, Object value, String text) implements YamlNode {

        /** A scalar built in code: its text is its value's. */
        public Scalar(int line, Object value) {
            this(line, value, value == null ? "" : value.toString());
        }

        @Override
        public String kind() {
            return switch (value) {
                case null -> "nothing (null)";
                case String s -> "text '" + s + "'";
                case Boolean b -> "'" + b + "' (true/false)";
                default -> "the number " + value;
            };
        }
    }
}
