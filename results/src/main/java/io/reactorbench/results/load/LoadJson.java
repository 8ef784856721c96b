package io.reactorbench.results.load;

import io.reactorbench.results.AtomicFiles;
import io.reactorbench.results.ResultsJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import tools.jackson.core.JacksonException;

/**
 * Reads and writes {@link LoadResult} as {@code load.json} with the results mapper, so the file and summary.json
 * spell shared records alike. Written atomically and without a trailing newline (as the load generator always
 * wrote it). Reading does not insist on the schema tag: the runner's stand-in load generator writes only the
 * fields the runner reads, and unknown fields are ignored like in every results file.
 */
public final class LoadJson {

    private LoadJson() {
    }

    public static void write(LoadResult result, Path file) throws IOException {
        try {
            AtomicFiles.write(file, toJson(result).getBytes(StandardCharsets.UTF_8));
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    public static String toJson(LoadResult result) {
        return ResultsJson.mapper().writeValueAsString(result);
    }

    public static LoadResult read(Path file) throws IOException {
        try {
            return ResultsJson.mapper().readValue(file.toFile(), LoadResult.class);
        } catch (JacksonException e) {
            throw new IOException("cannot read load result " + file + ": " + e.getOriginalMessage(), e);
        }
    }
}
