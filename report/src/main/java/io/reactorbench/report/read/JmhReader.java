package io.reactorbench.report.read;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.LinkedHashMap;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Reads the JSON file that JMH writes with {@code -rf json}: an array of benchmark results. */
public final class JmhReader {

    static final String ALLOC_NORM = "gc.alloc.rate.norm";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private JmhReader() {
    }

    public static List<JmhResult> read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("no such JMH result file: " + file);
        }
        JsonNode root;
        try {
            root = JSON.readTree(file.toFile());
        } catch (JacksonException e) {
            throw new IllegalArgumentException("cannot read " + file + ": " + e.getOriginalMessage());
        }
        if (!root.isArray()) {
            throw new IllegalArgumentException(file + " is not JMH '-rf json' output (expected a JSON array)");
        }
        List<JmhResult> results = new ArrayList<>();
        for (JsonNode b : root.values()) {
            Map<String, String> params = new LinkedHashMap<>();
            b.path("params").forEachEntry((name, value) -> params.put(name, value.asString("")));
            JsonNode primary = b.path("primaryMetric");
            JsonNode alloc = b.path("secondaryMetrics").path(ALLOC_NORM).path("score");
            results.add(new JmhResult(b.path("benchmark").asString(""), b.path("mode").asString(""), params,
                    primary.path("score").asDouble(Double.NaN), errorOf(primary.path("scoreError")),
                    primary.path("scoreUnit").asString(""),
                    alloc.isNumber() ? alloc.asDouble() : Double.NaN));
        }
        return results;
    }

    /** JMH writes "NaN" as a string when one fork cannot give an error estimate. */
    private static double errorOf(JsonNode scoreError) {
        return scoreError.isNumber() ? scoreError.asDouble() : Double.NaN;
    }
}
