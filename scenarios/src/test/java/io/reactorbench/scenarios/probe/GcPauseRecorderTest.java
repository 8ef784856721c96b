package io.reactorbench.scenarios.probe;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The probe's GC pauses in a JVM with a small heap and a given collector, as {@code serve} reports them. */
class GcPauseRecorderTest {

    private static final long CHILD_TIMEOUT_S = 60;

    @Test
    void shouldReportSerialYoungPausesWithSubMillisecondPrecisionFromJfr() throws Exception {
        JsonNode stats = statsAfterAllocating("jfr", "-XX:+UseSerialGC", "-Xmx64m");

        assertPausesFromJfrWithFractionalMilliseconds(stats);
        assertThat(stats.path("gcPauseTotalMs").asDouble()).isPositive();
    }

    @Test
    void shouldCountEveryZgcPauseWithItsMicrosecondDuration() throws Exception {
        JsonNode stats = statsAfterAllocating("jfr", "-XX:+UseZGC", "-Xmx64m");

        // ZGC's pauses are tens of microseconds: GC notifications would list them as 0 ms; JFR gives each its duration
        assertPausesFromJfrWithFractionalMilliseconds(stats);
    }

    /** Every pause listed with a positive duration, not all in whole milliseconds, the maximum within the total. */
    private static void assertPausesFromJfrWithFractionalMilliseconds(JsonNode stats) {
        assertThat(stats.path("gcPauseSource").asString()).isEqualTo("jfr");
        assertThat(stats.path("gcCount").asLong()).isPositive();
        List<Double> durationsMs = durationsMs(stats);
        assertThat(durationsMs).isNotEmpty().allSatisfy(ms -> assertThat(ms).isPositive());
        assertThat(durationsMs).anySatisfy(ms -> assertThat(ms % 1).isNotZero()); // not whole milliseconds
        assertThat(stats.path("gcPauseMaxMs").asDouble()).isPositive()
                .isLessThanOrEqualTo(stats.path("gcPauseTotalMs").asDouble());
    }

    @Test
    void shouldFallBackToNotificationPausesAndSaySoWhenJfrIsOff() throws Exception {
        JsonNode stats = statsAfterAllocating("notifications",
                "-D" + GcPauseRecorder.SOURCE_PROPERTY + "=notifications", "-XX:+UseSerialGC", "-Xmx64m");

        assertThat(stats.path("gcPauseSource").asString()).isEqualTo("notifications");
        assertThat(stats.path("gcPauseSourceNote").asString()).contains("JFR unavailable", "turned off");
        assertThat(stats.path("gcCount").asLong()).isPositive();
        assertThat(durationsMs(stats)).isNotEmpty().allSatisfy(ms -> assertThat(ms % 1).isZero()); // whole ms
        assertThat(stats.path("gcPauseMaxMs").asDouble()).isLessThanOrEqualTo(stats.path("gcPauseTotalMs").asDouble());
    }

    @Test
    void shouldWriteMillisecondsAsPlainDecimalsKeepingEveryNanosecond() {
        assertThat(ms(0)).isEqualTo("0");
        assertThat(ms(7_000_000)).isEqualTo("7");
        assertThat(ms(20_000)).isEqualTo("0.02");
        assertThat(ms(1)).isEqualTo("0.000001");
        assertThat(ms(12_340_500)).isEqualTo("12.3405");
    }

    @Test
    void shouldListPausesOnceAndKeepTotalsAcrossCalls() {
        GcPauseLog log = new GcPauseLog();
        log.record(1_795_670_518_922_906_789L, 25_500);
        log.record(1_795_670_519_000_000_000L, 1_250_000);

        assertThat(json(log)).isEqualTo("\"gcCount\":2,\"gcPauseTotalMs\":1.2755,\"gcPauseMaxMs\":1.25,"
                + "\"pauses\":[[1795670518922.906,0.0255],[1795670519000,1.25]]");
        assertThat(json(log)).isEqualTo("\"gcCount\":2,\"gcPauseTotalMs\":1.2755,\"gcPauseMaxMs\":1.25,\"pauses\":[]");
    }

    private static String ms(long ns) {
        StringBuilder text = new StringBuilder();
        GcPauseLog.appendMs(text, ns);
        return text.toString();
    }

    private static String json(GcPauseLog log) {
        StringBuilder json = new StringBuilder();
        log.appendJsonAndDrain(json);
        return json.toString();
    }

    private static List<Double> durationsMs(JsonNode stats) {
        List<Double> durations = new ArrayList<>();
        for (JsonNode pause : stats.path("pauses")) {
            durations.add(pause.get(1).asDouble());
        }
        return durations;
    }

    private static JsonNode statsAfterAllocating(String expectedSource, String... jvmOptions)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(List.of(jvmOptions));
        command.addAll(List.of("-XX:TieredStopAtLevel=1", "-cp",
                System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")),
                GcPauseProbeChild.class.getName(), expectedSource));
        Path out = Files.createTempFile("gc-pause-probe", ".json");
        Process child = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD)
                .redirectOutput(out.toFile()).start();
        try {
            assertThat(child.waitFor(CHILD_TIMEOUT_S, TimeUnit.SECONDS)).as("child exits").isTrue();
            assertThat(child.exitValue()).isZero();
            String stats = Files.readString(out).strip();
            assertThat(stats).startsWith("{");
            return JsonMapper.builder().build().readTree(stats);
        } finally {
            child.destroyForcibly();
            Files.deleteIfExists(out);
        }
    }
}
