package io.reactorbench.results.yaml;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.dataformat.yaml.YAMLMapper;

/** Reads YAML into a {@link YamlNode} tree with the line of every node, from the parser's token locations. */
public final class YamlReader {

    private YamlReader() {
    }

    /**
     * Parses one YAML document; empty when the text holds none (each caller says what an empty file means).
     *
     * @throws YamlSyntaxError for text that is not YAML, a key twice in one mapping, or content the tree cannot hold
     */
    public static Optional<YamlNode> read(String text) {
        try (JsonParser parser = YAMLMapper.shared().createParser(text)) {
            if (parser.nextToken() == null) {
                return Optional.empty();
            }
            return Optional.of(readValue(parser));
        } catch (JacksonException e) {
            throw new YamlSyntaxError(errorLine(e), "not valid YAML: " + sentences(e.getOriginalMessage()));
        }
    }

    private static YamlNode readValue(JsonParser parser) {
        int line = parser.currentTokenLocation().getLineNr();
        JsonToken token = parser.currentToken();
        return switch (token) {
            case START_OBJECT -> {
                Map<String, YamlNode> entries = new LinkedHashMap<>();
                Map<String, Integer> keyLines = new LinkedHashMap<>();
                while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
                    String key = parser.currentName();
                    int keyLine = parser.currentTokenLocation().getLineNr();
                    if (entries.containsKey(key)) {
                        throw new YamlSyntaxError(keyLine, "key '" + key + "' appears twice in the same mapping");
                    }
                    parser.nextToken();
                    entries.put(key, readValue(parser));
                    keyLines.put(key, keyLine);
                }
                yield new YamlNode.Mapping(line, entries, keyLines);
            }
            case START_ARRAY -> {
                List<YamlNode> items = new ArrayList<>();
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    items.add(readValue(parser));
                }
                yield new YamlNode.Sequence(line, items);
            }
            case VALUE_STRING -> new YamlNode.Scalar(line, parser.getString(), parser.getString());
            case VALUE_NUMBER_INT -> new YamlNode.Scalar(line, parser.getLongValue(), parser.getString());
            case VALUE_NUMBER_FLOAT -> new YamlNode.Scalar(line, parser.getDoubleValue(), parser.getString());
            case VALUE_TRUE -> new YamlNode.Scalar(line, Boolean.TRUE, parser.getString());
            case VALUE_FALSE -> new YamlNode.Scalar(line, Boolean.FALSE, parser.getString());
            case VALUE_NULL -> new YamlNode.Scalar(line, null, "");
            default -> throw new YamlSyntaxError(line, "unsupported YAML content (" + token + ")");
        };
    }

    /**
     * The line of the offending character: SnakeYAML's problem mark (0-based) when it has one, because Jackson's
     * own location is where its last token ended, a line early for a tab at the start of a line.
     */
    private static int errorLine(JacksonException e) {
        if (e.getCause() instanceof MarkedYamlEngineException marked && marked.getProblemMark().isPresent()) {
            return marked.getProblemMark().get().getLine() + 1;
        }
        return e.getLocation() == null ? 1 : Math.max(1, e.getLocation().getLineNr());
    }

    private static String sentences(String message) {
        if (message == null) {
            return "syntax error";
        }
        // SnakeYAML's messages interleave sentences with indented source excerpts: keep the sentences.
        StringBuilder sentences = new StringBuilder();
        for (String line : message.split("\n")) {
            if (!line.isBlank() && !Character.isWhitespace(line.charAt(0))) {
                sentences.append(sentences.isEmpty() ? "" : "; ").append(line.trim());
            }
        }
        return sentences.toString();
    }
}
