package io.reactorbench.scenarios.probe;

import static org.assertj.core.api.Assertions.assertThat;

import io.reactorbench.results.ProbeSample;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The probe's GC pauses in a JVM with a small heap and a given collector, as {@code serve} reports them. */
class GcPauseRecorderTest {

    private static final long CHILD_TIMEOUT_S = 60;

    @Test
    void shouldReportSerialYoungPausesWithSubMillisecondPrecisionFromJfr() throws Exception {
        ProbeSample stats = statsAfterAllocating("jfr", "-XX:+UseSerialGC", "-Xmx64m");

        assertPausesFromJfrWithFractionalMilliseconds(stats);
        assertThat(stats.gcPauseTotalMs()).isPositive();
    }

    @Test
    void shouldCountEveryZgcPauseWithItsMicrosecondDuration() throws Exception {
        ProbeSample stats = statsAfterAllocating("jfr", "-XX:+UseZGC", "-Xmx64m");

        // ZGC's pauses are tens of microseconds: GC notifications would list them as 0 ms; JFR gives each its duration
        assertPausesFromJfrWithFractionalMilliseconds(stats);
    }

    /** Every pause listed with a positive duration, not all in whole milliseconds, the maximum within the total. */
    private static void assertPausesFromJfrWithFractionalMilliseconds(ProbeSample stats) {
        assertThat(stats.gcPauseSource()).isEqualTo("jfr");
        assertThat(stats.gcCount()).isPositive();
        List<Double> durationsMs = durationsMs(stats);
        assertThat(durationsMs).isNotEmpty().allSatisfy(ms -> assertThat(ms).isPositive());
        assertThat(durationsMs).anySatisfy(ms -> assertThat(ms % 1).isNotZero()); // not whole milliseconds
        assertThat(stats.gcPauseMaxMs()).isPositive().isLessThanOrEqualTo(stats.gcPauseTotalMs());
    }

    @Test
    void shouldFallBackToNotificationPausesAndSaySoWhenJfrIsOff() throws Exception {
        ProbeSample stats = statsAfterAllocating("notifications",
                "-D" + GcPauseRecorder.SOURCE_PROPERTY + "=notifications", "-XX:+UseSerialGC", "-Xmx64m");

        assertThat(stats.gcPauseSource()).isEqualTo("notifications");
        assertThat(stats.gcPauseSourceNote()).contains("JFR unavailable", "turned off");
        assertThat(stats.gcCount()).isPositive();
        assertThat(durationsMs(stats)).isNotEmpty().allSatisfy(ms -> assertThat(ms % 1).isZero()); // whole ms
        assertThat(stats.gcPauseMaxMs()).isLessThanOrEqualTo(stats.gcPauseTotalMs());
    }

    @Test
    void shouldGiveMillisecondsAsTheDoubleNearestTheExactDecimal() {
        // what the probe's hand-written decimals ("0.000001", "12.3405") read back as, before it spoke Jackson
        assertThat(GcPauseLog.ms(0)).isEqualTo(0.0);
        assertThat(GcPauseLog.ms(7_000_000)).isEqualTo(7.0);
        assertThat(GcPauseLog.ms(20_000)).isEqualTo(Double.parseDouble("0.02"));
        assertThat(GcPauseLog.ms(1)).isEqualTo(Double.parseDouble("0.000001"));
        assertThat(GcPauseLog.ms(12_340_500)).isEqualTo(Double.parseDouble("12.3405"));
        assertThat(GcPauseLog.epochMs(1_795_670_518_922_906_789L)).isEqualTo(Double.parseDouble("1795670518922.906"));
    }

    @Test
    void shouldListPausesOnceAndKeepTotalsAcrossCalls() {
        GcPauseLog log = new GcPauseLog();
        log.record(1_795_670_518_922_906_789L, 25_500);
        log.record(1_795_670_519_000_000_000L, 1_250_000);

        assertThat(log.drain()).isEqualTo(new GcPauseLog.Drained(2, 1.2755, 1.25,
                List.of(List.of(1795670518922.906, 0.0255), List.of(1795670519000.0, 1.25))));
        assertThat(log.drain()).isEqualTo(new GcPauseLog.Drained(2, 1.2755, 1.25, List.of()));
    }

    private static List<Double> durationsMs(ProbeSample stats) {
        return stats.pauses().stream().map(pause -> pause.get(1)).toList();
    }

    private static ProbeSample statsAfterAllocating(String expectedSource, String... jvmOptions)
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
            String answer = Files.readString(out).strip();
            assertThat(answer).startsWith(ProbeProtocol.STATS + " ");
            return ProbeProtocol.parseAnswer(answer);
        } finally {
            child.destroyForcibly();
            Files.deleteIfExists(out);
        }
    }
}
