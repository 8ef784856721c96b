package io.reactorbench.results.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.reactorbench.results.ErrorCounts;
import io.reactorbench.results.LatencySummary;
import io.reactorbench.results.LatencyViews;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * load.json keeps its bytes now that its record lives here and the results mapper writes it. The golden files
 * are load.json files of a smoke run written by the load generator before the move (commit 43c4dcc): a closed
 * rpc cell, an open-loop idle cell (corrected latency, send lateness, a rate) and an http cell (status counts).
 */
class LoadJsonTest {

    @TempDir
    Path temp;

    private static String golden(String name) throws IOException {
        return Files.readString(Path.of("src/test/resources/golden", name));
    }

    @ParameterizedTest
    @ValueSource(strings = {"load-closed-rpc.json", "load-idle.json", "load-http.json"})
    void shouldWriteBackALoadJsonOfTheLoadGeneratorByteForByte(String name) throws IOException {
        Path file = temp.resolve(name);
        Files.writeString(file, golden(name));

        LoadResult result = LoadJson.read(file);
        LoadJson.write(result, temp.resolve("again.json"));

        assertThat(LoadJson.toJson(result)).isEqualTo(golden(name));
        assertThat(Files.readString(temp.resolve("again.json"))).isEqualTo(golden(name));
    }

    @Test
    void shouldSpellEveryFieldAsTheLoadGeneratorsOwnMapperDid() {
        // Every optional part present, so that no null hides a field whose spelling or place changed.
        LatencySummary latency = new LatencySummary(10, 1.5, 1, 2, 3, 4, 5, 6, 7);
        LoadResult everything = new LoadResult(LoadResult.SCHEMA,
                new LoadResult.Params("http", "open", 4, 1000.0, 64, 2, true, 128, 5, 6, 1.0, 2.0, 3.0, 2,
                        List.of("127.0.0.1:9"), "0/1", "epoll", 16_384L, 65_536L, "tcp", "2s:100,2s:300"),
                2.0, 2000, 1000.0, new ErrorCounts(1, 2, 3, 4), new LatencyViews(latency, latency), 12.5,
                List.of("connect: refused"), new LoadResult.Memory(4, 100, 1000, 1400), true, 2, 0.75, latency,
                new LoadResult.SlowRead(1, 2, 3, 4.0, 5.0, 6), 99L, new RateCheck(1000, 990, RateCheck.TOLERANCE, false),
                new Responses(100, 50.0, Map.of("200", 1990L, "404", 10L)), 3L,
                List.of(new CeilingStep(0, 4, 4, 0.5, 8.0, 4, 1000, 2000, 10, ErrorCounts.NONE, latency, null, null,
                        new ErrorCounts(0, 1, 0, 0), 0.0909, latency),
                        new CeilingStep(1, 8, 6, 1.0, 2.0, 6, 0, 0, 0, new ErrorCounts(2, 0, 0, 0), LatencySummary.EMPTY,
                                CeilingStop.MEMORY_GUARD, "memory guard: MemAvailable 1.8 GiB below the 2.0 GiB floor",
                                null, null, null)),
                new ErrorCounts(0, 3, 4, 5), 0.006, null, null);
        JsonMapper loadGeneratorMapper = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

        String json = LoadJson.toJson(everything);

        assertThat(json).isEqualTo(loadGeneratorMapper.writeValueAsString(everything));
        assertThat(json).doesNotContain("achievedPercent", "unsuccessfulHttpAnswers", "preferred", "completed");
    }

    @Test
    void shouldWriteACeilingStepsStopReasonAsItsCodeAndReadItBack() throws IOException {
        CeilingStep stopped = new CeilingStep(2, 300, 120, 1.5, 80.0, 120, 0, 0, 0, new ErrorCounts(0, 0, 0, 0),
                LatencySummary.EMPTY, CeilingStop.FD_LIMIT, "EMFILE (too many open files) after 120 connections", null,
                null, null);
        Path file = temp.resolve("steps.json");
        Files.writeString(file, LoadJson.toJson(new LoadResult(LoadResult.SCHEMA, null, 0, 0, 0, ErrorCounts.NONE,
                null, null, List.of(), null, false, 1, null, null, null, null, null, null, null, List.of(stopped), null, null,
                null, null)));
        LoadResult withSteps = LoadJson.read(file);

        assertThat(LoadJson.toJson(withSteps)).contains("\"stoppedBy\" : \"fd-limit\"");
        assertThat(withSteps.steps()).containsExactly(stopped);
    }

    @Test
    void shouldReadAPartialLoadJsonWithZerosAndNullsForWhatItLacks() throws IOException {
        Path file = temp.resolve("load.json");
        Files.writeString(file, """
                {"requests": 5, "windowSeconds": 1.0, "somethingNew": true,
                 "latencyNs": {"corrected": null, "uncorrected": {"count": 5, "p99": 2}}}""");

        LoadResult result = LoadJson.read(file);

        assertThat(result.requests()).isEqualTo(5);
        assertThat(result.throughput()).isZero();
        assertThat(result.errors()).isNull();
        assertThat(result.params()).isNull();
        assertThat(result.latencyNs().uncorrected().p99()).isEqualTo(2);
    }

    @Test
    void shouldNameTheFileItCannotRead() throws IOException {
        Path file = temp.resolve("load.json");
        Files.writeString(file, "{\"requests\": ");

        assertThatThrownBy(() -> LoadJson.read(file)).isInstanceOf(IOException.class)
                .hasMessageContaining("cannot read load result " + file);
    }
}
