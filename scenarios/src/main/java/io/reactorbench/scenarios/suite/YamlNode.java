package io.reactorbench.scenarios.suite;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A YAML document as a tree that remembers where each node came from, so that every validation error can
 * say {@code file:line}. (Jackson's {@code JsonNode} tree forgets locations; this keeps them.)
 */
public sealed interface YamlNode {

    /** 1-based line of the node's first token. */
    int line();

    /** What the node is, in words, for "expected X, got Y" messages. */
    String kind();

    /** A mapping; each value remembers the line of its key. */
    record MapNode(int line, Map<String, YamlNode> entries) implements YamlNode {
        public MapNode {
            entries = new LinkedHashMap<>(entries);
        }

        @Override
        public String kind() {
            return "a mapping";
        }
    }

    record ListNode(int line, List<YamlNode> items) implements YamlNode {
        public ListNode {
            items = List.copyOf(items);
        }

        @Override
        public String kind() {
            return "a list";
        }
    }

    /**
     * A scalar: {@code value} is a String, Long, Double, Boolean or null, as YAML typed it.
     */
    record Scalar(int line, Object value) implements YamlNode {
        @Override
        public String kind() {
            return switch (value) {
                case null -> "nothing (null)";
                case String s -> "text '" + s + "'";
                case Boolean b -> "'" + b + "' (true/false)";
                case Long l -> "the number " + l;
                default -> "the number " + value;
            };
        }
    }
}
