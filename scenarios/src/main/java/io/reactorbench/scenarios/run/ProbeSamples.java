package io.reactorbench.scenarios.run;

import io.reactorbench.results.ProbeSample;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/** Builds {@link ProbeSample}s from a server's STATS JSON (read generically: missing fields become null). */
final class ProbeSamples {

    private ProbeSamples() {
    }

    static ProbeSample of(String label, JsonNode inside, ProcessHandle process) {
        ProcFs.MemoryRollup rollup = ProcFs.memoryRollup(process);
        JsonNode stats = inside == null ? tools.jackson.databind.node.MissingNode.getInstance() : inside;
        return new ProbeSample(label, System.currentTimeMillis(),
                longOrNull(stats, "timeMs"), longOrNull(stats, "cpuNs"), longOrNull(stats, "allocatedBytes"),
                longOrNull(stats, "gcCount"), doubleOrNull(stats, "gcPauseTotalMs"), doubleOrNull(stats, "gcPauseMaxMs"),
                pauses(stats.path("pauses")), longOrNull(stats, "heapUsedBytes"), longOrNull(stats, "heapAfterGcBytes"),
                intOrNull(stats, "threads"), intOrNull(stats, "connections"),
                stats.has("pid") ? stats.path("pid").asLong() : process.pid(),
                ProcFs.cpuNs(process), ProcFs.rssBytes(process),
                rollup == null ? null : rollup.anonBytes(), rollup == null ? null : rollup.privateDirtyBytes(),
                longOrNull(stats, "rejectedOnFdLimit"));
    }

    private static List<List<Double>> pauses(JsonNode node) {
        if (!node.isArray()) {
            return null;
        }
        List<List<Double>> pauses = new ArrayList<>();
        for (JsonNode pause : node) {
            if (pause.isArray() && pause.size() >= 2) {
                pauses.add(List.of(pause.get(0).asDouble(), pause.get(1).asDouble()));
            } else if (pause.isObject()) {
                pauses.add(List.of(pause.path("startMs").asDouble(), pause.path("durationMs").asDouble()));
            }
        }
        return pauses;
    }

    static Long longOrNull(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isNumber() ? value.asLong() : null;
    }

    static Double doubleOrNull(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isNumber() ? value.asDouble() : null;
    }

    static Integer intOrNull(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isNumber() ? value.asInt() : null;
    }
}
