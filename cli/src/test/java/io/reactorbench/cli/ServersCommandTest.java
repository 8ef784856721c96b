package io.reactorbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class ServersCommandTest {

    @Test
    void shouldListEveryBaselineDesignWithItsAvailability() {
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream original = System.out;
        int exitCode;
        try {
            System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
            exitCode = Main.execute("servers");
        } finally {
            System.setOut(original);
        }
        List<String> lines = captured.toString(StandardCharsets.UTF_8).lines().toList();

        assertThat(exitCode).isZero();
        for (String id : List.of("threads", "vthreads", "netty-nio", "netty-epoll", "netty-iouring")) {
            assertThat(lines).as("line of %s", id)
                    .anyMatch(line -> line.matches(id + " +(available|unavailable \\(.+\\)) +\\S.*"));
        }
        assertThat(lines).anyMatch(line -> line.startsWith("vthreads ") && line.contains(" available "));
    }
}
