package io.reactorbench.report;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes the fixed results directory in src/test/resources/fixture-run (docs/results-schema.md, version 1).
 * The output is committed, like HdrHistogram's golden .hlog files; run this only to change the fixture:
 * {@code mvn -B -o -pl report test -Dtest=FixtureGenerator -DregenerateFixture=true}.
 * Deterministic (fixed seeds), so regenerating gives the same numbers the tests expect.
 */
class FixtureGenerator {

    static final Path FIXTURE = Path.of("src/test/resources/fixture-run");
    static final List<String> DESIGNS = List.of("engine-nio", "netty-epoll");
    static final long START_MS = 1_767_225_600_000L; // 2026-01-01T00:00:00Z
    static final int WINDOW_SECONDS = 10;

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** One scenario variant of the fixture and how its numbers are made. */
    record Variant(String scenario, String variant, String model, int connections, double rate) {
        String label() {
            return variant.isEmpty() ? scenario : scenario + "@" + variant;
        }
    }

    static final List<Variant> VARIANTS = List.of(
            new Variant("echo-open", "", "open", 50, 10_000),
            new Variant("rpc-closed", "", "closed", 16, Double.NaN),
            new Variant("echo-sweep", "connections=100", "open", 100, 20_000),
            new Variant("echo-sweep", "connections=1000", "open", 1000, 20_000),
            new Variant("idle", "connections=1000", "idle", 1000, Double.NaN),
            new Variant("idle", "connections=10000", "idle", 10000, Double.NaN));

    @Test
    @EnabledIfSystemProperty(named = "regenerateFixture", matches = "true")
    void regenerate() throws IOException {
        Files.createDirectories(FIXTURE);
        List<Map<String, Object>> cells = new ArrayList<>();
        for (Variant v : VARIANTS) {
            for (String design : DESIGNS) {
                for (int trial = 1; trial <= 2; trial++) {
                    boolean failed = v.scenario().equals("rpc-closed") && design.equals("netty-epoll") && trial == 2;
                    String dir = v.label() + "/" + design + "/trial-" + trial;
                    Path trialDir = FIXTURE.resolve(dir);
                    Files.createDirectories(trialDir);
                    Map<String, Object> cell = new LinkedHashMap<>();
                    cell.put("scenario", v.scenario());
                    cell.put("variant", v.variant());
                    cell.put("design", design);
                    cell.put("trial", trial);
                    cell.put("status", failed ? "failed" : "ok");
                    cell.put("reason", failed ? "server exited with code 1 during warm-up" : null);
                    cell.put("dir", dir);
                    cells.add(cell);
                    writeTrial(trialDir, v, design, trial, failed);
                }
            }
        }
        Map<String, Object> run = new LinkedHashMap<>();
        run.put("schema", "reactorbench.run/1");
        run.put("id", "20260101-000000-fixture");
        run.put("suite", "fixture");
        run.put("status", "complete");
        run.put("startedAt", "2026-01-01T00:00:00Z");
        run.put("finishedAt", "2026-01-01T00:20:00Z");
        Map<String, Object> env = new LinkedHashMap<>();
        env.put("cpuModel", "Fixture CPU @ 3.0GHz");
        env.put("cores", 2);
        env.put("kernel", "6.18.0");
        env.put("os", "Debian GNU/Linux 12");
        env.put("jdk", "Temurin 25.0.3");
        env.put("jvmOptions", List.of("-Xms512m", "-Xmx512m", "-XX:+UseG1GC"));
        env.put("fdLimit", 20000);
        env.put("hostname", "fixture-host");
        env.put("gitCommit", "0123456789abcdef");
        env.put("pinning", ordered("server", "0", "load", "1", "applied", true, "note", "taskset"));
        run.put("environment", env);
        run.put("suiteResolved", ordered("name", "fixture", "trials", 2));
        run.put("cells", cells);
        JSON.writerWithDefaultPrettyPrinter().writeValue(FIXTURE.resolve("run.json").toFile(), run);
    }

