package io.reactorbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.reactorbench.results.load.LoadJson;
import io.reactorbench.results.load.LoadResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Where {@code load} writes: output paths checked before the run, {@code -} for stdout, progress on stderr. */
class LoadOutputsCliTest {

    @TempDir
    Path dir;

    @RegisterExtension
    final LoadCliFixture fixture = new LoadCliFixture();

    /** A tiny open-loop run: 2 connections, 200 req/s, half a second, no warm-up. */
    private int tinyRun(String... more) {
        List<String> args = new ArrayList<>(List.of("load", "--target", fixture.target(), "--connections", "2",
                "--threads", "1", "--rate", "200", "--duration", "500ms", "--warmup", "0s"));
        args.addAll(List.of(more));
        return fixture.run(args.toArray(String[]::new));
    }

    @Test
    void shouldFailBeforeRunningWhenTheJsonCannotBeWritten() {
        assertThat(tinyRun("--json", "/proc/x.json")).isEqualTo(2);
        assertThat(fixture.err().lines().toList()).singleElement().asString()
                .startsWith("load: cannot write --json /proc/x.json");
        assertThat(fixture.accepted()).as("no connection was opened").isZero();
    }

    @Test
    void shouldRefuseADirectoryAsJsonAndLeaveNoTempFileBehind() throws IOException {
        Path adir = Files.createDirectory(dir.resolve("adir"));
        assertThat(tinyRun("--json", adir.toString())).isEqualTo(2);
        assertThat(fixture.err()).contains("--json " + adir + " is a directory");
        assertThat(dir.resolve("adir.tmp")).doesNotExist();
        assertThat(fixture.accepted()).isZero();
    }

    @Test
    void shouldFailBeforeRunningWhenTheIntervalLogCannotBeWritten() {
        assertThat(tinyRun("--hlog", "/proc/x.hlog")).isEqualTo(2);
        assertThat(fixture.err()).contains("cannot write --hlog /proc/x.hlog");
        assertThat(fixture.accepted()).isZero();
    }

    @Test
    void shouldWriteJsonToStdoutForADashAndTheSummaryToStderr() throws IOException {
        int exit = tinyRun("--json", "-", "--progress", "lines");
        assertThat(exit).as(fixture.err()).isZero();
        Path written = dir.resolve("result.json");
        Files.writeString(written, fixture.out());
        LoadResult result = LoadJson.read(written);
        assertThat(result.schema()).isEqualTo(LoadResult.SCHEMA);
        assertThat(result.requests()).isPositive();
        assertThat(fixture.err()).contains("Requests/sec:");
        assertThat(Path.of("-")).doesNotExist();
    }

    @Test
    void shouldPrintProgressToStderrSoThatStdoutHoldsTheSummaryOnly() {
        int exit = tinyRun("--progress", "lines");
        assertThat(exit).as(fixture.err()).isZero();
        assertThat(fixture.err()).contains("req/s | errors");
        assertThat(fixture.out()).contains("Requests/sec:").doesNotContain("req/s | errors");
    }
}
