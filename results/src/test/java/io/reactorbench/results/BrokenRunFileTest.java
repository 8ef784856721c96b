package io.reactorbench.results;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A hand-edited run.json that is broken: the error names the line or the field, never Java's internals. */
class BrokenRunFileTest {

    @TempDir
    Path dir;

    private Path runFile(String json) throws Exception {
        return Files.writeString(dir.resolve("run.json"), json);
    }

    @Test
    void shouldNameTheLineAndColumnOfASyntaxError() throws Exception {
        Path file = runFile("{\"schema\": \"reactorbench.run/1\",\n  \"id\": \"x\",\n  \"suite\": smoke\n}\n");

        assertThatThrownBy(() -> Results.readRun(dir))
                .isInstanceOf(ResultsFormatException.class)
                .hasMessageContaining(file + ": not valid JSON: line 3, column ")
                .hasMessageNotContaining("Source:").hasMessageNotContaining("REDACTED");
    }

    @Test
    void shouldNameTheFieldOfAValueOfTheWrongKindWithoutJavaClassNames() throws Exception {
        runFile("{\"schema\": \"reactorbench.run/1\", \"id\": \"x\", \"status\": \"DONE-ISH\", \"startedAt\": [1]}");

        assertThatThrownBy(() -> Results.readRun(dir))
                .isInstanceOf(ResultsFormatException.class)
                .hasMessageContaining("does not match schema reactorbench.run/1: field '")
                .hasMessageNotContaining("io.reactorbench").hasMessageNotContaining("java.lang")
                .hasMessageNotContaining("JsonToken").hasMessageNotContaining("Source:");
    }
}