    private static void writeTrial(Path dir, Variant v, String design, int trial, boolean failed) throws IOException {
        int designIndex = DESIGNS.indexOf(design);
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("schema", "reactorbench.summary/1");
        s.put("scenario", v.scenario());
        s.put("variant", v.variant());
        s.put("design", design);
        s.put("trial", trial);
        s.put("status", failed ? "failed" : "ok");
        s.put("reason", failed ? "server exited with code 1 during warm-up" : null);
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("app", v.scenario().startsWith("rpc") ? "rpc" : "echo");
        params.put("model", v.model());
        params.put("connections", v.connections());
        params.put("rate", Double.isNaN(v.rate()) ? null : v.rate());
        params.put("size", 64);
        params.put("depth", 1);
        params.put("responseSize", 64);
        params.put("cpuSpinNs", 0);
        params.put("blockUs", 0);
        params.put("warmupSeconds", 5);
        params.put("durationSeconds", WINDOW_SECONDS);
        s.put("params", params);
        s.put("windowSeconds", WINDOW_SECONDS);
        boolean idle = v.model().equals("idle");
        // Throughput: engine-nio 10,000 ± 10 per trial on echo-open, netty-epoll 9,800 ± 100; other scenarios scaled.
        double scale = switch (v.label()) {
            case "echo-open" -> 1.0;
            case "rpc-closed" -> 4.0;
            case "echo-sweep@connections=100" -> 2.0;
            case "echo-sweep@connections=1000" -> 1.5;
            default -> 0.0;
        };
        double base = designIndex == 0 ? 10_000 : 9_800;
        double spread = designIndex == 0 ? 10 : 100;
        double throughput = failed || idle ? 0 : scale * base + (trial == 1 ? -spread : spread);
        long requests = Math.round(throughput * WINDOW_SECONDS);
        s.put("requests", requests);
        s.put("throughput", throughput);
        s.put("errors", ordered("connect", 0, "timeout", designIndex == 1 && trial == 2 ? 3 : 0, "reset", 0,
                "protocol", 0, "total", designIndex == 1 && trial == 2 ? 3 : 0));
        List<Map<String, Object>> pauses = new ArrayList<>();
        if (!failed) {
            pauses.add(ordered("atMs", 4_200 + 1_000 * designIndex, "durationMs", 3.0 + 4 * designIndex));
            if (designIndex == 1) {
                pauses.add(ordered("atMs", 7_600, "durationMs", 5.5));
            }
        }
        if (idle || failed) {
            Map<String, Object> latency = new LinkedHashMap<>();
            latency.put("corrected", null);
            latency.put("uncorrected", latencyMap(new Histogram(3)));
            s.put("latencyNs", latency);
        } else {
            Histogram[] histograms = writeLatencyLog(dir, v, designIndex, trial, throughput, pauses);
            Map<String, Object> latency = new LinkedHashMap<>();
            latency.put("corrected", v.model().equals("open") ? latencyMap(histograms[0]) : null);
            latency.put("uncorrected", latencyMap(histograms[1]));
            s.put("latencyNs", latency);
        }
        Map<String, Object> gc = new LinkedHashMap<>();
        gc.put("count", pauses.size());
        gc.put("totalMs", pauses.stream().mapToDouble(p -> ((Number) p.get("durationMs")).doubleValue()).sum());
        gc.put("maxMs", pauses.stream().mapToDouble(p -> ((Number) p.get("durationMs")).doubleValue()).max().orElse(0));
        gc.put("pauses", pauses);
        Map<String, Object> server = new LinkedHashMap<>();
        server.put("cpuUsPerRequest", failed || idle ? null : (designIndex == 0 ? 12.0 : 15.0) + trial * 0.5);
        server.put("allocatedBytesPerRequest", failed || idle ? null : (designIndex == 0 ? 48.0 : 160.0) + trial * 2);
        server.put("gc", gc);
        server.put("rssBytes", 200_000_000L + 10_000_000L * designIndex);
        server.put("heapUsedBytes", 60_000_000L + 5_000_000L * designIndex);
        server.put("threads", designIndex == 0 ? 4 : 6);
        s.put("server", server);
        if (idle && !failed) {
            double rssPer = (designIndex == 0 ? 400 : 1_600) + (v.connections() == 10000 ? -40 : 0) + trial * 10;
            double heapPer = (designIndex == 0 ? 150 : 900) + (v.connections() == 10000 ? -20 : 0) + trial * 4;
            s.put("memory", ordered("connections", v.connections(), "rssPerConnectionBytes", rssPer,
                    "heapPerConnectionBytes", heapPer));
        } else {
            s.put("memory", null);
        }
        s.put("connectionsPerSecond", null);
        JSON.writerWithDefaultPrettyPrinter().writeValue(dir.resolve("summary.json").toFile(), s);
        writeServerJsonl(dir, designIndex);
    }

