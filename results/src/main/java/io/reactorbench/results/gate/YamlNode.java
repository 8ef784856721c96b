package io.reactorbench.results.gate;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * A YAML document as a tree that remembers the line of every node, so that a policy error can say
 * {@code gate.yaml:12: unknown metric 'p98'}. Scalars are kept as their text: the policy parser gives them
 * meaning ({@code 5%}, {@code 5ms}, {@code 100k}), not YAML's number rules.
 */
sealed interface YamlNode {

    int line();

    /** A word for messages: "a mapping", "a list", "a value". */
    String kind();

    record Scalar(String text, int line) implements YamlNode {
        public String kind() {
            return "a value";
        }
    }

    record Sequence(List<YamlNode> items, int line) implements YamlNode {
        public String kind() {
            return "a list";
        }
    }

    /** Keys in document order; {@code keyLines} holds the line of each key. */
    record Mapping(Map<String, YamlNode> entries, Map<String, Integer> keyLines, int line) implements YamlNode {
        public String kind() {
            return "a mapping";
        }
    }

    /** An error at a line of the document: the parser adds the file name. */
    final class SyntaxError extends RuntimeException {
        final int line;

        SyntaxError(int line, String reason) {
            super(reason, null, false, false);
            this.line = line;
        }
    }

    /** Parses one YAML document; an empty document is an empty mapping. */
    static YamlNode parse(String text) {
        try (JsonParser parser = YAMLMapper.shared().createParser(text)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                return new Mapping(Map.of(), Map.of(), 1);
            }
            return read(parser);
        } catch (JacksonException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            throw new SyntaxError(line, "not valid YAML: " + firstLine(e.getOriginalMessage()));
        }
    }

    private static YamlNode read(JsonParser parser) {
        int line = parser.currentTokenLocation().getLineNr();
        JsonToken token = parser.currentToken();
        switch (token) {
            case START_OBJECT -> {
                Map<String, YamlNode> entries = new LinkedHashMap<>();
                Map<String, Integer> keyLines = new LinkedHashMap<>();
                while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
                    String key = parser.currentName();
                    int keyLine = parser.currentTokenLocation().getLineNr();
                    if (entries.containsKey(key)) {
                        throw new SyntaxError(keyLine, "duplicate key '" + key + "'");
                    }
                    parser.nextToken();
                    entries.put(key, read(parser));
                    keyLines.put(key, keyLine);
                }
                return new Mapping(entries, keyLines, line);
            }
            case START_ARRAY -> {
                List<YamlNode> items = new ArrayList<>();
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    items.add(read(parser));
                }
                return new Sequence(items, line);
            }
            case VALUE_NULL -> {
                return new Scalar("", line);
            }
            default -> {
                return new Scalar(parser.getText(), line);
            }
        }
    }

    private static String firstLine(String message) {
        int newline = message == null ? -1 : message.indexOf('\n');
        return newline < 0 ? String.valueOf(message) : message.substring(0, newline);
    }
}
