package io.reactorbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A suite that cannot run is refused before anything starts: one line with file, line and reason, exit 2. */
class RunSuiteErrorTest {

    @TempDir
    Path temp;

    private String runExpectingUsageError(String yaml) throws Exception {
        Path suite = temp.resolve("bad.yaml");
        Files.writeString(suite, yaml);
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream original = System.err;
        int exit;
        try {
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            exit = Main.execute("run", suite.toString(), "--out", temp.resolve("runs").toString());
        } finally {
            System.setErr(original);
        }
        assertThat(exit).isEqualTo(2);
        assertThat(Files.exists(temp.resolve("runs"))).as("nothing started").isFalse();
        String message = err.toString(StandardCharsets.UTF_8).strip();
        assertThat(message.lines()).hasSize(1);
        return message;
    }

    @Test
    void shouldRejectAnUnknownKeyWithFileAndLine() throws Exception {
        String message = runExpectingUsageError("""
                name: bad
                designs: [threads]
                scenarios:
                  - name: echo
                    app: echo
                    connections: 10
                    pipelining: 4
                """);

        assertThat(message).contains("bad.yaml:7: unknown key 'pipelining' in scenario 'echo'");
    }

    @Test
    void shouldRejectNegativeConnectionsWithFileAndLine() throws Exception {
        String message = runExpectingUsageError("""
                name: bad
                designs: [threads]
                scenarios:
                  - {name: echo, app: echo, connections: -5}
                """);

        assertThat(message).contains("bad.yaml:4: 'connections' in scenario 'echo'").contains("got -5");
    }

    @Test
    void shouldRejectAWrongTypeWithFileAndLine() throws Exception {
        String message = runExpectingUsageError("""
                name: bad
                trials: three
                designs: [threads]
                scenarios:
                  - {name: echo, app: echo, connections: 1}
                """);

        assertThat(message).contains("bad.yaml:2: 'trials' in the suite must be a whole number, got text 'three'");
    }

    @Test
    void shouldRejectAnUnknownDesignWithFileAndLine() throws Exception {
        String message = runExpectingUsageError("""
                name: bad
                designs:
                  - threads
                  - thread
                scenarios:
                  - {name: echo, app: echo, connections: 1}
                """);

        assertThat(message).contains("bad.yaml:4: unknown server design 'thread'");
    }
}