    /** Writes latency.hlog (corrected, one interval per second) and returns {corrected, uncorrected} totals. */
    private static Histogram[] writeLatencyLog(Path dir, Variant v, int designIndex, int trial, double throughput,
                                               List<Map<String, Object>> pauses) throws IOException {
        SplittableRandom random = new SplittableRandom(31L * v.label().hashCode() + 7L * designIndex + trial);
        Histogram correctedTotal = new Histogram(3);
        Histogram uncorrectedTotal = new Histogram(3);
        double medianNs = (designIndex == 0 ? 200_000 : 260_000) * (v.connections() >= 1000 ? 2.5 : 1.0);
        long expectedIntervalNs = v.model().equals("open") ? (long) (1e9 / v.rate() * v.connections()) : 0;
        try (PrintStream out = new PrintStream(Files.newOutputStream(dir.resolve("latency.hlog")), false, "UTF-8")) {
            HistogramLogWriter writer = new HistogramLogWriter(out);
            writer.outputLogFormatVersion();
            writer.outputStartTime(START_MS);
            writer.setBaseTime(START_MS);
            writer.outputLegend();
            int samplesPerSecond = 400; // a sample of the requests keeps the committed file small
            for (int second = 0; second < WINDOW_SECONDS; second++) {
                Histogram interval = new Histogram(3);
                Histogram uncorrected = new Histogram(3);
                final int s = second;
                boolean pauseThisSecond = pauses.stream()
                        .anyMatch(p -> ((Number) p.get("atMs")).intValue() / 1000 == s);
                for (int i = 0; i < samplesPerSecond; i++) {
                    double u = random.nextDouble();
                    // A long-tailed distribution: mostly near the median, a few at 10–50×.
                    double factor = u < 0.9 ? 0.6 + 0.8 * random.nextDouble()
                            : u < 0.999 ? 1.4 + 8 * random.nextDouble() : 10 + 40 * random.nextDouble();
                    long latencyNs = (long) (medianNs * factor);
                    if (pauseThisSecond && i < 4) {
                        latencyNs += 6_000_000L * (designIndex + 1);
                    }
                    uncorrected.recordValue(latencyNs);
                    if (expectedIntervalNs > 0) {
                        interval.recordValueWithExpectedInterval(latencyNs, expectedIntervalNs);
                    } else {
                        interval.recordValue(latencyNs);
                    }
                }
                interval.setStartTimeStamp(START_MS + second * 1000L);
                interval.setEndTimeStamp(START_MS + (second + 1) * 1000L);
                writer.outputIntervalHistogram(interval);
                correctedTotal.add(interval);
                uncorrectedTotal.add(uncorrected);
            }
        }
        return new Histogram[] {correctedTotal, uncorrectedTotal};
    }

    /** Map.of's order changes from one JVM to the next; the committed files must not. */
    private static Map<String, Object> ordered(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    private static Map<String, Object> latencyMap(Histogram h) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("count", h.getTotalCount());
        m.put("mean", Math.round(h.getMean()));
        m.put("p50", h.getValueAtPercentile(50));
        m.put("p75", h.getValueAtPercentile(75));
        m.put("p90", h.getValueAtPercentile(90));
        m.put("p99", h.getValueAtPercentile(99));
        m.put("p999", h.getValueAtPercentile(99.9));
        m.put("p9999", h.getValueAtPercentile(99.99));
        m.put("max", h.getMaxValue());
        return m;
    }

    private static void writeServerJsonl(Path dir, int designIndex) throws IOException {
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < 2; i++) {
            Map<String, Object> sample = new LinkedHashMap<>();
            sample.put("timeMs", START_MS + i * 10_000L);
            sample.put("cpuNs", 1_000_000_000L * i);
            sample.put("allocatedBytes", 50_000_000L * i);
            sample.put("gcCount", i * (designIndex + 1));
            sample.put("gcPauseTotalMs", i * 3.0);
            sample.put("gcPauseMaxMs", i * 3.0);
            sample.put("heapUsedBytes", 60_000_000L);
            sample.put("heapAfterGcBytes", 40_000_000L);
            sample.put("threads", 4);
            sample.put("connections", 50);
            sample.put("rssBytes", 200_000_000L);
            lines.append(JSON.writeValueAsString(sample)).append('\n');
        }
        Files.writeString(dir.resolve("server.jsonl"), lines);
    }
}
