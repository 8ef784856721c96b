package io.reactorbench.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.reactorbench.results.load.LoadJson;
import io.reactorbench.results.load.LoadResult;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** {@code load}'s verdicts on a whole run: thresholds and the exit code, rate stages, a missed rate. */
class LoadThresholdsCliTest {

    @TempDir
    Path dir;

    @RegisterExtension
    final LoadCliFixture fixture = new LoadCliFixture();

    private int load(String... more) {
        List<String> args = new ArrayList<>(List.of("load", "--target", fixture.target(), "--threads", "1",
                "--warmup", "0s", "--progress", "none"));
        args.addAll(List.of(more));
        return fixture.run(args.toArray(String[]::new));
    }

    @Test
    void shouldExit0WhenEveryThresholdHolds() {
        int exit = load("--connections", "2", "--rate", "200", "--duration", "500ms", "--threshold", "p99<10s",
                "--threshold", "errors<0.1%",
                "--threshold", "rps>1");
        assertThat(exit).as(fixture.out() + fixture.err()).isZero();
        assertThat(fixture.out()).contains("Threshold p99<10s          ok").contains("Threshold errors<0.1%      ok");
    }

    @Test
    void shouldExit1WhenAThresholdFailsAndSayWhich() {
        // No answer over loopback comes back within a nanosecond: the p99 threshold cannot hold.
        int exit = load("--connections", "2", "--rate", "200", "--duration", "500ms", "--threshold", "p99<1ns",
                "--threshold", "errors<0.1%");
        assertThat(exit).as(fixture.out() + fixture.err()).isEqualTo(1);
        assertThat(fixture.out()).contains("Threshold p99<1ns          FAILED (p99 ")
                .contains("Threshold errors<0.1%      ok");
    }

    @Test
    void shouldFlagARateTheRunCouldNotKeepInJsonSummaryAndStderr() throws IOException {
        // One connection, one request in flight, a blocking echo server: a million requests a second is out of reach.
        Path json = dir.resolve("missed.json");
        int exit = load("--connections", "1", "--rate", "1M", "--duration", "500ms", "--json", json.toString());
        assertThat(exit).as(fixture.err()).isZero();
        LoadResult result = LoadJson.read(json);
        assertThat(result.rateCheck().missed()).isTrue();
        assertThat(result.rateCheck().targetPerSec()).isEqualTo(1_000_000);
        assertThat(fixture.out()).contains("Rate MISSED:");
        assertThat(fixture.err()).contains("load: warning: the rate was missed");
    }

    @Test
    void shouldRunRateStagesAsTheWholeRunAndRecordThemInTheJson() throws IOException {
        Path json = dir.resolve("staged.json");
        int exit = load("--connections", "2", "--stages", "500ms:100,500ms:300", "--rate", "100", "--json",
                json.toString());
        assertThat(exit).as(fixture.out() + fixture.err()).isZero();
        LoadResult result = LoadJson.read(json);
        assertThat(result.params().stages()).isEqualTo("0.5s:100,0.5s:300");
        assertThat(result.params().durationSeconds()).isEqualTo(1.0);
        // 100/s for 0.5 s, then 100 -> 300/s over 0.5 s: 50 + 100 = 150 requests scheduled in 1 s.
        assertThat(result.rateCheck().targetPerSec()).isCloseTo(150.0, within(1.0));
        assertThat(fixture.out()).contains("open loop in stages from 100 req/s: 0.5s:100,0.5s:300");
    }
}
